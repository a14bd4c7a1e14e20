using AngleSharp.Dom;
using Bunit;
using GuoduActors.Dashboard.Components.Overview;

namespace GuoduActors.Tests.Dashboard;

public sealed class StationLoadGridTests : OverviewPageContext
{
    private readonly CultureScope _chinese = new("zh-CN");

    protected override void Dispose(bool disposing)
    {
        _chinese.Dispose();
        base.Dispose(disposing);
    }

    // Compounds: Bolangfeng 1 open, 3 overdue; Jinxiu 9 open (the compounds' mean is 5, so 1.8×, high but under 2×).
    // Communities: Fenglin 2 open, 1 overdue; Dongfeng nothing.
    private static SubDistrictOverview Busy() =>
        SampleOverview.With(fenglinOpen: 2, fenglinOverdue: 1, bolangfengOpen: 1, bolangfengOverdue: 3, jinxiuOpen: 9);

    [Theory]
    [InlineData(0, 0, 1.0, Severity.Normal)]
    [InlineData(1, 1, 1.0, Severity.Warning)]
    [InlineData(4, 3, 1.0, Severity.Critical)]
    [InlineData(5, 0, 2.0, Severity.Warning)]
    [InlineData(4, 0, 20.0, Severity.Normal)]
    [InlineData(10, 0, 3.0, Severity.Critical)]
    [InlineData(9, 0, 3.0, Severity.Warning)]
    [InlineData(12, 0, 1.9, Severity.Normal)]
    public void OverdueTicketsAndALoadWellAboveThePeersRaiseTheSeverity(int open, int overdue, double load, Severity expected) =>
        Assert.Equal(expected, StationLoadLine.Classify(open, overdue, load));

    [Fact]
    public void AStationsLoadIsItsOpenTicketsAgainstTheMeanOfItsLevelAndTheOfficeHasNone()
    {
        var lines = StationLoadLine.From(SampleOverview.With(fenglinOpen: 2, bolangfengOpen: 1, jinxiuOpen: 9, officeOpen: 4)).ToDictionary(l => l.Id);

        Assert.Equal(2.0, lines["fenglin"].Load);
        Assert.Equal(0.0, lines["community-02"].Load);
        Assert.Equal(1.8, lines["compound-02"].Load!.Value, 6);
        Assert.Null(lines["guodu"].Load);
        Assert.Equal(4, lines["guodu"].Open);
    }

    [Fact]
    public void EachRowIsColouredByItsSeverityAndTheMostUrgentComeFirst()
    {
        var grid = RenderGrid(Busy());

        Assert.Equal(["bolangfeng", "fenglin", "compound-02", "community-02"], RowIds(grid));
        Assert.Equal("severity-critical", Row(grid, "bolangfeng").ClassList.Last());
        Assert.Equal("severity-warning", Row(grid, "fenglin").ClassList.Last());
        Assert.Equal("severity-normal", Row(grid, "compound-02").ClassList.Last());
        Assert.Equal("severity-normal", Row(grid, "community-02").ClassList.Last());
        Assert.All(Row(grid, "bolangfeng").QuerySelectorAll("td"), cell => Assert.Contains("--rz-danger-lighter", cell.GetAttribute("style")));
        Assert.All(Row(grid, "community-02").QuerySelectorAll("td"), cell => Assert.DoesNotContain("lighter", cell.GetAttribute("style") ?? ""));
        Assert.Equal("告急", Row(grid, "bolangfeng").QuerySelector("[data-severity]")!.TextContent.Trim());
        Assert.Equal("1.8×", Row(grid, "compound-02").QuerySelector("[data-role='load']")!.TextContent.Trim());
        Assert.Equal("二级站 · 凤林社区", Row(grid, "compound-02").QuerySelector("[data-role='level']")!.TextContent.Trim());
    }

    [Fact]
    public void ClickingAColumnTitleSortsByItAscendingThenDescending()
    {
        var grid = RenderGrid(Busy());

        HeaderOf(grid, "未办结").Click();
        Assert.Equal(["community-02", "bolangfeng", "fenglin", "compound-02"], RowIds(grid));

        HeaderOf(grid, "未办结").Click();
        Assert.Equal(["compound-02", "fenglin", "bolangfeng", "community-02"], RowIds(grid));
    }

    [Fact]
    public void EveryStationLinksToItsPage()
    {
        var grid = RenderGrid(Busy());

        Assert.Equal("stations/bolangfeng", Row(grid, "bolangfeng").QuerySelector("a[data-role='station-link']")!.GetAttribute("href"));
    }

    [Fact]
    public void TheOverviewShowsTheOfficeAmongTheStationsWithoutALoad()
    {
        Source.Returns(SampleOverview.With(officeOpen: 2, officeOverdue: 2));
        var page = Render<OverviewPage>();

        var office = page.Find("tr[data-load-station='guodu']");
        Assert.Contains("郭杜街道“小事办”", office.TextContent);
        Assert.Equal("—", office.QuerySelector("[data-role='load']")!.TextContent.Trim());
        Assert.Equal("severity-warning", office.ClassList.Last());
    }

    private IRenderedComponent<StationLoadGrid> RenderGrid(SubDistrictOverview overview) =>
        Render<StationLoadGrid>(p => p.Add(g => g.Lines, StationLoadLine.From(overview.Stations)));

    private static IElement Row(IRenderedComponent<StationLoadGrid> grid, string id) => grid.Find($"tr[data-load-station='{id}']");

    private static string[] RowIds(IRenderedComponent<StationLoadGrid> grid) =>
        grid.FindAll("tr[data-load-station]").Select(r => r.GetAttribute("data-load-station") ?? "").ToArray();

    private static IElement HeaderOf(IRenderedComponent<StationLoadGrid> grid, string title) =>
        grid.FindAll("th").Single(th => th.QuerySelector(".rz-column-title-content")?.TextContent.Trim() == title).QuerySelector("div")!;
}
