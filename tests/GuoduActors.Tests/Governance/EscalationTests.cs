using static GuoduActors.TicketStatus;

namespace GuoduActors.Tests.Governance;

/// <summary>
/// Auto-escalation on the grains' clock: an overdue deadline moves the ticket one level up (level-2 → level-1 → the
/// Small Affairs Office), raises its priority one rank and escalates exactly once. Each test has a compound station
/// and its community to itself, because every test of the collection moves the clock for all of them.
/// </summary>
/// <remarks>
/// The stations' 10-second timers run on the grains' clock too, so moving it past a deadline also makes them sweep.
/// The explicit sweep after each move waits for such a timer sweep (both are turns of the station grain) and sweeps
/// whatever is left: a test sees the state one sweep produces, and counts the escalations every sweep together made.
/// </remarks>
[Collection(TimeTravelCollection.Name)]
public sealed class EscalationTests(TimeTravelClusterFixture fixture, ITestOutputHelper output)
{
    private const string Office = "guodu";

    private IClusterClient Client => fixture.Client;

    private IStationGrain Station(string id) => Client.GetGrain<IStationGrain>(id);

    [Fact]
    public async Task AnUnansweredMatterEscalatesFromItsCompoundToItsCommunityThenToTheOfficeEachDeadlineOnce()
    {
        const string compound = "compound-05", community = "community-03";
        var compoundBefore = await Tally.OfAsync(Client, compound);
        var communityBefore = await Tally.OfAsync(Client, community);
        var registered = await RegisterAsync(compound, "noise", "深夜广场舞音响太吵 — loudspeakers of the square dance late at night");
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);

        // The first response is a minute overdue at the compound.
        fixture.Time.SetUtcNow(registered.FirstResponseDue!.Value.AddMinutes(1));
        var firstEscalationAt = fixture.Time.GetUtcNow();
        await Station(compound).SweepAsync();
        var atCommunity = await ticket.GetAsync();

        var raisedOnce = ShippedCatalogue.OneRankUp(registered.PriorityClass);
        Assert.Equal(("general", "utilities"), (registered.PriorityClass, raisedOnce.Code));
        Assert.Equal((community, raisedOnce.Code, 1, Registered, true), (atCommunity!.OwnerStationId, atCommunity.PriorityClass, atCommunity.EscalationCount, atCommunity.Status, atCommunity.FirstResponseLate));
        // The missed clock restarts at the new owner with the raised class's target; the other clock runs on as it was.
        Assert.Equal(((DateTimeOffset?)(firstEscalationAt + raisedOnce.FirstResponse), registered.ResolutionDue), (atCommunity.FirstResponseDue, atCommunity.ResolutionDue));
        var escalation = atCommunity.Timeline[^1];
        Assert.Equal(new Step("system", $"escalate:{community}", Registered, Registered, community), Step.Of(escalation));
        Assert.Equal(firstEscalationAt, escalation.At);
        Assert.Contains("FirstResponse deadline", escalation.Note);
        Assert.Equal(compoundBefore.Plus(received: 1, escalated: 1), await Tally.OfAsync(Client, compound));
        Assert.Equal(communityBefore.Plus(open: 1), await Tally.OfAsync(Client, community));
        Assert.True(await Client.QueueHoldsAsync(community, registered.Id));
        Assert.False(await Client.QueueHoldsAsync(compound, registered.Id));
        Assert.Equal(TicketRow.From(atCommunity), Assert.Single(fixture.Projection.All, r => r.TicketId == registered.Id));

        // Sweeping again, now and hours later, escalates nothing more until the community's own deadline passes.
        Assert.Equal(0, (await Station(compound).SweepAsync()).Escalated);
        fixture.Time.Advance(TimeSpan.FromHours(12));
        Assert.Equal(0, (await Station(compound).SweepAsync()).Escalated);
        Assert.Equal(0, (await Station(community).SweepAsync()).Escalated);
        Tickets.AssertSame(atCommunity, await ticket.GetAsync());

        // Still unanswered at the community's deadline: on to the Small Affairs Office.
        fixture.Time.SetUtcNow(atCommunity.FirstResponseDue!.Value.AddMinutes(1));
        var secondEscalationAt = fixture.Time.GetUtcNow();
        await Station(community).SweepAsync();
        var atOffice = await ticket.GetAsync();

