using AngleSharp.Dom;
using Bunit;
using GuoduActors.Dashboard.Components.Overview;
using GuoduActors.Dashboard.Services;

namespace GuoduActors.Tests.Dashboard;

public sealed class OverviewPageTests : OverviewPageContext
{
    private readonly CultureScope _chinese = new("zh-CN");

    protected override void Dispose(bool disposing)
    {
        _chinese.Dispose();
        base.Dispose(disposing);
    }

    [Fact]
    public void CompoundStationsAppearBeneathTheirCommunityStationWhenItIsExpanded()
    {
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();

        Assert.Empty(page.FindAll("[data-station='bolangfeng']"));
        ExpandCommunity(page, "fenglin");

        var beneathFenglin = RowOf(page, "fenglin").NextElementSibling!;
        Assert.Contains("rz-expanded-row-content", beneathFenglin.ClassList);
        Assert.Equal(["bolangfeng", "compound-02"], beneathFenglin.QuerySelectorAll("tr[data-station]").Select(r => r.GetAttribute("data-station")));
        Assert.Contains("铂琅峯小区", beneathFenglin.TextContent);
    }

    [Fact]
    public void OnlyCommunityStationsAreTopLevelRowsAndOnlyThoseWithCompoundsCanBeExpanded()
    {
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();

        Assert.Equal(["fenglin", "community-02"], page.FindAll("tr[data-station]").Select(r => r.GetAttribute("data-station")));
        Assert.NotEmpty(RowOf(page, "fenglin").QuerySelectorAll(".rz-row-toggler"));
        Assert.Empty(RowOf(page, "community-02").QuerySelectorAll(".rz-row-toggler"));
    }

    [Fact]
    public void EveryStationShowsItsOpenCountAndEachCommunityTheOpenCountIncludingItsCompounds()
    {
        Source.Returns(SampleOverview.With(fenglinOpen: 2, bolangfengOpen: 3, jinxiuOpen: 1));
        var page = RenderOverview();
        ExpandCommunity(page, "fenglin");

        Assert.Equal(["2", "6"], OpenCounts(RowOf(page, "fenglin")));
        Assert.Equal(["3"], OpenCounts(RowOf(page, "bolangfeng")));
        Assert.Equal(["1"], OpenCounts(RowOf(page, "compound-02")));
        Assert.Equal(["0", "0"], OpenCounts(RowOf(page, "community-02")));
    }

    [Fact]
    public void TheKpiCardsShowOpenAndOverdueFromTheCountersWithTheOfficeAndTodaysFiguresFromTheProjection()
    {
        Source.Returns(SampleOverview.With(fenglinOpen: 2, bolangfengOpen: 3, dongfengOpen: 4, bolangfengOverdue: 2, officeOpen: 1, officeOverdue: 1));
        Figures.Returns(new GovernanceFigures(ReceivedToday: 7, EscalatedToday: 3, [], [], SampleOverview.AsOf));
        var page = RenderOverview();

        Assert.Equal("10", StatValue(page, "open"));
        Assert.Equal("3", StatValue(page, "overdue"));
        Assert.Equal("3", StatValue(page, "escalated-today"));
        Assert.Equal("7", StatValue(page, "received-today"));
        Assert.Contains("北京时间 0 点起", page.Find("[data-stat='received-today']").TextContent);
    }

    [Fact]
    public void WithoutTheProjectionTheCountersStillShowAndTodaysFiguresSayTheyAreMissing()
    {
        Source.Returns(SampleOverview.With(fenglinOpen: 2));
        Figures.Throws(new TimeoutException("Table storage did not answer."));
        var page = RenderOverview();

        Assert.Equal("2", StatValue(page, "open"));
        Assert.Equal("—", StatValue(page, "received-today"));
        Assert.Contains("Table storage did not answer.", page.Find("[data-role='figures-failure']").TextContent);
    }

