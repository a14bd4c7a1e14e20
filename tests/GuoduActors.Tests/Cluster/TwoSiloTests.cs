using Orleans.Runtime;

namespace GuoduActors.Tests.Cluster;

/// <summary>Both silos of the cluster serve the same grains: location is invisible to callers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TwoSiloTests(ClusterFixture fixture)
{
    private IGrainFactory GrainsOfSilo(int index) =>
        fixture.Cluster.Silos[index].ServiceProvider.GetRequiredService<IGrainFactory>();

    [Fact]
    public void ClusterRunsTwoActiveSilos()
    {
        Assert.Equal(2, fixture.Cluster.GetActiveSilos().Count());
    }

    [Fact]
    public async Task GrainsAnswerTheSameStateThroughEitherSilo()
    {
        var created = await GrainsOfSilo(0).GetGrain<IStationGrain>("bolangfeng").RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey());

        var viaFirst = await GrainsOfSilo(0).GetGrain<ITicketGrain>(created.Id).GetAsync();
        var viaSecond = await GrainsOfSilo(1).GetGrain<ITicketGrain>(created.Id).GetAsync();
        var countersViaFirst = await GrainsOfSilo(0).CountersAsync("bolangfeng");
        var countersViaSecond = await GrainsOfSilo(1).CountersAsync("bolangfeng");
        var rosterViaSecond = await GrainsOfSilo(1).GetGrain<ISubDistrictGrain>("guodu").GetRosterAsync();

        Tickets.AssertSame(created, viaFirst);
        Tickets.AssertSame(created, viaSecond);
        Assert.Equal((countersViaFirst.Open, countersViaFirst.ReceivedTotal), (countersViaSecond.Open, countersViaSecond.ReceivedTotal));
        Assert.True(fixture.Roster.SameAs(rosterViaSecond));
    }

    [Fact]
    public async Task TicketKeepsItsStateWhenItMovesToTheOtherSilo()
    {
        var created = await fixture.Client.GetGrain<IStationGrain>("fenglin").RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey());
        var ticket = fixture.Client.GetGrain<ITicketGrain>(created.Id);
        // Registration stores the ticket without activating it: reading it does.
        Tickets.AssertSame(created, await ticket.GetAsync());
        var from = HostOf(ticket);
        var to = fixture.Cluster.Silos.Single(s => !s.SiloAddress.Equals(from)).SiloAddress;

        await fixture.Cluster.MigrateAsync(ticket, to);

        Tickets.AssertSame(created, await ticket.GetAsync());
        Assert.Equal(to, HostOf(ticket));
    }

    private SiloAddress HostOf(IAddressable grain)
    {
        Assert.True(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context), "The grain is not active on any silo.");
        return context.Address.SiloAddress ?? throw new InvalidOperationException("The activation has no silo address.");
    }
}
