using System.Collections.Concurrent;

namespace GuoduActors.Grains;

/// <summary>The projection in process memory, for tests and the single-silo memory mode. One instance serves every silo of an in-process cluster.</summary>
public sealed class InMemoryTicketProjectionStore : ITicketProjectionStore
{
    private readonly ConcurrentDictionary<(string Owner, string Ticket), TicketRow> _rows = new();
    // Keyed like the table's rows: a key used again after its window is another row.
    private readonly ConcurrentDictionary<(string Station, string Key, DateTimeOffset At), RequestKeyRecord> _keys = new();
    private readonly ConcurrentDictionary<(string Station, DateOnly Day, string Category), DailyCount> _days = new();

    public IEnumerable<TicketRow> All => _rows.Values;

    public Task UpsertAsync(TicketRow row)
    {
        _rows[(row.OwnerId, row.TicketId)] = row;
        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IReadOnlyList<TicketRow> rows)
    {
        foreach (var row in rows)
            _rows[(row.OwnerId, row.TicketId)] = row;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string ownerId, string ticketId)
    {
        _rows.TryRemove((ownerId, ticketId), out _);
        return Task.CompletedTask;
    }

    public Task StoreAsync(string ownerId, IReadOnlyList<TicketRow> rows, IReadOnlyList<RequestKeyRecord> keys, IReadOnlyList<DailyCount> days)
    {
        foreach (var row in rows)
            _rows[(row.OwnerId, row.TicketId)] = row;
        foreach (var key in keys)
            _keys[(ownerId, key.RequestKey, key.RegisteredAt)] = key;
        foreach (var day in days)
            _days[(ownerId, day.Day, day.CategoryCode)] = day;
        return Task.CompletedTask;
    }

    public Task DeleteRequestKeysBeforeAsync(string stationId, DateTimeOffset before)
    {
        foreach (var key in _keys.Where(k => k.Key.Station == stationId && k.Value.RegisteredAt < before).Select(k => k.Key).ToList())
            _keys.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RequestKeyRecord>> LoadRequestKeysAsync(string stationId, DateTimeOffset since) =>
        Task.FromResult<IReadOnlyList<RequestKeyRecord>>(_keys.Where(k => k.Key.Station == stationId && k.Value.RegisteredAt >= since)
            .Select(k => k.Value).ToList());

    public Task<IReadOnlyList<DailyCount>> LoadDailyCountsAsync(string stationId, DateOnly from) =>
        Task.FromResult<IReadOnlyList<DailyCount>>(_days.Where(d => d.Key.Station == stationId && d.Key.Day >= from).Select(d => d.Value).ToList());

    public Task<IReadOnlyList<TicketRow>> LoadOpenAsync(string ownerId) =>
        Task.FromResult<IReadOnlyList<TicketRow>>(_rows.Values.Where(r => r.OwnerId == ownerId && r.IsOpen).ToList());

    public IAsyncEnumerable<TicketRow> QueryAsync(TicketFilter filter, CancellationToken cancellationToken = default) =>
        _rows.Values.Where(filter.Matches).ToList().ToAsyncEnumerable();
}
