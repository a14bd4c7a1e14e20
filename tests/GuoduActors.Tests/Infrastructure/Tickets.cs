namespace GuoduActors.Tests.Infrastructure;

/// <summary>Sample registrations and the reads the tests make of station counters.</summary>
public static class Tickets
{
    public static NewTicket Sample(string description = "楼道灯坏了 — the stairwell light in building 3 is out") =>
        new(description, "public-facilities", "张三丰", "13812341234", "3号楼2单元");

    /// <summary>A fresh idempotency key, so that no two tests ever share one.</summary>
    public static string NewKey() => $"test-{Guid.NewGuid():N}";

    public static async Task<StationCounters> CountersAsync(this IGrainFactory grains, string stationId) =>
        await grains.GetGrain<IStationGrain>(stationId).GetCountersAsync();

    /// <summary>Asserts that <paramref name="actual"/> is <paramref name="expected"/> in every field and timeline line (a record compares lists by reference).</summary>
    public static void AssertSame(TicketSnapshot expected, TicketSnapshot? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Timeline = [] }, actual with { Timeline = [] });
        Assert.Equal(expected.Timeline, actual.Timeline);
    }

    /// <summary>What the leaders' overview shows for one station: (open, received).</summary>
    public static async Task<(int Open, long Received)> OverviewOfAsync(this IGrainFactory grains, string subDistrictId, string stationId)
    {
        var overview = await grains.GetGrain<ISubDistrictGrain>(subDistrictId).GetOverviewAsync();
        var station = overview.Stations.Single(s => s.Station.Id == stationId);
        return (station.Open, station.ReceivedTotal);
    }
}
