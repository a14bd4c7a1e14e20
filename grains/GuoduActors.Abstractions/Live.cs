namespace GuoduActors;

/// <summary>One change of one ticket, as the live feed shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record class LiveEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string Action,
    [property: Id(3)] TicketStatus Status,
    [property: Id(4)] string OwnerId,
    [property: Id(5)] string StationId,
    [property: Id(6)] string? CategoryCode,
    [property: Id(7)] string Description);

/// <summary>
/// What changed since the last batch: the ticket events in order, and whether any station's counters moved.
/// Batches are coalesced by the sub-district (a few per second at most, however fast tickets arrive).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record class LiveBatch(
    [property: Id(0)] IReadOnlyList<LiveEvent> Events,
    [property: Id(1)] bool CountersChanged,
    [property: Id(2)] DateTimeOffset AsOf);

/// <summary>A dashboard (or any client) that wants changes pushed to it.</summary>
public interface ILiveObserver : IGrainObserver
{
    Task OnChangesAsync(LiveBatch batch);
}

/// <summary>How long a live subscription lasts without renewal; observers renew well within it.</summary>
public static class LiveSubscription
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);
}
