namespace GuoduActors.Tests.Infrastructure;

/// <summary>
/// Every station's counters, read twice: from the stations themselves (the truth) and from the sub-district overview
/// (fed by one-way reports, so it converges shortly after). Used to prove that a request changed nothing, or exactly one thing.
/// </summary>
public sealed record StationLedger(IReadOnlyDictionary<string, (int Open, long Received)> Stations)
{
    public (int Open, long Received) this[string stationId] => Stations[stationId];

    /// <summary>Waits until the overview agrees with the stations, then returns that agreed state.</summary>
    public static async Task<StationLedger> SettledAsync(IGrainFactory grains, string subDistrictId)
    {
        StationLedger? settled = null;
        await WaitForAssertionAsync(async () =>
        {
            var overview = await grains.GetGrain<ISubDistrictGrain>(subDistrictId).GetOverviewAsync();
            var fromStations = await Task.WhenAll(overview.Stations.Select(s => grains.CountersAsync(s.Station.Id)));
            var truth = fromStations.ToDictionary(c => c.StationId, c => (c.Open, c.ReceivedTotal));
            var reported = overview.Stations.ToDictionary(s => s.Station.Id, s => (s.Open, s.ReceivedTotal));
            var stale = truth.Where(t => reported[t.Key] != t.Value).Select(t => $"{t.Key}: overview {reported[t.Key]}, station {t.Value}").ToList();
            Assert.True(stale.Count == 0, $"The overview disagrees with {stale.Count} station(s): {string.Join("; ", stale)}");
            settled = new StationLedger(truth);
        }, TimeSpan.FromSeconds(10));
        return settled!;
    }

    public void AssertSameAs(StationLedger other)
    {
        var changed = Stations.Where(s => other.Stations[s.Key] != s.Value).Select(s => $"{s.Key}: {other.Stations[s.Key]} → {s.Value}").ToList();
        Assert.True(changed.Count == 0, $"Station counters changed: {string.Join("; ", changed)}");
        Assert.Equal(other.Stations.Count, Stations.Count);
    }
}
