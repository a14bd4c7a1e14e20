using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Dashboard.Services.Analytics;

namespace GuoduActors.Dashboard.Services.Forecasting;

/// <summary>Where a training reads the stations' received counts per category and day.</summary>
public interface IDailyCountSource
{
    /// <summary>Every station's received tickets per category and day (China Standard Time) in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    Task<IReadOnlyList<StationCategoryCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Whether a simulated history is being written right now (the counts are then incomplete).</summary>
    Task<bool> IsSeedingAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Asks each station of the roster for its daily counts (<see cref="IStationGrain.GetDailyCountsAsync"/>), a few stations
/// at a time: the counts live in the stations' state, so no ticket grain or projection scan is involved.
/// </summary>
public sealed class OrleansDailyCountSource(IGrainFactory grains, IRosterSource roster, SiteContext site) : IDailyCountSource
{
    private const int StationsAtOnce = 8;

    public async Task<bool> IsSeedingAsync(CancellationToken cancellationToken = default) =>
        (await grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetSimulationAsync()).Phase == SimulationPhase.Seeding;

    public async Task<IReadOnlyList<StationCategoryCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var stations = (await roster.GetRosterAsync()).Stations.Select(s => s.Id).ToList();
        var counts = new List<StationCategoryCount>();
        foreach (var batch in stations.Chunk(StationsAtOnce))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = await Task.WhenAll(batch.Select(async id => (Id: id, Counts: await grains.GetGrain<IStationGrain>(id).GetDailyCountsAsync(from, to))));
            foreach (var (id, daily) in read)
                counts.AddRange(daily.Where(c => c.Received > 0).Select(c => new StationCategoryCount(id, c.CategoryCode, c.Day, c.Received)));
        }
        return counts;
    }
}
