using Bunit;
using GuoduActors.Tests.Dashboard;

namespace GuoduActors.Tests.Simulation;

/// <summary>The overview page labels a simulated history as such, and real data not at all.</summary>
public sealed class SimulatedDataNoticeTests : OverviewPageContext
{
    private static readonly SimulationPlan Plan = new(2026, new DateOnly(2024, 11, 28), new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), 3.5);

    [Fact]
    public void TheOverviewSaysItsDataIsSimulatedAndUpToWhenInChinese()
    {
        using var chinese = new CultureScope("zh-CN");
        Source.Returns(SampleOverview.With() with { Simulation = new SimulationStatus(SimulationPhase.Seeded, Plan, Plan.Until, Plan.Until, 1000, 10) });

        var notice = RenderOverview().Find("[data-role='simulated-data']");

        Assert.Contains("模拟数据", notice.TextContent);
        Assert.Contains("2026-11-28 00:00", notice.TextContent);
        Assert.Empty(notice.QuerySelectorAll("[data-role='simulated-data-seeding']"));
    }

    [Fact]
    public void TheOverviewSaysSoInEnglishAndWhileTheHistoryIsStillBeingWritten()
    {
        using var english = new CultureScope("en");
        Source.Returns(SampleOverview.With() with { Simulation = new SimulationStatus(SimulationPhase.Seeding, Plan, Plan.Until, null, 0, 0) });

        var notice = RenderOverview().Find("[data-role='simulated-data']");

        Assert.Contains("Simulated data", notice.TextContent);
        Assert.Contains("2026-11-28 00:00", notice.TextContent);
        Assert.NotNull(notice.QuerySelector("[data-role='simulated-data-seeding']"));
    }

    [Fact]
    public void RealDataCarriesNoSimulationLabel()
    {
        using var chinese = new CultureScope("zh-CN");
        Source.Returns(SampleOverview.With() with { Simulation = SimulationStatus.None });

        var page = RenderOverview();

        Assert.NotEmpty(page.FindAll("[data-role='updated-at']"));
        Assert.Empty(page.FindAll("[data-role='simulated-data']"));
    }
}
