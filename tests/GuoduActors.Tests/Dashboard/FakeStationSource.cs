using GuoduActors.Dashboard.Services;

namespace GuoduActors.Tests.Dashboard;

/// <summary>Answers the station page with the detail the test set for each station, and counts the calls.</summary>
internal sealed class FakeStationSource : IStationSource
{
    private readonly Dictionary<string, StationDetail> _stations = new(StringComparer.Ordinal);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Whether the last call asked for the queue and inspections.</summary>
    public bool? LastIncludedTickets { get; private set; }

    public void Returns(StationDetail detail) => _stations[detail.Station.Id] = detail;

    public Task<StationDetail?> GetAsync(string stationId, bool includeTickets, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        LastIncludedTickets = includeTickets;
        var detail = _stations.GetValueOrDefault(stationId);
        // As the real source: the restricted parts are not read for an anonymous reader.
        return Task.FromResult(detail is null || includeTickets ? detail : detail with { Queue = null, Inspections = null });
    }
}
