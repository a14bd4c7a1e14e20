using AngleSharp.Dom;
using Bunit;
using GuoduActors.Dashboard.Components.Reports;

namespace GuoduActors.Tests.Dashboard;

public sealed class ReportsPageTests : AnalyticsPageContext
{
    private static readonly DateOnly LastWeek = SampleAnalytics.LastCompletedWeek;
    private static readonly DateOnly WeekBefore = LastWeek.AddDays(-7);

    public ReportsPageTests()
    {
        Reports.Weeks[LastWeek] = SampleAnalytics.Reports(LastWeek);
        Reports.Weeks[WeekBefore] = SampleAnalytics.Reports(WeekBefore);
    }

    [Fact]
    public void ByDefaultTheLastCompletedWeekIsShown()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<ReportsPage>();

        Assert.Equal([LastWeek], Reports.Read);
        Assert.Contains("2026-W47 · 2026-11-16 – 11-22", page.Find("[data-role='week-picker']").TextContent);
        Assert.Contains("编制于 2026-11-23 00:05（北京时间）", page.Find("[data-role='generated-at']").TextContent);
    }

    [Fact]
    public void TheSubDistrictTotalComesFirstThenEachLevelOneAggregateWithItsOwnFiguresAndItsLevelTwoStationsBeneath()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<ReportsPage>();

        Assert.Equal(["guodu/aggregate", "fenglin/aggregate", "community-02/aggregate"], Rows(page));

        Toggle(page, "fenglin");

        Assert.Equal(["guodu/aggregate", "fenglin/aggregate", "fenglin/own", "bolangfeng/own", "compound-02/own", "community-02/aggregate"], Rows(page));
        Assert.Contains("全街道合计", Row(page, "guodu", "aggregate").TextContent);
        Assert.Contains("合计", Row(page, "fenglin", "aggregate").TextContent);
        Assert.Contains("本级", Row(page, "fenglin", "own").TextContent);
        Assert.Contains("铂琅峯小区", Row(page, "bolangfeng", "own").TextContent);
        Assert.Equal("1", Row(page, "bolangfeng", "own").GetAttribute("data-depth"));
    }

    [Fact]
    public void ExpandAllShowsEveryStationAndTheOfficesOwnFigures()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<ReportsPage>();

        page.Find("[data-role='expand-all']").Click();

        Assert.Equal(
            ["guodu/aggregate", "guodu/own", "fenglin/aggregate", "fenglin/own", "bolangfeng/own", "compound-02/own", "community-02/aggregate", "community-02/own"],
            Rows(page));
        Assert.Contains("郭杜街道“小事办”", Row(page, "guodu", "own").TextContent);
    }

    [Fact]
    public void EveryLineShowsAllFiguresAndTheThreeRatesAsPercentages()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<ReportsPage>();

        var fenglin = Row(page, "fenglin", "aggregate");
        Assert.Equal("12", Figure(fenglin, "received"));
        Assert.Equal("10", Figure(fenglin, "resolved"));
        Assert.Equal("8", Figure(fenglin, "resolved-on-time"));
        Assert.Equal("2", Figure(fenglin, "overdue"));
        Assert.Equal("1", Figure(fenglin, "escalated"));
        Assert.Equal("25 分钟", Figure(fenglin, "median-first-response"));
        Assert.Equal("5.5 小时", Figure(fenglin, "median-resolution"));
        Assert.Equal("87.5%", Figure(fenglin, "response-rate"));
        Assert.Equal("83.3%", Figure(fenglin, "resolution-rate"));
        // Nobody rated: the rate is empty, never 0 %.
        Assert.Equal("—", Figure(fenglin, "satisfaction-rate"));
        Assert.Equal("75.0%", Figure(Row(page, "guodu", "aggregate"), "satisfaction-rate"));
        Assert.Equal("7 / 8", fenglin.QuerySelector("[data-figure='response-rate']")!.GetAttribute("title"));
    }

    [Fact]
    public void TheHeadlineShowsTheSubDistrictsVolumesAndRates()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<ReportsPage>();

        var headline = page.Find("[data-role='headline']");
        Assert.Contains("郭杜街道", headline.TextContent);
        Assert.Equal("20", headline.QuerySelector("[data-stat='received'] [data-role='value']")!.TextContent.Trim());
        Assert.Equal("75.0%", headline.QuerySelector("[data-stat='satisfaction-rate'] [data-role='value']")!.TextContent.Trim());
    }

    [Fact]
    public void TheCsvExportLinksToTheApiForTheShownWeek()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<ReportsPage>();

        var link = page.Find("a[data-role='csv']");
        Assert.Equal("api/reports/weekly.csv?week=2026-11-16", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
        Assert.Contains("导出 CSV", link.TextContent);
    }

    [Fact]
    public void AWeekNamedInTheAddressIsShownAndExported()
    {
        SignInAs(Planner);
        NavigateTo("reports?week=2026-11-09");
        var page = Render<ReportsPage>();

        Assert.Equal([WeekBefore], Reports.Read);
        Assert.Equal("api/reports/weekly.csv?week=2026-11-09", page.Find("a[data-role='csv']").GetAttribute("href"));
    }

    [Theory]
    [InlineData("2026-11-10", "不是某周的周一")]
    [InlineData("2026-11-23", "尚未结束")]
    public void AWeekThatCannotHaveReportsFallsBackToTheLastCompletedWeekAndSaysSo(string week, string explanation)
    {
        SignInAs(Planner);
        NavigateTo($"reports?week={week}");
        var page = Render<ReportsPage>();

        Assert.Contains(explanation, page.Find("[data-role='week-notice']").TextContent);
        Assert.Equal([LastWeek], Reports.Read);
    }

    [Fact]
    public void AWeekNotYetCompiledSaysWhenReportsAreCompiledAndOffersLeadersToCompileItNow()
    {
        Reports.Weeks.Remove(LastWeek);
        SignInAs(Actor.Leader("leader"));
        var page = Render<ReportsPage>();

        var empty = page.Find("[data-role='empty']").TextContent;
        Assert.Contains("2026-W47 · 2026-11-16 – 11-22 的周汇总尚未编制", empty);
        Assert.Contains("周汇总每周一 00:00（北京时间）自动编制上一周", empty);
        Assert.Contains("街道领导可以现在就编制这一周", empty);
        Assert.Empty(page.FindAll("a[data-role='csv']"));

        page.Find("[data-role='compile']").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal([LastWeek], Reports.Compiled);
            Assert.Contains("2026-W47 的周汇总已编制：共 8 份报告", page.Find("[data-role='compile-result']").TextContent);
            Assert.Equal(["guodu/aggregate", "fenglin/aggregate", "community-02/aggregate"], Rows(page));
            Assert.NotNull(page.Find("a[data-role='csv']"));
        });
    }

    [Fact]
    public void AFailedCompilationIsExplainedAndChangesNothing()
    {
        Reports.Weeks.Remove(LastWeek);
        Reports.OnCompile = week => throw DomainRefusalException.Invalid($"The week of {week:yyyy-MM-dd} has not ended yet.");
        SignInAs(Actor.Leader("leader"));
        var page = Render<ReportsPage>();

        page.Find("[data-role='compile']").Click();

        page.WaitForAssertion(() => Assert.Contains("编制失败：The week of 2026-11-16 has not ended yet.", page.Find("[data-role='compile-result']").TextContent));
        Assert.NotNull(page.Find("[data-role='empty']"));
    }

    [Fact]
    public void OnlyLeadersAreOfferedToCompileAWeek()
    {
        Reports.Weeks.Remove(LastWeek);
        SignInAs(Planner);
        var page = Render<ReportsPage>();

        Assert.Contains("请联系街道领导编制这一周", page.Find("[data-role='empty']").TextContent);
        Assert.Empty(page.FindAll("[data-role='compile']"));
    }

    [Fact]
    public void StaffOfALevelOneStationSeeItsAggregateItsOwnFiguresAndItsLevelTwoStationsOnly()
    {
        // The silo's sign-in expands a level-1 station's staff to its level-2 stations.
        SignInAs(Actor.Staff("fenglin", "fenglin", "bolangfeng", "compound-02"));
        var page = Render<ReportsPage>();

        Assert.Equal(["fenglin/aggregate", "fenglin/own", "bolangfeng/own", "compound-02/own"], Rows(page));
        Assert.Contains("凤林社区", page.Find("[data-role='headline']").TextContent);
    }

    [Fact]
    public void StaffOfALevelTwoStationSeeTheirOwnReportOnly()
    {
        SignInAs(Actor.Staff("bolangfeng", "bolangfeng"));
        var page = Render<ReportsPage>();

        Assert.Equal(["bolangfeng/own"], Rows(page));
        Assert.DoesNotContain("郭杜街道", page.Find("[data-role='reports']").TextContent);
    }

    [Fact]
    public void TeamLeadsAreToldWhoTheReportsAreFor()
    {
        SignInAs(Actor.TeamLead("haoxiujiang", "haoxiujiang"));
        var page = Render<ReportsPage>();

        Assert.Contains("周汇总供街道领导、规划人员和站点工作人员（本站点）使用", page.Find("[data-role='access']").TextContent);
        Assert.Empty(Reports.Read);
    }

    [Fact]
    public void UnderTheEnglishCultureTheReportsSpeakEnglish()
    {
        using var english = new CultureScope("en");
        SignInAs(Actor.Leader("leader"));
        var page = Render<ReportsPage>();

        var header = page.Find("[data-role='reports'] thead").TextContent;
        Assert.Contains("Received", header);
        Assert.Contains("Response rate", header);
        Assert.Contains("Satisfaction rate", header);
        Assert.Contains("Guodu Sub-district", Row(page, "guodu", "aggregate").TextContent);
        Assert.Equal("25 min", Figure(Row(page, "fenglin", "aggregate"), "median-first-response"));
        Assert.Equal("7 of 8", Row(page, "fenglin", "aggregate").QuerySelector("[data-figure='response-rate']")!.GetAttribute("title"));
        Assert.Contains("Export CSV", page.Find("a[data-role='csv']").TextContent);
    }

    private static List<string> Rows(IRenderedComponent<ReportsPage> page) =>
        page.FindAll("[data-role='reports'] tr[data-station]").Select(r => $"{r.GetAttribute("data-station")}/{r.GetAttribute("data-kind")}").ToList();

    private static IElement Row(IRenderedComponent<ReportsPage> page, string station, string kind) =>
        page.Find($"[data-role='reports'] tr[data-station='{station}'][data-kind='{kind}']");

    private static void Toggle(IRenderedComponent<ReportsPage> page, string station) =>
        page.Find($"[data-role='reports'] tr[data-station='{station}'][data-kind='aggregate'] [data-role='toggle']").Click();

    private static string Figure(IElement row, string name) => row.QuerySelector($"[data-figure='{name}']")!.TextContent.Trim();
}
