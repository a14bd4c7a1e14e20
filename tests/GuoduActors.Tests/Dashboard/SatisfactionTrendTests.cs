using Bunit;
using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Components.Satisfaction;
using Radzen.Blazor;

namespace GuoduActors.Tests.Dashboard;

/// <summary>
/// The satisfaction page's trend views: the 4-week rolling view of every line, and the response and resolution rates of
/// the picked stations from the compiled weekly reports (the whole sub-district and the flagged Bolangfeng by default).
/// </summary>
public sealed class SatisfactionTrendTests : AnalyticsPageContext
{
    private static readonly DateOnly LastWeek = SampleAnalytics.LastCompletedWeek;

    public SatisfactionTrendTests()
    {
        Ratings.Ratings.AddRange(SampleAnalytics.Ratings());
        // Two compiled weeks; the weeks before were never compiled.
        Reports.Weeks[LastWeek] = SampleAnalytics.Reports(LastWeek);
        Reports.Weeks[LastWeek.AddDays(-7)] = SampleAnalytics.Reports(LastWeek.AddDays(-7));
        SignInAs(Actor.Leader("leader"));
    }

    [Fact]
    public void TheResponseRatesOfThePickedStationsComeFromTheirWeeklyReports()
    {
        var page = Render<SatisfactionPage>();

        // The whole sub-district from the office's aggregate, a station from its own report: 7 of 8 on time.
        Assert.Equal("87.5% (8 件应响应)", Cell(page, "governance", LastWeek, "*"));
        Assert.Equal("87.5% (8 件应响应)", Cell(page, "governance", LastWeek, "bolangfeng"));
        Assert.Equal("—", Cell(page, "governance", LastWeek.AddDays(-14), "*"));
        // Only completed weeks are compiled: the week in progress is not a row.
        Assert.Empty(page.FindAll("[data-table='governance'] tr[data-week='2026-11-23']"));
        Assert.Contains("响应率（%）", page.Find("[data-role='governance-trends']").TextContent);
    }

    [Fact]
    public async Task TheResolutionRatesUseTheReportsResolvedAndOverdueCounts()
    {
        var page = Render<SatisfactionPage>();

        await page.InvokeAsync(() => page.FindComponent<RadzenSelectBar<GovernanceRate>>().Instance.ValueChanged.InvokeAsync(GovernanceRate.Resolution));

        // 16 resolved of 16 + 2 still open past the deadline; Bolangfeng 6 of 6 + 2.
        Assert.Equal("88.9% (18 件应办结)", Cell(page, "governance", LastWeek, "*"));
        Assert.Equal("75.0% (8 件应办结)", Cell(page, "governance", LastWeek, "bolangfeng"));
        Assert.Contains("解决率（%）", page.Find("[data-role='governance-trends']").TextContent);
    }

    [Fact]
    public async Task TheRollingViewPoolsEachWeekWithTheThreeBeforeIt()
    {
        var page = Render<SatisfactionPage>();

        await page.InvokeAsync(() => page.FindComponent<RadzenSelectBar<bool>>().Instance.ValueChanged.InvokeAsync(true));

        // Bolangfeng: 5 of 5 satisfied a week, then 2 of 5 for the last four weeks.
        Assert.Equal("100.0% (20 条评价)", Cell(page, "stations", new DateOnly(2026, 10, 19), "bolangfeng"));
        Assert.Equal("85.0% (20 条评价)", Cell(page, "stations", new DateOnly(2026, 10, 26), "bolangfeng"));
        Assert.Equal("40.0% (20 条评价)", Cell(page, "stations", LastWeek, "bolangfeng"));
        // Two compiled weeks in the last window: 14 on time of 16 due, 12 resolved of 16.
        Assert.Equal("87.5% (16 件应响应)", Cell(page, "governance", LastWeek, "bolangfeng"));
        Assert.Contains("4 周滚动", page.Find("[data-role='view']").TextContent);
        Assert.Contains("合计的分子", page.Markup);
    }

    [Fact]
    public void WeeklyReportsThatCannotBeReadLeaveTheSatisfactionFiguresStanding()
    {
        Services.AddSingleton<GuoduActors.Dashboard.Services.Analytics.IWeeklyReportSource>(new FailingReports());
        var page = Render<SatisfactionPage>();

        Assert.NotNull(page.Find("[data-role='governance-trends-failed']"));
        Assert.Equal("40.0% (5 条评价)", Cell(page, "stations", LastWeek, "bolangfeng"));
    }

    private static string Cell(IRenderedComponent<SatisfactionPage> page, string chart, DateOnly week, string series) =>
        page.Find($"[data-table='{chart}'] tr[data-week='{week:yyyy-MM-dd}'] td[data-series='{series}']").TextContent.Trim();

    private sealed class FailingReports : GuoduActors.Dashboard.Services.Analytics.IWeeklyReportSource
    {
        public Task<IReadOnlyList<WeeklyReport>> GetWeekAsync(DateOnly weekStart) => Task.FromException<IReadOnlyList<WeeklyReport>>(new TimeoutException("office busy"));

        public Task<IReadOnlyList<WeeklyReport>> CompileAsync(DateOnly weekStart) => GetWeekAsync(weekStart);
    }
}
