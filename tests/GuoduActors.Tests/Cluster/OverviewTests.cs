namespace GuoduActors.Tests.Cluster;

/// <summary>The sub-district overview follows registrations at its stations.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OverviewTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RegisteringTicketsAtSeveralStationsUpdatesTheSubDistrictOverviewsOpenCounts()
    {
        var registrations = new Dictionary<string, int> { ["fenglin"] = 2, ["bolangfeng"] = 3, ["community-11"] = 1 };
        var before = await StationLedger.SettledAsync(fixture.Client, "guodu");

        foreach (var (station, count) in registrations)
        {
            for (var i = 0; i < count; i++)
                await fixture.Client.GetGrain<IStationGrain>(station).RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey());
        }

        await WaitForAssertionAsync(async () =>
        {
            var overview = await fixture.SubDistrict.GetOverviewAsync();
            foreach (var summary in overview.Stations)
            {
                var added = registrations.GetValueOrDefault(summary.Station.Id);
                Assert.Equal(before[summary.Station.Id].Open + added, summary.Open);
                Assert.Equal(before[summary.Station.Id].Received + added, summary.ReceivedTotal);
            }
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task OverviewRebuildsItsCountsFromTheStationsAfterTheSubDistrictGrainIsDeactivated()
    {
        await fixture.Client.GetGrain<IStationGrain>("community-12").RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey());
        var before = await StationLedger.SettledAsync(fixture.Client, "guodu");

        // The overview keeps its counters in memory only: a fresh activation must ask the stations again.
        await fixture.Cluster.DeactivateAsync(fixture.SubDistrict);

        var after = await StationLedger.SettledAsync(fixture.Client, "guodu");
        after.AssertSameAs(before);
        Assert.True(after["community-12"].Open >= 1);
    }

    [Fact]
    public async Task OverviewSettlesOnEveryStationsCountsAfterABurstOfRegistrationsWithinOneClockTick()
    {
        // The fake clock does not move during the burst, so a station's reports all carry the same AsOf and
        // arrival order alone cannot tell the newest: the overview must still end up with the real counts.
        var stations = fixture.Roster.Stations.Select(s => s.Id).ToList();
        var before = await StationLedger.SettledAsync(fixture.Client, "guodu");

        await Task.WhenAll(stations.SelectMany(station => Enumerable.Range(0, 3).Select(_ =>
            fixture.Client.GetGrain<IStationGrain>(station).RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey()))));

        var after = await StationLedger.SettledAsync(fixture.Client, "guodu");
        Assert.All(stations, s => Assert.Equal(before[s].Open + 3, after[s].Open));
    }
}
