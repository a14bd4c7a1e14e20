using GuoduActors.Sla;

namespace GuoduActors.Tests.Governance;

/// <summary>The people who act on tickets in these tests, scoped as the sign-in layer scopes them (<c>silo/Auth/LocalUsers.cs</c>).</summary>
internal static class People
{
    public static readonly Actor RepairTeamLead = Actor.TeamLead("haoxiujiang-lead", "haoxiujiang");

    public static readonly Actor Leader = Actor.Leader("leader");

    /// <summary>Staff of <paramref name="stationId"/>, user <c>{stationId}-staff</c>: a level-1 station's staff also covers its level-2 stations.</summary>
    public static Actor StaffOf(GuoduActors.Roster roster, string stationId) =>
        Actor.Staff($"{stationId}-staff", [stationId, .. roster.Stations.Where(s => s.ParentId == stationId).Select(s => s.Id)]);
}

/// <summary>One expected line of a ticket's timeline: who, what, the status move, and the owner after it.</summary>
internal readonly record struct Step(string Actor, string Action, TicketStatus? From, TicketStatus To, string Owner)
{
    public static Step Of(TimelineEntry entry) => new(entry.Actor, entry.Action, entry.FromStatus, entry.ToStatus, entry.OwnerId ?? "");
}

internal static class TicketAssert
{
    public static void Timeline(TicketSnapshot ticket, params Step[] steps) =>
        Assert.Equal(steps, ticket.Timeline.Select(Step.Of));

    /// <summary>Runs a command that must be refused for <paramref name="kind"/> and proves that the ticket did not change.</summary>
    public static async Task RefusedAsync(ITicketGrain ticket, RefusalKind kind, Func<ITicketGrain, Task> command)
    {
        var before = await ticket.GetAsync();
        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => command(ticket));
        Assert.True(kind == refusal.Kind, $"Expected {kind}, got {refusal.Kind}: {refusal.Message}");
        Tickets.AssertSame(before!, await ticket.GetAsync());
    }
}

/// <summary>The counters of a station that a matter moves, without the instant they were read at.</summary>
internal readonly record struct Tally(int Open, long Received, long Resolved, long Escalated)
{
    public static async Task<Tally> OfAsync(IGrainFactory grains, string stationId)
    {
        var c = await grains.CountersAsync(stationId);
        return new(c.Open, c.ReceivedTotal, c.ResolvedTotal, c.EscalatedTotal);
    }

    public Tally Plus(int open = 0, long received = 0, long resolved = 0, long escalated = 0) =>
        new(Open + open, Received + received, Resolved + resolved, Escalated + escalated);
}

internal static class StationGrains
{
    /// <summary>
    /// Sweeps these stations, children before parents, so that tickets other tests left there and whose deadlines
    /// passed when another test moved the shared clock escalate now rather than while this test counts. A sweep waits
    /// for one the station's timer may have started, so afterwards nothing there is overdue until the clock moves.
    /// </summary>
    public static async Task AtRestAsync(this IGrainFactory grains, params string[] childrenFirst)
    {
        foreach (var stationId in childrenFirst)
            await grains.GetGrain<IStationGrain>(stationId).SweepAsync();
    }

    /// <summary>Whether the station's queue (its open tickets, read from its index) holds the ticket.</summary>
    public static async Task<bool> QueueHoldsAsync(this IGrainFactory grains, string stationId, string ticketId) =>
        (await grains.GetGrain<IStationGrain>(stationId).GetQueueAsync(1000)).Any(r => r.TicketId == ticketId);
}

/// <summary>The shipped catalogue, read as data: the expectations of these tests come from it, not from the product's SLA code.</summary>
internal static class ShippedCatalogue
{
    public static Catalogue Catalogue => TestSilos.Policy.Catalogue;

    public static PriorityClass ClassOf(string categoryCode) =>
        Catalogue.PriorityClasses.Single(p => p.Code == Catalogue.Categories.Single(c => c.Code == categoryCode).PriorityClass);

    /// <summary>The class one rank more urgent, or the same class at the top: where an escalation moves a ticket.</summary>
    public static PriorityClass OneRankUp(string priorityClass)
    {
        var current = Catalogue.PriorityClasses.Single(p => p.Code == priorityClass);
        return Catalogue.PriorityClasses.Where(p => p.Rank < current.Rank).OrderByDescending(p => p.Rank).FirstOrDefault() ?? current;
    }

    public static PriorityClass Class(string code) => Catalogue.PriorityClasses.Single(p => p.Code == code);
}
