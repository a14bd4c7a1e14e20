using static GuoduActors.TicketStatus;

namespace GuoduActors.Tests.Governance;

/// <summary>
/// The other two of the article's four matters, which take days: the elderly resident learning to play opera on her
/// phone (desk work on the business-hours clock, paused while she is away) and the blocked drain that the “好修匠”
/// team clears, the resident disputes within the week, and can no longer dispute after it.
/// </summary>
[Collection(TimeTravelCollection.Name)]
public sealed class ArticleMattersOverTimeTests(TimeTravelClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task OperaOnAPhoneRunsOnOfficeHoursAndItsClockPausesWhileTheResidentIsAway()
    {
        const string phone = "13991110004";
        var staff = People.StaffOf(fixture.Roster, "fenglin");
        // A Friday afternoon: the first response is due within one working day, which the weekend does not count.
        var friday = GuoduClock.NextCst(fixture.Time.GetUtcNow(), DayOfWeek.Friday, new TimeOnly(16, 0));
        Assert.True(friday < Cst.At(2026, 9, 1), "The expected deadlines below assume no public holiday in the three weeks from this Friday.");
        fixture.Time.SetUtcNow(friday);
        await Client.AtRestAsync("bolangfeng", "compound-02", "fenglin");
        var fenglin = await Tally.OfAsync(Client, "fenglin");

        var registered = await Client.GetGrain<IStationGrain>("fenglin").RegisterTicketAsync(
            new NewTicket("想学用手机听秦腔 — she would like to play Qinqiang opera on her phone", null, "孙奶奶", phone, "凤林社区 邻里中心"), Tickets.NewKey());
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);
        var classified = await ticket.ClassifyAsync(staff, "smartphone-help", "邻里中心志愿者教");
        var kept = await ticket.AssignToStationAsync(staff, "fenglin", "邻里中心自己办");

        // Unclassified, the matter ran on the calendar clock; as desk work, office hours on working days only.
        Assert.Equal(((DateTimeOffset?)friday.AddDays(1), (DateTimeOffset?)friday.AddDays(7)), (registered.FirstResponseDue, registered.ResolutionDue));
        Assert.Equal(("general", (DateTimeOffset?)friday.AddDays(3), (DateTimeOffset?)friday.AddDays(11)),
            (classified.PriorityClass, classified.FirstResponseDue, classified.ResolutionDue));

        fixture.Time.SetUtcNow(friday.AddDays(3).AddHours(-7));
        var started = await ticket.StartAsync(staff, "志愿者上门教");
        fixture.Time.SetUtcNow(friday.AddDays(3).AddHours(-6));
        var waiting = await ticket.WaitOnResidentAsync(staff, "孙奶奶要等孙子周三把旧手机带来");
        var whileAway = Assert.Single(fixture.Projection.All, r => r.TicketId == registered.Id);
        fixture.Time.SetUtcNow(friday.AddDays(5).AddHours(-1));
        var resumed = await ticket.ResumeAsync(staff, "手机带来了");

        Assert.Equal(((DateTimeOffset?)friday.AddDays(3).AddHours(-7), false), (started.FirstRespondedAt, started.FirstResponseLate));
        // Waiting, no clock runs and nothing is due: the station's index has no deadline of it to sweep.
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null, (DateTimeOffset?)null), (waiting.FirstResponseDue, waiting.ResolutionDue, whileAway.NextDue));
        // 52.5 working hours were left at Monday 10:00; from Wednesday 15:00 they run out on the Friday after next, 10:00.
        Assert.Equal((DateTimeOffset?)friday.AddDays(14).AddHours(-6), resumed.ResolutionDue);

        fixture.Time.SetUtcNow(friday.AddDays(6).AddHours(-5));
        var resolved = await ticket.ResolveAsync(staff, "教会了用手机听秦腔、和孙子视频");
        var closed = await ticket.CloseAsync(Actor.Resident(phone), 5, "娃娃们都夸我");

        Assert.Equal(new[] { Registered, Classified, Assigned, InProgress, WaitingOnResident, InProgress, Resolved, Closed },
            new[] { registered.Status, classified.Status, kept.Status, started.Status, waiting.Status, resumed.Status, resolved.Status, closed.Status });
        TicketAssert.Timeline(closed,
            new("station-desk", "register", null, Registered, "fenglin"),
            new("fenglin-staff", "classify:smartphone-help", Registered, Classified, "fenglin"),
            new("fenglin-staff", "assign-to-station:fenglin", Classified, Assigned, "fenglin"),
            new("fenglin-staff", "start", Assigned, InProgress, "fenglin"),
            new("fenglin-staff", "wait-on-resident", InProgress, WaitingOnResident, "fenglin"),
            new("fenglin-staff", "resume", WaitingOnResident, InProgress, "fenglin"),
            new("fenglin-staff", "resolve", InProgress, Resolved, "fenglin"),
            new("resident", "close:rating 5", Resolved, Closed, "fenglin"));
        Assert.Equal((false, 0, (int?)5), (closed.ResolutionLate, closed.EscalationCount, closed.Rating));
        Assert.Equal(fenglin.Plus(received: 1, resolved: 1), await Tally.OfAsync(Client, "fenglin"));
        Assert.Equal(TicketRow.From(closed), Assert.Single(fixture.Projection.All, r => r.TicketId == closed.Id));
    }

    [Fact]
    public async Task BlockedDrainGoesBackToFenglinWhenTheTeamDeclinesAndCanBeDisputedWithinSevenDaysOnly()
    {
        const string phone = "13991110005";
        var staff = People.StaffOf(fixture.Roster, "fenglin");
        var lead = People.RepairTeamLead;
        var team = Client.GetGrain<IVolunteerTeamGrain>("haoxiujiang");
        await Client.AtRestAsync("bolangfeng", "compound-02", "fenglin");
        var fenglin = await Tally.OfAsync(Client, "fenglin");
        var teamBefore = await team.GetAsync();

        var registered = await Client.GetGrain<IStationGrain>("fenglin").RegisterTicketAsync(
            new NewTicket("厨房下水道堵了 — the kitchen drain is blocked", null, "陈先生", phone, "铂琅峯小区 2号楼3单元"), Tickets.NewKey());
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);
        await ticket.ClassifyAsync(staff, "plumbing-drains", null);
        var offered = await ticket.AssignToTeamAsync(staff, "haoxiujiang", "一个电话就上门");
        var declined = (await team.DeclineJobAsync(lead, registered.Id, "师傅们今天都在外面")).Jobs.Last(j => j.TicketId == registered.Id);
        var backAtFenglin = await ticket.GetAsync();
        await ticket.AssignToTeamAsync(staff, "haoxiujiang", "明早有空");
        await team.AcceptJobAsync(lead, registered.Id, []);
        var teamAfter = await team.CompleteJobAsync(lead, registered.Id, 2, "疏通了下水管，清出一团油污");

        Assert.Equal(("haoxiujiang", Assigned), (offered.TeamId, offered.Status));
        Assert.Equal((JobStatus.Declined, "fenglin"), (declined.Status, declined.RoutingStationId));
        Assert.Equal((Classified, (string?)null, "fenglin"), (backAtFenglin!.Status, backAtFenglin.TeamId, backAtFenglin.OwnerStationId));
        Assert.Equal(new[] { JobStatus.Declined, JobStatus.Completed }, teamAfter.Jobs.Where(j => j.TicketId == registered.Id).Select(j => j.Status));
        Assert.Equal((teamBefore.Completed + 1, teamBefore.HoursServed + 2, teamBefore.Offered, teamBefore.Active),
            (teamAfter.Completed, teamAfter.HoursServed, teamAfter.Offered, teamAfter.Active));

        // Three days on the drain is blocked again: within the week, the resident may dispute.
        fixture.Time.Advance(TimeSpan.FromDays(3));
        var reopenedAt = fixture.Time.GetUtcNow();
        var reopened = await ticket.ReopenAsync(Actor.Resident(phone), "又堵了");
        Assert.Equal(fenglin.Plus(open: 1, received: 1, resolved: 1), await Tally.OfAsync(Client, "fenglin"));
        await ticket.StartAsync(staff, "社区请物业用疏通机");
        var resolvedAgain = await ticket.ResolveAsync(staff, "主管道也清理了");

        // Reopened, the matter gets a fresh resolution target of its class, from the dispute.
        Assert.Equal((Reopened, (DateTimeOffset?)null, (DateTimeOffset?)(reopenedAt + ShippedCatalogue.ClassOf("plumbing-drains").Resolution)),
            (reopened.Status, reopened.ResolvedAt, reopened.ResolutionDue));

        // A week and a minute after that resolution, the dispute window has closed.
        fixture.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await TicketAssert.RefusedAsync(ticket, RefusalKind.Conflict, t => t.ReopenAsync(Actor.Resident(phone), "还是有味道"));
        var closed = await ticket.CloseAsync(Actor.Resident(phone), 4, "第二次修好了");

        TicketAssert.Timeline(closed,
            new("station-desk", "register", null, Registered, "fenglin"),
            new("fenglin-staff", "classify:plumbing-drains", Registered, Classified, "fenglin"),
            new("fenglin-staff", "assign-to-team:haoxiujiang", Classified, Assigned, "fenglin"),
            new("haoxiujiang-lead", "team-decline", Assigned, Classified, "fenglin"),
            new("fenglin-staff", "assign-to-team:haoxiujiang", Classified, Assigned, "fenglin"),
            new("haoxiujiang-lead", "start", Assigned, InProgress, "fenglin"),
            new("haoxiujiang-lead", "resolve", InProgress, Resolved, "fenglin"),
            new("resident", "reopen", Resolved, Reopened, "fenglin"),
            new("fenglin-staff", "start", Reopened, InProgress, "fenglin"),
            new("fenglin-staff", "resolve", InProgress, Resolved, "fenglin"),
            new("resident", "close:rating 4", Resolved, Closed, "fenglin"));
        Assert.Equal((Closed, (int?)4, resolvedAgain.ResolvedAt), (closed.Status, closed.Rating, closed.ResolvedAt));
        // Each resolution counts, the disputed one too; nothing is left open.
        Assert.Equal(fenglin.Plus(received: 1, resolved: 2), await Tally.OfAsync(Client, "fenglin"));
        Assert.Equal(TicketRow.From(closed), Assert.Single(fixture.Projection.All, r => r.TicketId == closed.Id));
    }
}
