using System.Collections.Concurrent;

namespace GuoduActors.Grains;

/// <summary>
/// The ticket query projection: one row per ticket under its current owner, kept by the owning station. Lists,
/// searches and a station's deadline index read it, so no ticket grain is activated to answer them.
/// </summary>
public interface ITicketProjectionStore
{
    Task UpsertAsync(TicketRow row);

    Task DeleteAsync(string ownerId, string ticketId);

    /// <summary>The open tickets owned by <paramref name="ownerId"/>: the station rebuilds its index from them on activation.</summary>
    Task<IReadOnlyList<TicketRow>> LoadOpenAsync(string ownerId);
}

/// <summary>The projection in process memory, for tests and the single-silo memory mode. One instance serves every silo of an in-process cluster.</summary>
public sealed class InMemoryTicketProjectionStore : ITicketProjectionStore
{
    private readonly ConcurrentDictionary<(string Owner, string Ticket), TicketRow> _rows = new();

    public IEnumerable<TicketRow> All => _rows.Values;

    public Task UpsertAsync(TicketRow row)
    {
        _rows[(row.OwnerId, row.TicketId)] = row;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string ownerId, string ticketId)
    {
        _rows.TryRemove((ownerId, ticketId), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TicketRow>> LoadOpenAsync(string ownerId) =>
        Task.FromResult<IReadOnlyList<TicketRow>>(_rows.Values.Where(r => r.OwnerId == ownerId && r.IsOpen).ToList());
}
