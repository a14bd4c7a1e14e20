using Bunit;
using GuoduActors.Dashboard.Components.Station;

namespace GuoduActors.Tests.Dashboard;

public sealed class StationPageTests : OverviewPageContext
{
    private readonly CultureScope _chinese = new("zh-CN");

    public StationPageTests() => SignIn("bolangfeng", ActorRole.StationStaff, "bolangfeng");

    protected override void Dispose(bool disposing)
    {
        _chinese.Dispose();
        base.Dispose(disposing);
    }

    private IRenderedComponent<StationPage> RenderStation(string id) => Render<StationPage>(p => p.Add(s => s.StationId, id));

    private static string[] Tickets(IRenderedComponent<StationPage> page, string selector) =>
        page.FindAll(selector).Select(e => e.GetAttribute("data-ticket") ?? "").ToArray();

    [Fact]
    public void TheQueueListsOpenTicketsSoonestDeadlineFirstWithOverdueOnesHighlightedAndLinked()
    {
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng, overdue: 1, queue:
        [
            SampleStation.Ticket(1, TimeSpan.FromHours(-3)),
            SampleStation.Ticket(2, TimeSpan.FromHours(2)),
            SampleStation.Ticket(3, TimeSpan.FromDays(3)),
        ]));
        var page = RenderStation("bolangfeng");

        Assert.Equal(["GD-20261128-0001", "GD-20261128-0002", "GD-20261128-0003"], Tickets(page, "[data-role='queue'] tr[data-ticket]"));
        var overdue = page.Find("tr[data-ticket='GD-20261128-0001']");
        Assert.Contains("queue-overdue", overdue.ClassList);
        Assert.Equal("超期", overdue.QuerySelector("[data-role='overdue']")!.TextContent.Trim());
        Assert.DoesNotContain("queue-overdue", page.Find("tr[data-ticket='GD-20261128-0002']").ClassList);
        Assert.Equal("tickets/GD-20261128-0002", page.Find("tr[data-ticket='GD-20261128-0002'] a[data-role='ticket']").GetAttribute("href"));
        Assert.Equal("11-28 07:03", overdue.QuerySelector("[data-role='due']")!.TextContent.Trim());
        Assert.Equal("1", page.Find("[data-stat='overdue'] [data-role='value']").TextContent.Trim());
    }

    [Fact]
    public void TheDeadlinesAtRiskAreThoseOfTheNext24HoursNotYetPassedSoonestFirstWithTheTimeLeft()
    {
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng, queue:
        [
            SampleStation.Ticket(1, TimeSpan.FromHours(-3)),
            SampleStation.Ticket(2, TimeSpan.FromMinutes(150)),
            SampleStation.Ticket(3, TimeSpan.FromHours(20)),
            SampleStation.Ticket(4, TimeSpan.FromHours(25)),
        ]));
        var page = RenderStation("bolangfeng");

        Assert.Equal(["GD-20261128-0002", "GD-20261128-0003"], Tickets(page, "[data-role='at-risk'] li[data-ticket]"));
        Assert.Equal("2 小时 30 分后到期", page.Find("[data-role='at-risk'] li[data-ticket] [data-role='remaining']").TextContent.Trim());
        Assert.Equal("2", page.Find("[data-stat='at-risk'] [data-role='value']").TextContent.Trim());
    }

    [Fact]
    public void AnEmptyStationSaysWhereNewMattersWillAppear()
    {
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng));
        var page = RenderStation("bolangfeng");

        Assert.Contains("没有未办结的事项。在本站登记或流转到本站的新事项会出现在这里。", page.Find("[data-role='queue']").TextContent);
        Assert.Equal("未来 24 小时内没有到期的事项。", page.Find("[data-role='at-risk-empty']").TextContent.Trim());
        Assert.StartsWith("还没有周汇总。", page.Find("[data-role='weekly-empty']").TextContent.Trim());
        Assert.StartsWith("还没有检查记录。一级站检查本站后", page.Find("[data-role='inspections-empty']").TextContent.Trim());
        Assert.StartsWith("本站尚未发布标准化服务清单", page.Find("[data-role='service-list-empty']").TextContent.Trim());
    }

    [Fact]
    public void AnonymousReadersSeeThePublicPartsAndAreAskedToSignInForTheQueue()
    {
        Auth.SetNotAuthorized();
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng, queue: [SampleStation.Ticket(1, TimeSpan.FromHours(2))],
            services: [new ServiceItem("管道疏通", "Drain clearing", "plumbing-drains", "8:30-18:00", "物业前台")]));
        var page = RenderStation("bolangfeng");

        Assert.False(Stations.LastIncludedTickets);
        Assert.Empty(page.FindAll("[data-role='queue']"));
        Assert.Empty(page.FindAll("[data-role='inspections']"));
        Assert.Equal("signin?returnUrl=%2Fstations%2Fbolangfeng", page.Find("[data-role='sign-in'] a").GetAttribute("href"));
        Assert.Contains("管道疏通", page.Find("[data-role='service-list']").TextContent);
        Assert.Equal("—", page.Find("[data-stat='at-risk'] [data-role='value']").TextContent.Trim());
    }

    [Fact]
    public void ACommunityStationListsItsCompoundsWithTheirCountersAndSeverity()
    {
        var overview = SampleOverview.With(bolangfengOpen: 4, bolangfengOverdue: 3, jinxiuOpen: 1, withOffice: true);
        Stations.Returns(SampleStation.Of(SampleOverview.Fenglin, overview: overview));
        var page = RenderStation("fenglin");

        var rows = page.FindAll("[data-role='children'] tr[data-load-station]");
        Assert.Equal(["bolangfeng", "compound-02"], rows.Select(r => r.GetAttribute("data-load-station")));
        Assert.Contains("severity-critical", rows[0].ClassList);
        Assert.Empty(page.FindAll("[data-role='service-list']"));
        Assert.Equal("一级站", page.Find("[data-role='level']").TextContent.Trim());
        Assert.Equal("凤林社区", page.Find("h1").TextContent.Trim());
    }

    [Fact]
    public void TheWeeklyReportsShowTheLastWeeksFiguresNewestFirst()
    {
        var last = ReportWeeks.LastCompleted(SampleStation.Now);
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng, reports:
        [
            SampleStation.Report("bolangfeng", last, 12, 10, 0.9, 0.75, null),
            SampleStation.Report("bolangfeng", last.AddDays(-7), 8, 8, 1, 1, 0.5),
        ]));
        var page = RenderStation("bolangfeng");

        var weeks = page.FindAll("[data-role='weekly-reports'] tr[data-week]");
        Assert.Equal([ReportWeeks.IsoLabel(last), ReportWeeks.IsoLabel(last.AddDays(-7))], weeks.Select(w => w.GetAttribute("data-week")));
        Assert.Equal(["12", "10", "0", "0", "90%", "75%", "—"], weeks[0].QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()));
        Assert.NotNull(page.Find("[data-role='weekly-reports'] .rz-chart"));
    }

    [Fact]
    public void ACommunityStationShowsTheInspectionsItRecordedNamingTheCompound()
    {
        Stations.Returns(SampleStation.Of(SampleOverview.Fenglin, inspections:
            [new Inspection("bolangfeng", new DateOnly(2026, 11, 20), "台账齐全，电动车充电区需整改", 86, "fenglin", SampleStation.Now)]));
        var page = RenderStation("fenglin");

        var inspection = page.Find("[data-role='inspections'] li[data-inspection]").TextContent;
        Assert.Contains("2026-11-20", inspection);
        Assert.Contains("铂琅峯小区", inspection);
        Assert.Contains("86 分", inspection);
        Assert.Contains("电动车充电区需整改", inspection);
    }

    [Fact]
    public void AStationTheRosterDoesNotNameIsExplained()
    {
        var page = RenderStation("nowhere");

        Assert.Contains("名册中没有编号为“nowhere”的服务站。", page.Find("[data-role='not-found']").TextContent);
    }

    [Fact]
    public void APushAboutThisStationRefreshesItsQueue()
    {
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng));
        var page = RenderStation("bolangfeng");
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng, queue: [SampleStation.Ticket(7, TimeSpan.FromHours(5))]));
        Live.Push(new LiveBatch([new LiveEvent(SampleStation.Now, "GD-20261128-0007", "register", TicketStatus.Registered, "bolangfeng", "bolangfeng", "gas-appliance", "燃气灶")],
            true, SampleStation.Now));

        page.WaitForAssertion(() => Assert.Equal(["GD-20261128-0007"], Tickets(page, "[data-role='queue'] tr[data-ticket]")));
    }

    [Fact]
    public void APushAboutAnotherStationDoesNotRefreshThisOne()
    {
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng));
        var page = RenderStation("bolangfeng");
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));
        var calls = Stations.Calls;

        Live.Push(new LiveBatch([new LiveEvent(SampleStation.Now, "GD-20261128-0008", "register", TicketStatus.Registered, "community-02", "community-02", null, "噪音")],
            true, SampleStation.Now));
        Time.Advance(StationPage.RefreshInterval - TimeSpan.FromSeconds(1));

        Assert.Equal(calls, Stations.Calls);
    }

    [Fact]
    public void ATicketEscalatedAwayFromTheQueueRefreshesTheStationItLeft()
    {
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng, queue: [SampleStation.Ticket(9, TimeSpan.FromMinutes(-1))]));
        var page = RenderStation("bolangfeng");
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng));
        // The event names only the new owner and the station where the matter was registered.
        Live.Push(new LiveBatch([new LiveEvent(SampleStation.Now, "GD-20261128-0009", "escalate:fenglin", TicketStatus.Classified, "fenglin", "fenglin", "gas-appliance", "燃气灶")],
            true, SampleStation.Now));

        page.WaitForAssertion(() => Assert.Empty(Tickets(page, "[data-role='queue'] tr[data-ticket]")));
    }

    [Fact]
    public void ADisposedStationPageNoLongerFollowsThePushes()
    {
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng));
        var page = RenderStation("bolangfeng");
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        page.Instance.Dispose();

        Assert.Equal(0, Live.Subscribers);
    }

    [Fact]
    public void InEnglishTheStationPageIsEnglish()
    {
        using var english = new CultureScope("en");
        Stations.Returns(SampleStation.Of(SampleOverview.Bolangfeng, queue: [SampleStation.Ticket(1, TimeSpan.FromHours(-1), status: TicketStatus.InProgress)]));
        var page = RenderStation("bolangfeng");

        Assert.Equal("Bolangfeng Compound", page.Find("h1").TextContent.Trim());
        var row = page.Find("tr[data-ticket='GD-20261128-0001']").TextContent;
        Assert.Contains("In progress", row);
        Assert.Contains("Gas stove or water heater faults", row);
        Assert.Contains("Overdue", row);
        Assert.DoesNotContain("铂琅峯", page.Markup);
    }
}
