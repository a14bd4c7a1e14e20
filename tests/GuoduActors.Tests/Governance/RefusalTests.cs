using static GuoduActors.TicketStatus;

namespace GuoduActors.Tests.Governance;

/// <summary>
/// What the lifecycle and the scopes refuse: a command its status does not allow (409), an actor outside the owning
/// station (403), a team with no capacity left. A refusal changes nothing: not the ticket, its station's counters or
/// its projection row.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RefusalTests(ClusterFixture fixture)
{
    private const string Phone = "13991110003";
    private const string OtherPhone = "13991119999";

    private IClusterClient Client => fixture.Client;

    private Actor Bolangfeng => People.StaffOf(fixture.Roster, "bolangfeng");

    [Fact]
    public async Task CommandsTheLifecycleDoesNotAllowFromATicketsStatusAreRefusedAsConflictsAndChangeNothing()
    {
        var staff = Bolangfeng;
        var resident = Actor.Resident(Phone);
        await Client.AtRestAsync("bolangfeng", "compound-02", "fenglin");
        var counted = await Tally.OfAsync(Client, "bolangfeng");
        var ticket = await RegisterAtBolangfengAsync("楼道声控灯不亮 — the stairwell light no longer answers to sound");

        // Each status with commands the README's lifecycle table does not allow from it.
        await AssertConflictsAsync(ticket, Registered,
            t => t.StartAsync(staff, null), t => t.ResolveAsync(staff, "done"), t => t.WaitOnResidentAsync(staff, "away"),
            t => t.ResumeAsync(staff, null), t => t.CloseAsync(resident, 5, null), t => t.ReopenAsync(resident, "again"),
            t => t.AssignToStationAsync(staff, "bolangfeng", null), t => t.HandBackAsync(staff, "not ours"),
            t => t.TeamDeclineAsync(staff, "busy"));
        await ticket.ClassifyAsync(staff, "public-facilities", null);
        await AssertConflictsAsync(ticket, Classified,
            t => t.StartAsync(staff, null), t => t.ResolveAsync(staff, "done"), t => t.WaitOnResidentAsync(staff, "away"),
            t => t.CloseAsync(resident, 5, null), t => t.HandBackAsync(staff, "not ours"), t => t.TeamDeclineAsync(staff, "busy"));
        await ticket.AssignToStationAsync(staff, "bolangfeng", null);
        await AssertConflictsAsync(ticket, Assigned,
            t => t.ClassifyAsync(staff, "sanitation", null), t => t.AssignToStationAsync(staff, "bolangfeng", null),
            t => t.AssignToTeamAsync(staff, "bolangfeng-safety", null), t => t.ResumeAsync(staff, null), t => t.CloseAsync(resident, 5, null));
        await ticket.StartAsync(staff, null);
        await AssertConflictsAsync(ticket, InProgress,
            t => t.StartAsync(staff, null), t => t.ClassifyAsync(staff, "sanitation", null), t => t.ResumeAsync(staff, null),
            t => t.CloseAsync(resident, 5, null), t => t.ReopenAsync(resident, "again"), t => t.TeamDeclineAsync(staff, "busy"));
        await ticket.WaitOnResidentAsync(staff, "住户出差，下周回来开门");
        await AssertConflictsAsync(ticket, WaitingOnResident,
            t => t.StartAsync(staff, null), t => t.WaitOnResidentAsync(staff, "still away"), t => t.ResolveAsync(staff, "done"),
            t => t.HandBackAsync(staff, "not ours"), t => t.CloseAsync(resident, 5, null));
        await ticket.ResumeAsync(staff, null);
        await ticket.ResolveAsync(staff, "换了声控开关");
        await AssertConflictsAsync(ticket, Resolved,
            t => t.StartAsync(staff, null), t => t.ResolveAsync(staff, "done twice"), t => t.CancelAsync(staff, "duplicate"),
            t => t.ClassifyAsync(staff, "sanitation", null), t => t.HandBackAsync(staff, "not ours"), t => t.ResumeAsync(staff, null));
        await ticket.CloseAsync(resident, 4, null);
        await AssertConflictsAsync(ticket, Closed,
            t => t.CloseAsync(resident, 5, null), t => t.ResolveAsync(staff, "done"), t => t.CancelAsync(staff, "duplicate"),
            t => t.StartAsync(staff, null), t => t.ClassifyAsync(staff, "sanitation", null));

        var cancelled = await RegisterAtBolangfengAsync("重复登记 — registered twice by mistake");
        await cancelled.CancelAsync(staff, "与前一件重复");
        await AssertConflictsAsync(cancelled, Cancelled,
            t => t.ReopenAsync(resident, "again"), t => t.ClassifyAsync(staff, "sanitation", null), t => t.StartAsync(staff, null),
            t => t.CancelAsync(staff, "twice"), t => t.ResolveAsync(staff, "done"));

        // Only the accepted commands counted: two tickets received, one resolved, none left open.
        Assert.Equal(counted.Plus(received: 2, resolved: 1), await Tally.OfAsync(Client, "bolangfeng"));
    }

    [Fact]
    public async Task StaffOutsideTheOwningStationAreRefusedAsForbiddenAndChangeNothing()
    {
        var staff = Bolangfeng;
        var otherCommunity = People.StaffOf(fixture.Roster, "community-02");
        var neighbouringCompound = People.StaffOf(fixture.Roster, "compound-02");
        var planner = new Actor("planner", ActorRole.Planner, [], null, null);
        await Client.AtRestAsync("bolangfeng", "compound-02", "fenglin");
        var ticket = await RegisterAtBolangfengAsync("小区门口路灯不亮 — the light at the compound gate is out");

        await AssertForbiddenAsync(ticket, Registered,
            t => t.ClassifyAsync(otherCommunity, "public-facilities", null), t => t.ClassifyAsync(neighbouringCompound, "public-facilities", null),
            t => t.ClassifyAsync(planner, "public-facilities", null), t => t.CancelAsync(otherCommunity, "duplicate"));
        await ticket.ClassifyAsync(staff, "public-facilities", null);
        await AssertForbiddenAsync(ticket, Classified,
            t => t.AssignToStationAsync(neighbouringCompound, "bolangfeng", null), t => t.AssignToTeamAsync(otherCommunity, "haoxiujiang", null));
        await ticket.AssignToStationAsync(staff, "bolangfeng", null);
        await AssertForbiddenAsync(ticket, Assigned,
            t => t.StartAsync(otherCommunity, null), t => t.ResolveAsync(People.RepairTeamLead, "not our job"),
            t => t.HandBackAsync(neighbouringCompound, "not ours"), t => t.TeamDeclineAsync(People.RepairTeamLead, "not offered to us"));
        await ticket.StartAsync(staff, null);
        await ticket.ResolveAsync(staff, "换了灯泡");
        await AssertForbiddenAsync(ticket, Resolved,
            t => t.CloseAsync(Actor.Resident(OtherPhone), 1, "not mine"), t => t.ReopenAsync(Actor.Resident(OtherPhone), "not mine"));

        // A level-2 station's staff do not act for their level-1 station.
        var atFenglin = await Client.GetGrain<IStationGrain>("fenglin").RegisterTicketAsync(
            new NewTicket("社区活动室预约 — booking the community room", null, null, Phone, null), Tickets.NewKey());
        await AssertForbiddenAsync(Client.GetGrain<ITicketGrain>(atFenglin.Id), Registered,
            t => t.ClassifyAsync(staff, "culture-sports", null), t => t.CancelAsync(staff, "not ours"));
        await Client.GetGrain<ITicketGrain>(atFenglin.Id).CancelAsync(People.Leader, "社区活动室已由居民自行预约");
    }

    [Fact]
    public async Task ATeamAtCapacityRefusesAnotherOfferAndTheTicketStaysUnassigned()
    {
        var fenglinStaff = People.StaffOf(fixture.Roster, "fenglin");
        var team = Client.GetGrain<IVolunteerTeamGrain>("aishang-shuhua");
        var capacity = fixture.Roster.Teams.Single(t => t.Id == "aishang-shuhua").Capacity;
        await Client.AtRestAsync("bolangfeng", "compound-02", "fenglin");
        var before = await team.GetAsync();

        var taken = new List<ITicketGrain>();
        for (var load = before.Offered + before.Active; load < capacity; load++)
        {
            var job = await ClassifiedAtFenglinAsync($"书画班报名 #{load} — signing up for the calligraphy class");
            await job.AssignToTeamAsync(fenglinStaff, "aishang-shuhua", null);
            taken.Add(job);
        }
        var full = await team.GetAsync();
        var oneTooMany = await ClassifiedAtFenglinAsync("书画班报名 — one more sign-up");

        await TicketAssert.RefusedAsync(oneTooMany, RefusalKind.Conflict, t => t.AssignToTeamAsync(fenglinStaff, "aishang-shuhua", null));

        Assert.Equal(capacity, full.Offered + full.Active);
        var refused = await oneTooMany.GetAsync();
        Assert.Equal((Classified, (string?)null, "fenglin"), (refused!.Status, refused.TeamId, refused.OwnerStationId));
        var after = await team.GetAsync();
        Assert.Equal((full.Offered, full.Active), (after.Offered, after.Active));
        Assert.DoesNotContain(after.Jobs, j => j.TicketId == refused.Id);

        // A cancelled matter gives its place back, and the same offer is then taken.
        await taken[0].CancelAsync(fenglinStaff, "报名人改上周末班");
        var assigned = await oneTooMany.AssignToTeamAsync(fenglinStaff, "aishang-shuhua", null);
        Assert.Equal((Assigned, "aishang-shuhua"), (assigned.Status, assigned.TeamId));
    }

    [Fact]
    public async Task AMatterOnOfferThatTheStationResolvesItselfGivesTheTeamItsPlaceBack()
    {
        var staff = Bolangfeng;
        var team = Client.GetGrain<IVolunteerTeamGrain>("bolangfeng-safety");
        var ticket = await RegisterAtBolangfengAsync("楼下烧烤摊太吵 — a barbecue stall downstairs is too loud");
        await ticket.ClassifyAsync(staff, "noise", null);
        var before = await team.GetAsync();

        await ticket.AssignToTeamAsync(staff, "bolangfeng-safety", "请平安志愿队去劝导");
        var onOffer = await team.GetAsync();
        var resolved = await ticket.ResolveAsync(staff, "摊主已自行收摊，物业已登记");
        var after = await team.GetAsync();

        Assert.Equal(Resolved, resolved.Status);
        Assert.Equal(before.Offered + 1, onOffer.Offered);
        Assert.Equal((before.Offered, before.Active, before.Completed), (after.Offered, after.Active, after.Completed));
        Assert.Equal(JobStatus.Released, after.Jobs.Last(j => j.TicketId == resolved.Id).Status);
    }

    private async Task<ITicketGrain> RegisterAtBolangfengAsync(string description)
    {
        var created = await Client.GetGrain<IStationGrain>("bolangfeng").RegisterTicketAsync(
            new NewTicket(description, null, "周女士", Phone, "铂琅峯小区 3号楼"), Tickets.NewKey());
        return Client.GetGrain<ITicketGrain>(created.Id);
    }

    private async Task<ITicketGrain> ClassifiedAtFenglinAsync(string description)
    {
        var created = await Client.GetGrain<IStationGrain>("fenglin").RegisterTicketAsync(
            new NewTicket(description, null, null, Phone, null), Tickets.NewKey());
        var ticket = Client.GetGrain<ITicketGrain>(created.Id);
        await ticket.ClassifyAsync(People.StaffOf(fixture.Roster, "fenglin"), "calligraphy-painting", null);
        return ticket;
    }

    private Task AssertConflictsAsync(ITicketGrain ticket, TicketStatus status, params Func<ITicketGrain, Task>[] commands) =>
        AssertRefusedAsync(ticket, status, RefusalKind.Conflict, commands);

    private Task AssertForbiddenAsync(ITicketGrain ticket, TicketStatus status, params Func<ITicketGrain, Task>[] commands) =>
        AssertRefusedAsync(ticket, status, RefusalKind.Forbidden, commands);

    /// <summary>Each command is refused for <paramref name="kind"/>; the ticket, its owner's counters and its projection row stay as they were.</summary>
    private async Task AssertRefusedAsync(ITicketGrain ticket, TicketStatus status, RefusalKind kind, Func<ITicketGrain, Task>[] commands)
    {
        var before = await ticket.GetAsync();
        Assert.Equal(status, before!.Status);
        var counters = await Tally.OfAsync(Client, before.OwnerStationId);
        var row = Assert.Single(fixture.Projection.All, r => r.TicketId == before.Id);

        foreach (var command in commands)
            await TicketAssert.RefusedAsync(ticket, kind, command);

        Assert.Equal(counters, await Tally.OfAsync(Client, before.OwnerStationId));
        Assert.Equal(row, Assert.Single(fixture.Projection.All, r => r.TicketId == before.Id));
    }
}
