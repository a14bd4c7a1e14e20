using Bunit;
using GuoduActors.Dashboard.Components;
using GuoduActors.Dashboard.Components.Overview;

namespace GuoduActors.Tests.Dashboard;

public sealed class LiveFeedTests : OverviewPageContext
{
    private readonly CultureScope _chinese = new("zh-CN");

    protected override void Dispose(bool disposing)
    {
        _chinese.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Ticket number <paramref name="n"/>'s event, <paramref name="n"/> seconds after 10:03:04 China Standard Time.</summary>
    private static LiveEvent Event(int n, string action = "register", string owner = "bolangfeng") =>
        new(SampleOverview.AsOf.AddSeconds(n), $"GD-20261128-{n:D4}", action, TicketStatus.Registered, owner, "bolangfeng", "gas-appliance", $"{n}号楼燃气灶打不着火");

    private IRenderedComponent<OverviewPage> RenderSubscribed()
    {
        Source.Returns(SampleOverview.With());
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));
        return page;
    }

    private static string[] FeedTickets(IRenderedComponent<OverviewPage> page) =>
        page.FindAll("li[data-event]").Select(li => li.GetAttribute("data-event") ?? "").ToArray();

    [Fact]
    public void PushedEventsAppearNewestFirstWithLocalizedActionsChinaTimesAndTicketLinks()
    {
        var page = RenderSubscribed();

        Live.Push(new LiveBatch([Event(1), Event(2, "escalate:fenglin", owner: "fenglin"), Event(3, "close:rating 5")], true, SampleOverview.AsOf.AddSeconds(3)));

        page.WaitForAssertion(() => Assert.Equal(["GD-20261128-0003", "GD-20261128-0002", "GD-20261128-0001"], FeedTickets(page)));
        var items = page.FindAll("li[data-event]");
        Assert.Equal("居民确认", items[0].QuerySelector("[data-role='action']")!.TextContent.Trim());
        Assert.StartsWith("评价 5 星", items[0].QuerySelector("[data-role='detail']")!.TextContent.Trim());
        Assert.Equal("超期上报", items[1].QuerySelector("[data-role='action']")!.TextContent.Trim());
        Assert.StartsWith("→ 凤林社区 · 燃气灶及热水器故障", items[1].QuerySelector("[data-role='detail']")!.TextContent.Trim());
        Assert.Equal("登记", items[2].QuerySelector("[data-role='action']")!.TextContent.Trim());
        Assert.Equal("铂琅峯小区 · 燃气灶及热水器故障", items[2].QuerySelector("[data-role='detail']")!.TextContent.Trim());
        Assert.Equal("10:03:05", items[2].QuerySelector("[data-role='time']")!.TextContent.Trim());
        Assert.Equal("tickets/GD-20261128-0001", items[2].QuerySelector("a[data-role='ticket']")!.GetAttribute("href"));
    }

    [Fact]
    public void InEnglishTheActionsAreEnglish()
    {
        using var english = new CultureScope("en");
        var page = RenderSubscribed();

        Live.Push(new LiveBatch([Event(1, "assign-to-station:bolangfeng")], true, SampleOverview.AsOf.AddSeconds(1)));

        page.WaitForAssertion(() => Assert.Equal("Routed", page.Find("li[data-event] [data-role='action']").TextContent.Trim()));
        Assert.StartsWith("→ Bolangfeng Compound · Gas stove or water heater faults", page.Find("li[data-event] [data-role='detail']").TextContent.Trim());
    }

    [Fact]
    public void EventsSeenBeforeThePageOpenedAreShownAtOnce()
    {
        Live.Push(new LiveBatch([Event(1), Event(2)], true, SampleOverview.AsOf));
        Source.Returns(SampleOverview.With());

        var page = Render<OverviewPage>();

        Assert.Equal(["GD-20261128-0002", "GD-20261128-0001"], FeedTickets(page));
    }

    [Fact]
    public void AHundredEventsPushedInABurstCauseAtMostTwoRefreshesAndTheNewestIsOnTop()
    {
        var page = RenderSubscribed();
        var rendersBefore = page.Instance.Renders;
        var callsBefore = Source.Calls;

        for (var n = 1; n <= 100; n++)
            Live.Push(new LiveBatch([Event(n)], CountersChanged: true, SampleOverview.AsOf.AddSeconds(n)));
        Time.Advance(LivePage.MinRefreshGap);

        page.WaitForAssertion(() => Assert.Equal("GD-20261128-0100", FeedTickets(page)[0]));
        Assert.Equal(OverviewPage.FeedLength, FeedTickets(page).Length);
        Assert.InRange(page.Instance.Refreshes, 1, 2);
        Assert.InRange(Source.Calls - callsBefore, 1, 2);
        Assert.InRange(page.Instance.Renders - rendersBefore, 1, 2);
    }

    [Fact]
    public void AnEmptyFeedSaysWhatWillAppearThere()
    {
        var page = RenderSubscribed();

        Assert.Equal("还没有动态。各站登记、流转、办结事项时，动态会即时出现在这里。", page.Find("[data-role='feed-empty']").TextContent.Trim());
    }

    [Fact]
    public void AnonymousReadersSeeNoDescriptionsAndAreOfferedToSignIn()
    {
        Live.Push(new LiveBatch([Event(1)], true, SampleOverview.AsOf));
        var page = RenderSubscribed();

        Assert.Empty(page.FindAll("[data-role='description']"));
        Assert.Equal("signin?returnUrl=%2F", page.Find("[data-role='feed-sign-in'] a").GetAttribute("href"));
    }

    [Fact]
    public void ALeaderReadsTheResidentsDescriptions()
    {
        SignIn("leader", ActorRole.Leader);
        Live.Push(new LiveBatch([Event(1)], true, SampleOverview.AsOf));
        var page = RenderSubscribed();

        Assert.Equal("1号楼燃气灶打不着火", page.Find("[data-role='description']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-role='feed-sign-in']"));
    }

    [Fact]
    public void StationStaffReadTheDescriptionsOfTheirOwnStationsOnly()
    {
        SignIn("community02", ActorRole.StationStaff, "community-02");
        Live.Push(new LiveBatch([Event(1), Event(2, owner: "community-02") with { StationId = "community-02" }], true, SampleOverview.AsOf));
        var page = RenderSubscribed();

        var descriptions = page.FindAll("li[data-event]").Select(li => li.QuerySelector("[data-role='description']")?.TextContent.Trim() ?? "(none)");
        Assert.Equal(["2号楼燃气灶打不着火", "(none)"], descriptions);
    }
}
