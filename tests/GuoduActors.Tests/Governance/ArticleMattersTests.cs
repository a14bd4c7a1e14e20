using static GuoduActors.TicketStatus;

namespace GuoduActors.Tests.Governance;

/// <summary>
/// Two of the article's four small matters, each from the desk to the resident's rating on the two-silo cluster:
/// the parcel locker with no keyhole and the gas stove that will not ignite. Neither needs the clock to move.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ArticleMattersTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task ParcelLockerWithNoKeyholeIsRegisteredAtFenglinRoutedToBolangfengAndRatedByTheResident()
    {
        const string phone = "13991110001";
        var fenglinStaff = People.StaffOf(fixture.Roster, "fenglin");
        var bolangfengStaff = People.StaffOf(fixture.Roster, "bolangfeng");
        await Client.AtRestAsync("bolangfeng", "compound-02", "fenglin");
        var fenglin = await Tally.OfAsync(Client, "fenglin");
        var bolangfeng = await Tally.OfAsync(Client, "bolangfeng");

        var registered = await Client.GetGrain<IStationGrain>("fenglin").RegisterTicketAsync(
            new NewTicket("快递柜没有钥匙孔，取不出快递 — the smart parcel locker has no keyhole and she cannot get her parcel out",
                null, "李阿姨", phone, "铂琅峯小区 5号楼"), Tickets.NewKey());
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);
        Assert.Equal(fenglin.Plus(open: 1, received: 1), await Tally.OfAsync(Client, "fenglin"));

        var classified = await ticket.ClassifyAsync(fenglinStaff, "parcel-locker", "智能快递柜取件帮助");
        var routed = await ticket.AssignToStationAsync(fenglinStaff, "bolangfeng", "铂琅峯物业带居民去快递柜");
        Assert.Equal(fenglin.Plus(received: 1), await Tally.OfAsync(Client, "fenglin"));
        Assert.Equal(bolangfeng.Plus(open: 1), await Tally.OfAsync(Client, "bolangfeng"));
        Assert.True(await Client.QueueHoldsAsync("bolangfeng", registered.Id));
        Assert.False(await Client.QueueHoldsAsync("fenglin", registered.Id));

        var started = await ticket.StartAsync(bolangfengStaff, "物业管家到快递柜前");
        var resolved = await ticket.ResolveAsync(bolangfengStaff, "快递柜是扫码取件的，教会了阿姨用手机扫码，包裹已取出");
        var closed = await ticket.CloseAsync(Actor.Resident(phone), 5, "很方便，谢谢");

        Assert.Equal(new[] { Registered, Classified, Assigned, InProgress, Resolved, Closed },
            new[] { registered.Status, classified.Status, routed.Status, started.Status, resolved.Status, closed.Status });
        TicketAssert.Timeline(closed,
            new("station-desk", "register", null, Registered, "fenglin"),
            new("fenglin-staff", "classify:parcel-locker", Registered, Classified, "fenglin"),
            new("fenglin-staff", "assign-to-station:bolangfeng", Classified, Assigned, "bolangfeng"),
            new("bolangfeng-staff", "start", Assigned, InProgress, "bolangfeng"),
            new("bolangfeng-staff", "resolve", InProgress, Resolved, "bolangfeng"),
            new("resident", "close:rating 5", Resolved, Closed, "bolangfeng"));
        Assert.Equal(("fenglin", "bolangfeng", 5, "很方便，谢谢"), (closed.StationId, closed.OwnerStationId, closed.Rating, closed.RatingComment));
        // A general matter on the calendar clock: a day to respond, a week to resolve, counted from registration.
        var general = ShippedCatalogue.ClassOf("parcel-locker");
        Assert.Equal(("general", (DateTimeOffset?)(registered.RegisteredAt + general.FirstResponse), (DateTimeOffset?)(registered.RegisteredAt + general.Resolution)),
            (classified.PriorityClass, classified.FirstResponseDue, classified.ResolutionDue));
        Assert.Equal(((DateTimeOffset?)started.UpdatedAt, false, false, 0), (closed.FirstRespondedAt, closed.FirstResponseLate, closed.ResolutionLate, closed.EscalationCount));

        Assert.Equal(fenglin.Plus(received: 1), await Tally.OfAsync(Client, "fenglin"));
        Assert.Equal(bolangfeng.Plus(resolved: 1), await Tally.OfAsync(Client, "bolangfeng"));
        Assert.Equal(TicketRow.From(closed), Assert.Single(fixture.Projection.All, r => r.TicketId == closed.Id));
    }

    [Fact]
    public async Task GasStoveThatWillNotIgniteIsFixedByTheGoodCraftsmanTeamAndRatedByTheResident()
    {
        const string phone = "13991110002";
        var bolangfengStaff = People.StaffOf(fixture.Roster, "bolangfeng");
        var lead = People.RepairTeamLead;
        var team = Client.GetGrain<IVolunteerTeamGrain>("haoxiujiang");
        await team.UpdateMembersAsync(lead, [new TeamMember("wang-shifu", "王师傅", ["gas-appliance", "plumbing"])], []);
        await Client.AtRestAsync("bolangfeng", "compound-02", "fenglin");
        var bolangfeng = await Tally.OfAsync(Client, "bolangfeng");
        var teamBefore = await team.GetAsync();

        var registered = await Client.GetGrain<IStationGrain>("bolangfeng").RegisterTicketAsync(
            new NewTicket("燃气灶打不着火 — the gas stove clicks but will not ignite", null, "赵大爷", phone, "铂琅峯小区 8号楼1单元"), Tickets.NewKey());
        var ticket = Client.GetGrain<ITicketGrain>(registered.Id);
        var classified = await ticket.ClassifyAsync(bolangfengStaff, "gas-appliance", null);
        var offered = await ticket.AssignToTeamAsync(bolangfengStaff, "haoxiujiang", "好修匠王师傅擅长燃气灶");
        var onOffer = await team.GetAsync();
        await team.AcceptJobAsync(lead, registered.Id, ["wang-shifu"]);
        var accepted = await ticket.GetAsync();
        var teamAfter = await team.CompleteJobAsync(lead, registered.Id, 1.5, "点火针积碳，清理后一次打着");
        var completed = await ticket.GetAsync();
        var closed = await ticket.CloseAsync(Actor.Resident(phone), 5, null);

        Assert.Equal(new[] { Registered, Classified, Assigned, InProgress, Resolved, Closed },
            new[] { registered.Status, classified.Status, offered.Status, accepted!.Status, completed!.Status, closed.Status });
        TicketAssert.Timeline(closed,
            new("station-desk", "register", null, Registered, "bolangfeng"),
            new("bolangfeng-staff", "classify:gas-appliance", Registered, Classified, "bolangfeng"),
            new("bolangfeng-staff", "assign-to-team:haoxiujiang", Classified, Assigned, "bolangfeng"),
            new("haoxiujiang-lead", "start", Assigned, InProgress, "bolangfeng"),
            new("haoxiujiang-lead", "resolve", InProgress, Resolved, "bolangfeng"),
            new("resident", "close:rating 5", Resolved, Closed, "bolangfeng"));
        Assert.Equal(("bolangfeng", "haoxiujiang", "utilities"), (closed.OwnerStationId, closed.TeamId, closed.PriorityClass));

        // The team: offered, then active, then one more job done with its hours credited to the member who went.
        Assert.Equal((teamBefore.Offered + 1, teamBefore.Active), (onOffer.Offered, onOffer.Active));
        Assert.Equal((teamBefore.Offered, teamBefore.Active, teamBefore.Completed + 1, teamBefore.HoursServed + 1.5),
            (teamAfter.Offered, teamAfter.Active, teamAfter.Completed, teamAfter.HoursServed));
        Assert.Equal(teamBefore.HoursByMember.GetValueOrDefault("wang-shifu") + 1.5, teamAfter.HoursByMember["wang-shifu"]);
        Assert.Equal(teamBefore.JobsByMember.GetValueOrDefault("wang-shifu") + 1, teamAfter.JobsByMember["wang-shifu"]);
        var job = Assert.Single(teamAfter.Jobs, j => j.TicketId == registered.Id);
        Assert.Equal((JobStatus.Completed, "bolangfeng", "gas-appliance", 1.5), (job.Status, job.RoutingStationId, job.CategoryCode, job.Hours));
        Assert.Equal(new[] { "wang-shifu" }, job.MemberIds);

        Assert.Equal(bolangfeng.Plus(received: 1, resolved: 1), await Tally.OfAsync(Client, "bolangfeng"));
        Assert.Equal(TicketRow.From(closed), Assert.Single(fixture.Projection.All, r => r.TicketId == closed.Id));
    }
}