    [Fact]
    public void TheHierarchyTabCountsTheStationsPerLevel()
    {
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();

        Assert.Equal("一级站 2 个，二级站 2 个", page.Find("[data-role='station-counts']").TextContent.Trim());
    }

    [Fact]
    public void EachRateCardComparesThisWeekSoFarWithLastWeekAndDrawsTheTrend()
    {
        Source.Returns(SampleOverview.With());
        var week = ReportWeeks.Containing(SampleOverview.AsOf);
        Figures.Returns(new GovernanceFigures(0, 0,
        [
            new WeekRates(week.AddDays(-14), false, 0.70, null, 1.0),
            new WeekRates(week.AddDays(-7), false, 0.80, 0.5, null) ,
            new WeekRates(week, true, 0.90, null, null),
        ], [], SampleOverview.AsOf));
        var page = RenderOverview();

        var response = page.Find("[data-rate='response']");
        Assert.Equal("90%", response.QuerySelector("[data-role='this-week']")!.TextContent.Trim());
        Assert.Equal("上周 80%，变化 +10 个百分点", response.QuerySelector("[data-role='versus-last-week']")!.TextContent.Trim());
        Assert.NotNull(response.QuerySelector(".rz-chart"));
        var resolution = page.Find("[data-rate='resolution']");
        Assert.Equal("—", resolution.QuerySelector("[data-role='this-week']")!.TextContent.Trim());
        Assert.Equal("上周 50%；本周尚无可计算的事项", resolution.QuerySelector("[data-role='versus-last-week']")!.TextContent.Trim());
        var satisfaction = page.Find("[data-rate='satisfaction']");
        Assert.Equal("上周无周汇总数据", satisfaction.QuerySelector("[data-role='versus-last-week']")!.TextContent.Trim());
        Assert.NotNull(satisfaction.QuerySelector("[data-role='no-trend']"));
    }

