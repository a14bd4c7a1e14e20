using System.Text.RegularExpressions;

namespace GuoduActors.Tests.Cluster;

/// <summary>Ticket ids are unique across the cluster and dated by the Guodu calendar of the grains' clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class TicketIdTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TwoHundredParallelRegistrationsGetTwoHundredDistinctIds()
    {
        var stations = fixture.Roster.Stations.Select(s => s.Id).ToList();
        var before = await StationLedger.SettledAsync(fixture.Client, "guodu");
        var day = GuoduClock.CstDate(fixture.Time.GetUtcNow());

        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            fixture.Client.GetGrain<IStationGrain>(stations[i % stations.Count])
                .RegisterTicketAsync(Tickets.Sample($"并发登记 #{i}"), Tickets.NewKey())));

        Assert.Equal(200, created.Select(t => t.Id).Distinct().Count());
        Assert.All(created, t => Assert.Matches(TicketIdPattern(), t.Id));
        Assert.All(created, t => Assert.StartsWith($"GD-{day}-", t.Id, StringComparison.Ordinal));
        var after = await StationLedger.SettledAsync(fixture.Client, "guodu");
        Assert.Equal(200, after.Stations.Sum(s => s.Value.Received) - before.Stations.Sum(s => s.Value.Received));
        var readBack = await Task.WhenAll(created.Select(t => fixture.Client.GetGrain<ITicketGrain>(t.Id).GetAsync()));
        Assert.Equal(created.Select(t => t.Description), readBack.Select(t => t!.Description));
    }

    [Fact]
    public async Task TicketCarriesTheTimeOfTheGrainsClock()
    {
        var now = fixture.Time.GetUtcNow();

        var ticket = await fixture.Client.GetGrain<IStationGrain>("fenglin").RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey());

        Assert.Equal(now, ticket.RegisteredAt);
        Assert.Equal(now, Assert.Single(ticket.Timeline).At);
    }

    [Fact]
    public async Task TicketNumbersStartAgainOnTheNextGuoduDay()
    {
        var station = fixture.Client.GetGrain<IStationGrain>("community-20");
        var today = await station.RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey());

        // The only test that moves the shared clock; the others read the day from it instead of assuming one.
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await station.RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey());

        Assert.Equal($"GD-{GuoduClock.CstDate(fixture.Time.GetUtcNow())}-0001", tomorrow.Id);
        Assert.NotEqual(today.Id[..11], tomorrow.Id[..11]);
    }

    [GeneratedRegex(@"^GD-\d{8}-\d{4}$")]
    private static partial Regex TicketIdPattern();
}