        var raisedTwice = ShippedCatalogue.OneRankUp(raisedOnce.Code);
        Assert.Equal("emergency", raisedTwice.Code);
        Assert.Equal((Office, raisedTwice.Code, 2, (DateTimeOffset?)(secondEscalationAt + raisedTwice.FirstResponse)),
            (atOffice!.OwnerStationId, atOffice.PriorityClass, atOffice.EscalationCount, atOffice.FirstResponseDue));
        TicketAssert.Timeline(atOffice,
            new("station-desk", "register", null, Registered, compound),
            new("system", $"escalate:{community}", Registered, Registered, community),
            new("system", $"escalate:{Office}", Registered, Registered, Office));
        Assert.Equal(compoundBefore.Plus(received: 1, escalated: 1), await Tally.OfAsync(Client, compound));
        Assert.Equal(communityBefore.Plus(escalated: 1), await Tally.OfAsync(Client, community));
        Assert.True(await Client.QueueHoldsAsync(Office, registered.Id));
        Assert.False(await Client.QueueHoldsAsync(community, registered.Id));
        Assert.Equal(TicketRow.From(atOffice), Assert.Single(fixture.Projection.All, r => r.TicketId == registered.Id));

        fixture.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await Station(compound).SweepAsync()).Escalated);
        Assert.Equal(0, (await Station(community).SweepAsync()).Escalated);
        Tickets.AssertSame(atOffice, await ticket.GetAsync());
    }

    [Fact]
    public async Task TheSmallAffairsOfficeKeepsAnOverdueMatterEscalatesNothingFurtherAndALeaderSettlesIt()
    {
        const string compound = "compound-12", community = "community-07";
        var registered = await RegisterAsync(compound, "sanitation", "垃圾站三天没清运 — the refuse point has not been cleared for three days");
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);
        fixture.Time.SetUtcNow(registered.FirstResponseDue!.Value.AddMinutes(1));
        await Station(compound).SweepAsync();
        fixture.Time.SetUtcNow((await ticket.GetAsync())!.FirstResponseDue!.Value.AddMinutes(1));
        await Station(community).SweepAsync();
        var atOffice = await ticket.GetAsync();
        Assert.Equal((Office, 2), (atOffice!.OwnerStationId, atOffice.EscalationCount));

        // Past every deadline it has: the office is the last stop.
        fixture.Time.SetUtcNow(registered.ResolutionDue!.Value.AddDays(1));
        var sweep = await Station(Office).SweepAsync();
        var counters = await Client.CountersAsync(Office);

        Assert.Equal((0, 0), (sweep.Checked, sweep.Escalated));
        Tickets.AssertSame(atOffice, await ticket.GetAsync());
        Assert.Equal(0, counters.EscalatedTotal);
        Assert.True(counters.Overdue >= 1, "The office counts the matter it holds past its deadline as overdue.");
        Assert.True(Assert.Single(fixture.Projection.All, r => r.TicketId == registered.Id).IsOverdue(fixture.Time.GetUtcNow()));

        var leader = People.Leader;
        await ticket.ClassifyAsync(leader, "sanitation", null);
        await ticket.AssignToStationAsync(leader, Office, "街道协调环卫所");
        var settled = await ticket.ResolveAsync(leader, "环卫所当天清运，并加了一班");
        Assert.Equal((Resolved, Office, true, true), (settled.Status, settled.OwnerStationId, settled.FirstResponseLate, settled.ResolutionLate));
        Assert.False(await Client.QueueHoldsAsync(Office, registered.Id));
    }

    [Fact]
    public async Task AMatterAnsweredInTimeButNotResolvedInTimeEscalatesOnceForItsResolution()
    {
        const string compound = "compound-07", community = "community-04";
        var staff = People.StaffOf(fixture.Roster, compound);
        var compoundBefore = await Tally.OfAsync(Client, compound);
        var registered = await RegisterAsync(compound, "plumbing-drains", "卫生间地漏返水 — the bathroom floor drain backs up");
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await TakeUpAsync(ticket, staff, compound, "物业维修工已上门");

        // Well past the first-response deadline, which was met: nothing to escalate.
        fixture.Time.SetUtcNow(registered.FirstResponseDue!.Value.AddHours(1));
        Assert.Equal(0, (await Station(compound).SweepAsync()).Escalated);
        Assert.Equal(compound, (await ticket.GetAsync())!.OwnerStationId);

        fixture.Time.SetUtcNow(registered.ResolutionDue!.Value.AddMinutes(1));
        var escalatedAt = fixture.Time.GetUtcNow();
        await Station(compound).SweepAsync();
        var escalated = await ticket.GetAsync();

        var raised = ShippedCatalogue.OneRankUp(registered.PriorityClass);
        Assert.Equal((community, InProgress, 1, raised.Code), (escalated!.OwnerStationId, escalated.Status, escalated.EscalationCount, escalated.PriorityClass));
        Assert.Equal((false, true), (escalated.FirstResponseLate, escalated.ResolutionLate));
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)(escalatedAt + raised.Resolution)), (escalated.FirstResponseDue, escalated.ResolutionDue));
        var escalation = escalated.Timeline[^1];
        Assert.Equal(new Step("system", $"escalate:{community}", InProgress, InProgress, community), Step.Of(escalation));
        Assert.Contains("Resolution deadline", escalation.Note);
        Assert.Equal(compoundBefore.Plus(received: 1, escalated: 1), await Tally.OfAsync(Client, compound));

        fixture.Time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(0, (await Station(compound).SweepAsync()).Escalated);
        Assert.Equal(0, (await Station(community).SweepAsync()).Escalated);
        Tickets.AssertSame(escalated, await ticket.GetAsync());
        Assert.Single(escalated.Timeline, e => e.Action.StartsWith("escalate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMatterWaitingOnTheResidentDoesNotEscalateAndItsResumedClockEscalatesWhenItRunsOut()
    {
        const string compound = "compound-09", community = "community-05";
        var staff = People.StaffOf(fixture.Roster, compound);
        var compoundBefore = await Tally.OfAsync(Client, compound);
        var registered = await RegisterAsync(compound, "small-repairs", "阳台晾衣架坏了 — the balcony clothes rack is broken");
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        await TakeUpAsync(ticket, staff, compound, null);
        var waiting = await ticket.WaitOnResidentAsync(staff, "住户回老家了，等她回来约时间");
        var left = registered.ResolutionDue!.Value - fixture.Time.GetUtcNow();

        // Away for longer than the whole resolution target.
        fixture.Time.SetUtcNow(registered.ResolutionDue.Value.AddDays(3));
        var sweep = await Station(compound).SweepAsync();

        Assert.Equal(0, sweep.Escalated);
        Tickets.AssertSame(waiting, await ticket.GetAsync());
        Assert.Equal(0, (await Client.CountersAsync(compound)).Overdue);
        Assert.Equal(compoundBefore.Plus(open: 1, received: 1), await Tally.OfAsync(Client, compound));

        // Back: the clock resumes with the time that was left, and escalates when that runs out, once.
        var resumedAt = fixture.Time.GetUtcNow();
        var resumed = await ticket.ResumeAsync(staff, "住户回来了");
        Assert.Equal((DateTimeOffset?)(resumedAt + left), resumed.ResolutionDue);
        fixture.Time.SetUtcNow(resumed.ResolutionDue!.Value.AddMinutes(-1));
        Assert.Equal(0, (await Station(compound).SweepAsync()).Escalated);
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await Station(compound).SweepAsync();
        var escalated = await ticket.GetAsync();

        Assert.Equal((community, 1, true), (escalated!.OwnerStationId, escalated.EscalationCount, escalated.ResolutionLate));
        Assert.Equal(compoundBefore.Plus(received: 1, escalated: 1), await Tally.OfAsync(Client, compound));
    }

    [Fact]
    public async Task AStationEscalatesAnOverdueMatterOnItsOwnTimerWithoutAnyoneCallingASweep()
    {
        const string compound = "compound-11", community = "community-06";
        var registered = await RegisterAsync(compound, "parking", "消防通道被私家车堵了 — private cars block the fire lane");
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);

        fixture.Time.SetUtcNow(registered.FirstResponseDue!.Value.AddMinutes(1));

        // The timer fires as the clock passes it, so this takes milliseconds; the bound is generous for a loaded machine
        // (the station's minute reminder, on real time, would do it too, but later).
        var took = await WaitForAssertionAsync(async () =>
        {
            var now = await ticket.GetAsync();
            Assert.Equal((community, 1), (now!.OwnerStationId, now.EscalationCount));
        }, TimeSpan.FromSeconds(20));
        output.WriteLine($"Escalated by the station's timer {took.TotalMilliseconds:0} ms after the clock passed the deadline.");
        Assert.Equal(1, (await Client.CountersAsync(compound)).EscalatedTotal);
    }

    [Fact]
    public async Task ReclassifyingAReopenedMatterKeepsTheResolutionTimeTheReopeningGaveIt()
    {
        const string compound = "compound-13", community = "community-08";
        var staff = People.StaffOf(fixture.Roster, compound);
        var resident = Actor.Resident("13991110006");
        var registered = await RegisterAsync(compound, "plumbing-drains", "暖气片接口漏水 — the radiator joint leaks");
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);
        await TakeUpAsync(ticket, staff, compound, null);
        await ticket.ResolveAsync(staff, "拧紧了接口");

        // Five days on, past the matter's original 3-day target, the resident disputes it.
        fixture.Time.Advance(TimeSpan.FromDays(5));
        var reopenedAt = fixture.Time.GetUtcNow();
        var reopened = await ticket.ReopenAsync(resident, "还在漏");
        var reclassified = await ticket.ClassifyAsync(staff, "heating", "其实是暖气片本身的问题");
        await Station(compound).SweepAsync();

        var target = ShippedCatalogue.ClassOf("heating").Resolution;
        Assert.Equal(ShippedCatalogue.ClassOf("plumbing-drains"), ShippedCatalogue.ClassOf("heating"));
        Assert.Equal((DateTimeOffset?)(reopenedAt + target), reopened.ResolutionDue);
        Assert.Equal((DateTimeOffset?)(reopenedAt + target), reclassified.ResolutionDue);
        var now = await ticket.GetAsync();
        Assert.Equal((compound, 0, Classified), (now!.OwnerStationId, now.EscalationCount, now.Status));
        Assert.False(await Client.QueueHoldsAsync(community, registered.Id));
    }

    [Fact]
    public async Task ReclassifyingAHandedBackMatterKeepsTheTimeItWaitedOnTheResident()
    {
        const string compound = "compound-14", community = "community-09";
        var staff = People.StaffOf(fixture.Roster, compound);
        var communityStaff = People.StaffOf(fixture.Roster, community);
        var registered = await RegisterAsync(compound, "small-repairs", "衣柜门合页坏了 — a wardrobe door hinge is broken");
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);
        await TakeUpAsync(ticket, staff, compound, null);
        await ticket.WaitOnResidentAsync(staff, "住户出国探亲");
        var waited = TimeSpan.FromDays(10);
        fixture.Time.Advance(waited);
        var resumed = await ticket.ResumeAsync(staff, "住户回来了");
        await ticket.HandBackAsync(staff, "需要社区协调专业师傅");

        var reclassified = await ticket.ClassifyAsync(communityStaff, "doors-locks", null);
        await Station(community).SweepAsync();

        // Same class and clock: the deadline is the one the wait had moved, not one counted from registration alone.
        Assert.Equal(ShippedCatalogue.ClassOf("small-repairs"), ShippedCatalogue.ClassOf("doors-locks"));
        Assert.Equal((DateTimeOffset?)(registered.ResolutionDue!.Value + waited), resumed.ResolutionDue);
        Assert.Equal(resumed.ResolutionDue, reclassified.ResolutionDue);
        var now = await ticket.GetAsync();
        Assert.Equal((community, 0), (now!.OwnerStationId, now.EscalationCount));
    }

    /// <summary>The station classifies the matter as registered, keeps it and starts: the first response.</summary>
    private static async Task TakeUpAsync(ITicketGrain ticket, Actor staff, string stationId, string? note)
    {
        await ticket.ClassifyAsync(staff, (await ticket.GetAsync())!.CategoryCode!, null);
        await ticket.AssignToStationAsync(staff, stationId, null);
        await ticket.StartAsync(staff, note);
    }

    private async Task<TicketSnapshot> RegisterAsync(string stationId, string categoryCode, string description) =>
        await Station(stationId).RegisterTicketAsync(new NewTicket(description, categoryCode, "吴先生", "13991110006", null), Tickets.NewKey());
}