    [Fact]
    public void OpenTicketsByCategoryAreChartedWithTheirFiguresAndAnEmptyChartSaysWhatWillAppear()
    {
        Source.Returns(SampleOverview.With());
        Figures.Returns(new GovernanceFigures(0, 0, [], [new CategoryLoad("gas-appliance", 5, 2), new CategoryLoad("noise", 1, 0)], SampleOverview.AsOf));
        var page = RenderOverview();

        Assert.NotNull(page.Find("[data-role='categories'] .rz-chart"));
        var gas = page.Find("tr[data-category='gas-appliance']");
        Assert.Equal(["燃气灶及热水器故障", "5", "2"], gas.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("gas-appliance", page.FindAll("tr[data-category]")[0].GetAttribute("data-category"));

        Figures.Returns(FakeGovernanceFigures.Empty(SampleOverview.AsOf));
        AdvanceToNextRefresh();
        page.WaitForAssertion(() => Assert.Equal("没有未办结的事项。新登记的事项会按类别出现在这里。", page.Find("[data-role='categories-empty']").TextContent.Trim()));
    }

    [Fact]
    public void StationStaffFindALinkToTheirStation()
    {
        SignIn("fenglin", ActorRole.StationStaff, "fenglin", "bolangfeng", "compound-02");
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();

        var link = page.Find("[data-role='my-station'] a");
        Assert.Equal("stations/fenglin", link.GetAttribute("href"));
        Assert.Equal("凤林社区", link.TextContent.Trim());
    }

    [Fact]
    public void ALeaderIsNotOfferedAStationOfTheirOwn()
    {
        SignIn("leader", ActorRole.Leader);
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();

        Assert.Empty(page.FindAll("[data-role='my-station']"));
    }

    [Fact]
    public void PlaceholderStationsAndTeamsAreMarkedAndRealOnesAreNot()
    {
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();
        ExpandCommunity(page, "fenglin");

        Assert.Equal("占位", RowOf(page, "community-02").QuerySelector("[data-role='placeholder']")?.TextContent.Trim());
        Assert.NotNull(RowOf(page, "compound-02").QuerySelector("[data-role='placeholder']"));
        Assert.NotNull(page.Find("[data-team='team-02']").QuerySelector("[data-role='placeholder']"));
        Assert.Null(RowOf(page, "fenglin").QuerySelector("[data-role='placeholder']"));
        Assert.Null(RowOf(page, "bolangfeng").QuerySelector("[data-role='placeholder']"));
        Assert.Null(page.Find("[data-team='haoxiujiang']").QuerySelector("[data-role='placeholder']"));
    }

    [Fact]
    public void TheTeamsShowTheirHomeStationSkillsAndCapacity()
    {
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();

        var team = page.Find("[data-team='haoxiujiang']").TextContent;
        Assert.Contains("“好修匠”服务队", team);
        Assert.Contains("所属站点：凤林社区", team);
        Assert.Contains("管道疏通", team);
        Assert.Contains("电路维修", team);
        Assert.Contains("可同时承接 4 件", team);
    }

    [Fact]
    public void ByDefaultThePageSpeaksChineseAndTellsTheTimeOfTheDataInChinaStandardTime()
    {
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();

        Assert.Equal("郭杜街道", page.Find("h1").TextContent.Trim());
        Assert.Equal("郭杜街道“小事办”", page.Find("[data-role='office']").TextContent.Trim());
        Assert.Equal("更新于 10:03:04（北京时间）", page.Find("[data-role='updated-at']").TextContent.Trim());
        Assert.Contains("凤林社区", RowOf(page, "fenglin").TextContent);
        Assert.Contains("未办结", page.Find("thead").TextContent);
        Assert.DoesNotContain("Fenglin", page.Markup);
    }

    [Fact]
    public void UnderTheEnglishCultureThePageAndTheRosterNamesAreInEnglish()
    {
        using var english = new CultureScope("en");
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();

        Assert.Equal("Guodu Sub-district", page.Find("h1").TextContent.Trim());
        Assert.Equal("Guodu Small Affairs Office", page.Find("[data-role='office']").TextContent.Trim());
        Assert.Equal("Updated at 10:03:04 (China Standard Time)", page.Find("[data-role='updated-at']").TextContent.Trim());
        Assert.Contains("Fenglin Community", RowOf(page, "fenglin").TextContent);
        Assert.Equal("Placeholder", RowOf(page, "community-02").QuerySelector("[data-role='placeholder']")?.TextContent.Trim());
        Assert.Contains("Open", page.Find("thead").TextContent);
        var team = page.Find("[data-team='haoxiujiang']").TextContent;
        Assert.Contains("Home station: Fenglin Community", team);
        Assert.Contains("Plumbing", team);
        Assert.DoesNotContain("凤林", page.Markup);
    }

    [Fact]
    public void TheCountsAndTheTimeRefreshOnTheNextTickWithoutReloadingThePage()
    {
        Source.Returns(SampleOverview.With(bolangfengOpen: 1));
        var page = RenderOverview();
        ExpandCommunity(page, "fenglin");

        Source.Returns(SampleOverview.With(bolangfengOpen: 2, asOf: SampleOverview.AsOf.AddSeconds(2)));
        AdvanceToNextRefresh();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(["2"], OpenCounts(RowOf(page, "bolangfeng")));
            Assert.Equal("2", StatValue(page, "open"));
            Assert.Equal("更新于 10:03:06（北京时间）", page.Find("[data-role='updated-at']").TextContent.Trim());
        });
    }

    [Fact]
    public void APushFromTheGrainsRefreshesTheCountsAtOnceWithoutWaitingForTheNextTick()
    {
        Source.Returns(SampleOverview.With(bolangfengOpen: 1));
        var page = RenderOverview();
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        Source.Returns(SampleOverview.With(bolangfengOpen: 3, asOf: SampleOverview.AsOf.AddMilliseconds(300)));
        Live.Push(new LiveBatch([], CountersChanged: true, SampleOverview.AsOf.AddMilliseconds(300)));

        page.WaitForAssertion(() => Assert.Equal("3", StatValue(page, "open")));
    }

    [Fact]
    public void ADisposedPageNoLongerFollowsThePushes()
    {
        Source.Returns(SampleOverview.With(bolangfengOpen: 1));
        var page = RenderOverview();
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        page.Instance.Dispose();

        Assert.Equal(0, Live.Subscribers);
    }

    [Fact]
    public void ARefreshKeepsTheCommunitiesTheReaderExpandedOpen()
    {
        Source.Returns(SampleOverview.With());
        var page = RenderOverview();
        ExpandCommunity(page, "fenglin");

        Source.Returns(SampleOverview.With(bolangfengOpen: 5));
        AdvanceToNextRefresh();

        page.WaitForAssertion(() => Assert.Equal(["5"], OpenCounts(RowOf(page, "bolangfeng"))));
    }

    [Fact]
    public void AnUnreachableSiloIsExplainedInsteadOfBreakingThePage()
    {
        Source.Throws(new TimeoutException("Response did not arrive on time in 00:00:30."));
        var page = RenderOverview();

        var failure = page.Find("[data-role='failure']").TextContent;
        Assert.Contains("无法连接服务站网络", failure);
        Assert.Contains("Response did not arrive on time", failure);
        Assert.Empty(page.FindAll("tr[data-station]"));
    }

    [Fact]
    public void ARosterNotYetLoadedIsExplained()
    {
        Source.Throws(DomainRefusalException.NotFound("No roster has been applied to sub-district 'guodu'."));
        var page = RenderOverview();

        Assert.Contains("名册尚未载入", page.Find("[data-role='failure']").TextContent);
    }

    [Fact]
    public void AFailedRefreshKeepsTheLastDataAndSaysItIsStale()
    {
        Source.Returns(SampleOverview.With(fenglinOpen: 1));
        var page = RenderOverview();

        Source.Throws(new TimeoutException("Response did not arrive on time."));
        AdvanceToNextRefresh();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("以下为 10:03:04（北京时间）的数据：10:03:06 的更新失败。", page.Find("[data-role='failure']").TextContent);
            Assert.Equal(["1", "1"], OpenCounts(RowOf(page, "fenglin")));
        });
    }

    [Fact]
    public void ThePageRecoversOnTheNextTickOnceTheSiloAnswersAgain()
    {
        Source.Throws(new TimeoutException("Response did not arrive on time."));
        var page = RenderOverview();

        Source.Returns(SampleOverview.With());
        AdvanceToNextRefresh();

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-role='failure']"));
            Assert.NotEmpty(page.FindAll("tr[data-station]"));
        });
    }

    [Fact]
    public async Task ADisposedPageStopsAskingForTheOverview()
    {
        Source.Returns(SampleOverview.With());
        RenderOverview();
        await DisposeComponentsAsync();
        var callsBefore = Source.Calls;

        AdvanceToNextRefresh();
        // A tick's refresh is queued on the renderer's dispatcher; whatever it queued runs before this returns.
        await Renderer.Dispatcher.InvokeAsync(() => { });

        Assert.Equal(callsBefore, Source.Calls);
    }

    private static IElement RowOf(IRenderedComponent<OverviewPage> page, string stationId) =>
        page.Find($"tr[data-station='{stationId}']");

    private static string[] OpenCounts(IElement row) =>
        row.QuerySelectorAll("[data-open]").Select(badge => badge.TextContent.Trim()).ToArray();

    private static string StatValue(IRenderedComponent<OverviewPage> page, string name) =>
        page.Find($"[data-stat='{name}'] [data-role='value']").TextContent.Trim();

    private static void ExpandCommunity(IRenderedComponent<OverviewPage> page, string stationId) =>
        RowOf(page, stationId).QuerySelector(".rz-row-toggler")!.Click();
}
