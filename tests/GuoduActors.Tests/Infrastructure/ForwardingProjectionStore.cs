namespace GuoduActors.Tests.Infrastructure;

/// <summary>
/// A projection store that hands every call to <see cref="Inner"/>: the base of the test doubles that change one thing
/// about the in-memory projection (fail its writes, refuse its queries, copy its rows) and keep the rest.
/// </summary>
public abstract class ForwardingProjectionStore(InMemoryTicketProjectionStore inner) : ITicketProjectionStore
{
    public InMemoryTicketProjectionStore Inner { get; } = inner;

    public virtual Task StoreAsync(string ownerId, IReadOnlyList<TicketRow> rows, IReadOnlyList<RequestKeyRecord> keys, IReadOnlyList<DailyCount> days) =>
        Inner.StoreAsync(ownerId, rows, keys, days);

    public virtual Task UpsertAsync(TicketRow row) => Inner.UpsertAsync(row);

    public virtual Task DeleteAsync(string ownerId, string ticketId) => Inner.DeleteAsync(ownerId, ticketId);

    public virtual Task<IReadOnlyList<TicketRow>> LoadOpenAsync(string ownerId) => Inner.LoadOpenAsync(ownerId);

    public virtual IAsyncEnumerable<TicketRow> QueryAsync(TicketFilter filter, CancellationToken cancellationToken = default) => Inner.QueryAsync(filter, cancellationToken);

    public Task DeleteRequestKeysBeforeAsync(string stationId, DateTimeOffset before) => Inner.DeleteRequestKeysBeforeAsync(stationId, before);

    public Task<IReadOnlyList<RequestKeyRecord>> LoadRequestKeysAsync(string stationId, DateTimeOffset since) => Inner.LoadRequestKeysAsync(stationId, since);

    public Task<IReadOnlyList<DailyCount>> LoadDailyCountsAsync(string stationId, DateOnly from) => Inner.LoadDailyCountsAsync(stationId, from);
}
