namespace GuoduActors;

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

    /// <summary>Every row matching the filter's storage-side conditions, in no particular order; callers page and sort.</summary>
    IAsyncEnumerable<TicketRow> QueryAsync(TicketFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// A station's batch of changes: its rows, the request keys of tickets registered there and its daily counts (each
    /// the day's and category's total so far; a day's other categories stay), written together — one entity-group
    /// transaction where the store supports it and the batch holds at most <see cref="MaxBatch"/> of them. Idempotent.
    /// </summary>
    Task StoreAsync(string ownerId, IReadOnlyList<TicketRow> rows, IReadOnlyList<RequestKeyRecord> keys, IReadOnlyList<DailyCount> days);

    /// <summary>The daily counts of <paramref name="stationId"/> from <paramref name="from"/> on (China Standard Time days).</summary>
    Task<IReadOnlyList<DailyCount>> LoadDailyCountsAsync(string stationId, DateOnly from);

    /// <summary>Forgets the request keys of tickets registered at <paramref name="stationId"/> before <paramref name="before"/> (to the hour).</summary>
    Task DeleteRequestKeysBeforeAsync(string stationId, DateTimeOffset before);

    /// <summary>The request keys of tickets registered at <paramref name="stationId"/> since <paramref name="since"/> (to the hour).</summary>
    Task<IReadOnlyList<RequestKeyRecord>> LoadRequestKeysAsync(string stationId, DateTimeOffset since);

    /// <summary>The most operations one entity-group transaction may hold (the Table service's limit).</summary>
    const int MaxBatch = 100;

    /// <summary>
    /// Writes many rows at once (a simulated history): each row replaces the row of the same owner and ticket, so a
    /// repeated call is harmless. Not atomic as a whole. Stores that can batch override this one-by-one default.
    /// </summary>
    async Task UpsertManyAsync(IReadOnlyList<TicketRow> rows)
    {
        foreach (var row in rows)
            await UpsertAsync(row);
    }
}

/// <summary>
/// The conditions a projection query can push down to storage. Each set field narrows the result; an owner or
/// station id makes it a query of a few partitions instead of a scan.
/// </summary>
public sealed record TicketFilter
{
    public string? OwnerId { get; init; }
    /// <summary>Tickets owned by or registered at this station.</summary>
    public string? InvolvingStationId { get; init; }
    public IReadOnlyList<string>? OwnerIds { get; init; }
    public TicketStatus? Status { get; init; }
    public bool? OpenOnly { get; init; }
    public string? CategoryCode { get; init; }
    public string? PriorityClass { get; init; }
    public DateTimeOffset? RegisteredFrom { get; init; }
    public DateTimeOffset? RegisteredTo { get; init; }
    public DateTimeOffset? UpdatedSince { get; init; }

    public bool Matches(TicketRow r) =>
        (OwnerId is null || r.OwnerId == OwnerId)
        && (InvolvingStationId is null || r.OwnerId == InvolvingStationId || r.StationId == InvolvingStationId)
        && (OwnerIds is null || OwnerIds.Contains(r.OwnerId))
        && (Status is null || r.Status == Status)
        && (OpenOnly is not true || r.IsOpen)
        && (CategoryCode is null || r.CategoryCode == CategoryCode)
        && (PriorityClass is null || r.PriorityClass == PriorityClass)
        && (RegisteredFrom is null || r.RegisteredAt >= RegisteredFrom)
        && (RegisteredTo is null || r.RegisteredAt < RegisteredTo)
        && (UpdatedSince is null || r.UpdatedAt >= UpdatedSince);
}

/// <summary>
/// A client's request key as a station remembers it: which ticket it produced, and a fingerprint of the request's content
/// (the same key with other content is refused).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RequestKeyRecord(
    [property: Id(0)] string RequestKey,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string Fingerprint,
    [property: Id(3)] DateTimeOffset RegisteredAt);
