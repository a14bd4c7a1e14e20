using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using GuoduActors.Dashboard.Components.Layout;
using GuoduActors.Dashboard.Components.Teams;

namespace GuoduActors.Tests.Dashboard;

public sealed class TeamsPageTests : AnalyticsPageContext
{
    public TeamsPageTests()
    {
        Teams.Returns(SampleAnalytics.RepairTeam());
        Teams.Returns(SampleAnalytics.SunsetTeam());
    }

    [Fact]
    public void EachTeamShowsItsJobsInHandAgainstItsCapacityAndItsHoursServed()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<TeamsPage>();

        var repair = page.Find("[data-team='haoxiujiang']");
        var load = repair.QuerySelector("[data-role='load']")!;
        Assert.Equal(("3", "4", "high"), (load.GetAttribute("data-load"), load.GetAttribute("data-capacity"), load.GetAttribute("data-level")));
        Assert.Equal("3 / 4 件（75.0%）", load.QuerySelector("[data-role='load-text']")!.TextContent.Trim());
        Assert.Equal("1", Figure(repair, "offered"));
        Assert.Equal("2", Figure(repair, "active"));
        Assert.Equal("5", Figure(repair, "completed"));
        Assert.Equal("12.5", Figure(repair, "hours"));
        Assert.Contains("所属站点：凤林社区", repair.TextContent);
        Assert.Equal("0 / 2 件（0.0%）", page.Find("[data-team='team-02'] [data-role='load-text']").TextContent.Trim());
    }

    [Fact]
    public void ATeamWithAsManyJobsAsItsCapacityIsShownFull()
    {
        Teams.Returns(SampleAnalytics.RepairTeam(offered: 2, active: 2));
        SignInAs(Actor.Leader("leader"));
        var page = Render<TeamsPage>();

        Assert.Equal("full", page.Find("[data-team='haoxiujiang'] [data-role='load']").GetAttribute("data-level"));
    }

    [Fact]
    public void TheTeamPageCreditsHoursToEachMemberAndToTheTeamForJobsWithoutNamedMembers()
    {
        SignInAs(Actor.Leader("leader"));
        var page = RenderTeam("haoxiujiang");

        Assert.Equal("7.5", MemberHours(page, "m1"));
        Assert.Equal("4", MemberHours(page, "m2"));
        Assert.Equal("1", MemberHours(page, "haoxiujiang"));
        Assert.Contains("全队", page.Find("[data-member='haoxiujiang']").TextContent);
        Assert.Contains("王师傅", page.Find("[data-member='m1']").TextContent);
        Assert.Equal("12.5", page.Find("[data-stat='hours'] [data-role='value']").TextContent.Trim());
        Assert.NotNull(page.Find("[data-role='hours-chart']"));
    }

    [Fact]
    public void TheTeamPageShowsItsLoadGaugeWithTheSameFiguresInWords()
    {
        SignInAs(Actor.Leader("leader"));
        var page = RenderTeam("haoxiujiang");

        var gauge = page.Find("[data-role='load-gauge']");
        Assert.NotNull(gauge.QuerySelector("svg"));
        Assert.Equal("3 / 4 件（75.0%）", gauge.QuerySelector("[data-role='load-text']")!.TextContent.Trim());
    }

    [Fact]
    public void TheDutyScheduleStartsOnMondayAndNamesTheMembersOnDuty()
    {
        SignInAs(Actor.Leader("leader"));
        var page = RenderTeam("haoxiujiang");

        var rows = page.FindAll("[data-role='duty'] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("星期一", rows[0]);
        Assert.Contains("08:30–12:00", rows[0]);
        Assert.Contains("星期六", rows[1]);
        Assert.Contains("王师傅、李师傅", rows[1]);
        Assert.Contains("义务维修", rows[1]);
    }

    [Fact]
    public void JobsInHandAreListedBeforeFinishedOnesWithTimesInChinaStandardTime()
    {
        SignInAs(Actor.Leader("leader"));
        var page = RenderTeam("haoxiujiang");

        var jobs = page.FindAll("[data-role='jobs'] tr[data-job]").Select(r => r.GetAttribute("data-job")).ToList();
        Assert.Equal(["GD-20261127-0001", "GD-20261127-0002", "GD-20261128-0001", "GD-20261125-0004", "GD-20261120-0001"], jobs);
        var completed = page.Find("tr[data-job='GD-20261120-0001']").TextContent;
        Assert.Contains("已完成", completed);
        Assert.Contains("2026-11-20 13:00", completed);
        Assert.Contains("水管漏水及下水道疏通", completed);
    }

    [Fact]
    public void AJobOfferPushedFromTheGrainsRefreshesTheTeamWithoutWaiting()
    {
        SignInAs(Actor.Leader("leader"));
        var page = RenderTeam("haoxiujiang");
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        Teams.Returns(SampleAnalytics.RepairTeam(offered: 2, active: 2));
        Live.Push(new LiveBatch([Event("GD-20261128-0002", "assign-to-team:haoxiujiang")], CountersChanged: true, SampleOverview.AsOf));

        page.WaitForAssertion(() =>
        {
            Assert.Equal("4 / 4 件（100.0%）", page.Find("[data-role='load-text']").TextContent.Trim());
            Assert.Equal("2", page.Find("[data-stat='offered'] [data-role='value']").TextContent.Trim());
        });
    }

    [Fact]
    public async Task APushDeliveredOnAnotherThreadKeepsTheReadersLanguage()
    {
        SignInAs(Actor.Leader("leader"));
        var page = RenderTeam("haoxiujiang");
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));
        Teams.Returns(SampleAnalytics.RepairTeam(offered: 2, active: 2));

        // Orleans delivers pushes on its own threads, which do not carry the circuit's culture.
        await Task.Run(() =>
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Live.Push(new LiveBatch([Event("GD-20261128-0002", "assign-to-team:haoxiujiang")], CountersChanged: true, SampleOverview.AsOf));
        });

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-stat='offered'] [data-role='value']").TextContent.Trim()));
        Assert.Contains("“好修匠”服务队", page.Find("h1").TextContent);
        Assert.Contains("所属站点：凤林社区", page.Find("[data-role='home']").TextContent);
        Assert.Contains("星期一", page.Find("[data-role='duty']").TextContent);
    }

    [Fact]
    public void TheTeamsListAlsoFollowsCompletionsPushedFromTheGrains()
    {
        SignInAs(Planner);
        var page = Render<TeamsPage>();
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        Teams.Returns(SampleAnalytics.RepairTeam(offered: 1, active: 1) with { Completed = 6, HoursServed = 14 });
        Live.Push(new LiveBatch([Event("GD-20261127-0002", "resolve")], CountersChanged: true, SampleOverview.AsOf));

        page.WaitForAssertion(() => Assert.Equal("14", Figure(page.Find("[data-team='haoxiujiang']"), "hours")));
    }

    [Theory]
    [InlineData("assign-to-team:haoxiujiang", true)]
    [InlineData("start", true)]
    [InlineData("resolve", true)]
    [InlineData("team-decline", true)]
    [InlineData("cancel", true)]
    [InlineData("escalate:fenglin", true)]
    [InlineData("register", false)]
    [InlineData("classify:plumbing-drains", false)]
    [InlineData("close", false)]
    [InlineData("starter", false)]
    public void OnlyEventsThatMoveTeamJobsRefreshTheTeamPages(string action, bool refreshes) =>
        Assert.Equal(refreshes, TeamLiveEvents.Concerns(new LiveBatch([Event("GD-20261128-0009", action)], false, SampleOverview.AsOf)));

    [Fact]
    public void ALeftPageNoLongerFollowsThePushes()
    {
        SignInAs(Actor.Leader("leader"));
        var page = RenderTeam("haoxiujiang");
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        page.Instance.Dispose();

        Assert.Equal(0, Live.Subscribers);
    }

    [Fact]
    public void ATeamLeadSeesTheirOwnTeamOnly()
    {
        SignInAs(Actor.TeamLead("haoxiujiang", "haoxiujiang"));
        var page = Render<TeamsPage>();

        Assert.Equal(["haoxiujiang"], page.FindAll("[data-team]").Select(t => t.GetAttribute("data-team")));
        Assert.Equal(0, Teams.Reads("team-02"));
    }

    [Fact]
    public void ATeamLeadCannotOpenAnotherTeamsPage()
    {
        SignInAs(Actor.TeamLead("haoxiujiang", "haoxiujiang"));
        var page = RenderTeam("team-02");

        Assert.Contains("此页面不对您的角色开放", page.Find("[data-role='access']").TextContent);
        Assert.Equal(0, Teams.Reads("team-02"));
    }

    [Fact]
    public void StationStaffAreToldWhoTheTeamPagesAreFor()
    {
        SignInAs(Actor.Staff("fenglin", "fenglin"));
        var page = Render<TeamsPage>();

        Assert.Contains("志愿服务队页面供街道领导、规划人员和服务队队长（本队）使用", page.Find("[data-role='access']").TextContent);
        Assert.Equal(0, Teams.Reads("haoxiujiang"));
    }

    [Fact]
    public void ASignedOutVisitorIsAskedToSignInAndComesBackAfterwards()
    {
        NavigateTo("teams");
        var page = Render<TeamsPage>();

        Assert.Contains("请先登录", page.Find("[data-role='access']").TextContent);
        Assert.EndsWith("signin?returnUrl=%2Fteams", page.Find("[data-role='sign-in']").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-team]"));
    }

    [Fact]
    public void AnUnknownTeamIsNamedAsUnknown()
    {
        SignInAs(Actor.Leader("leader"));
        var page = RenderTeam("no-such-team");

        Assert.Contains("名册中没有编号为“no-such-team”的志愿服务队", page.Find("[data-role='unknown-team']").TextContent);
    }

    [Fact]
    public void UnderTheEnglishCultureTheTeamPagesSpeakEnglish()
    {
        using var english = new CultureScope("en");
        SignInAs(Actor.Leader("leader"));
        var page = Render<TeamsPage>();

        var repair = page.Find("[data-team='haoxiujiang']").TextContent;
        Assert.Contains("\"Good Craftsman\" Repair Team", repair);
        Assert.Contains("Home station: Fenglin Community", repair);
        Assert.Contains("3 of 4 jobs (75.0%)", repair);
        Assert.Contains("Hours served", repair);
        Assert.DoesNotContain("好修匠", page.Markup);
    }

    [Theory]
    [InlineData(ActorRole.Leader, new[] { "/", "/teams", "/satisfaction", "/reports" })]
    [InlineData(ActorRole.Planner, new[] { "/", "/teams", "/satisfaction", "/reports" })]
    [InlineData(ActorRole.StationStaff, new[] { "/", "/reports" })]
    [InlineData(ActorRole.TeamLead, new[] { "/", "/teams" })]
    public void TheMenuOffersEachRoleTheAnalyticsPagesItMayUse(ActorRole role, string[] paths)
    {
        SignInAs(new Actor("someone", role, role == ActorRole.StationStaff ? ["fenglin"] : [], role == ActorRole.TeamLead ? "haoxiujiang" : null, null));
        var menu = Render<NavMenu>();

        string[] analytics = ["/teams", "/satisfaction", "/reports"];
        var offered = menu.FindAll("a").Select(a => new Uri(new Uri("http://localhost/"), a.GetAttribute("href")).AbsolutePath).ToList();
        Assert.Equal(paths.Where(analytics.Contains), offered.Where(analytics.Contains));
        Assert.Contains("/", offered);
    }

    private IRenderedComponent<TeamPage> RenderTeam(string teamId) => Render<TeamPage>(p => p.Add(x => x.TeamId, teamId));

    private static string Figure(IElement team, string name) =>
        team.QuerySelector($"[data-figure='{name}'] [data-role='value']")!.TextContent.Trim();

    private static string MemberHours(IRenderedComponent<TeamPage> page, string memberId) =>
        page.Find($"[data-member='{memberId}'] [data-role='hours']").TextContent.Trim();

    private static LiveEvent Event(string ticketId, string action) =>
        new(SampleOverview.AsOf, ticketId, action, TicketStatus.Assigned, "fenglin", "fenglin", "electrical", "灯不亮");
}
