using Orleans.Concurrency;

namespace GuoduActors;

/// <summary>
/// The sub-district and its Small Affairs Office (街道“小事办”), keyed by sub-district id (e.g. <c>guodu</c>).
/// Holds the roster and the live counters of every station; answers the leaders' overview in one call.
/// </summary>
public interface ISubDistrictGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes the grains match a validated roster: stores it and configures every station and team grain.
    /// Idempotent: applying the same roster twice changes nothing; a station new to the file is created.
    /// </summary>
    Task ApplyRosterAsync(Roster roster);

    /// <summary>The roster last applied, or <c>null</c> before any roster was applied.</summary>
    Task<Roster?> GetRosterAsync();

    /// <summary>The roster with every station's live counters.</summary>
    Task<SubDistrictOverview> GetOverviewAsync();

    /// <summary>A station reports its latest counters (absolute values, so a repeated report is harmless).</summary>
    [OneWay]
    Task ReportCountersAsync(StationCounters counters);
}

/// <summary>
/// A doorstep service station, keyed by station id. Registers tickets and keeps the index and counters
/// of the tickets it owns.
/// </summary>
public interface IStationGrain : IGrainWithStringKey
{
    /// <summary>Sets the station's roster entry; writes only when something changed.</summary>
    Task ConfigureAsync(StationInfo station, string subDistrictId);

    /// <summary>The roster entry, or <c>null</c> when no roster names this station.</summary>
    Task<StationInfo?> GetInfoAsync();

    /// <summary>
    /// Registers a resident's small matter (登记). <paramref name="requestKey"/> makes it idempotent: the same
    /// key with the same content returns the ticket created the first time. Refuses with
    /// <see cref="RefusalKind.NotFound"/> for a station the roster does not name, <see cref="RefusalKind.Invalid"/>
    /// for an invalid request and <see cref="RefusalKind.Conflict"/> when the key was used for another request.
    /// </summary>
    Task<TicketSnapshot> RegisterTicketAsync(NewTicket ticket, string requestKey);

    /// <summary>The station's live counters.</summary>
    Task<StationCounters> GetCountersAsync();
}

/// <summary>One resident's small matter (群众小事), keyed by its human-readable id, e.g. <c>GD-20261128-0042</c>.</summary>
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the ticket. Idempotent for the same <paramref name="requestKey"/>: a retry returns the existing
    /// ticket. Refuses with <see cref="RefusalKind.Conflict"/> if the id already holds another request's ticket.
    /// </summary>
    Task<TicketSnapshot> CreateAsync(string stationId, NewTicket ticket, string requestKey, string actor);

    /// <summary>The ticket, or <c>null</c> when no ticket has this id.</summary>
    Task<TicketSnapshot?> GetAsync();
}

/// <summary>Hands out ticket sequence numbers for one calendar day (China Standard Time), keyed <c>yyyyMMdd</c>.</summary>
public interface ITicketNumberGrain : IGrainWithStringKey
{
    /// <summary>The next number of the day, unique across the cluster; numbers may skip after a crash, never repeat.</summary>
    Task<int> NextAsync();
}

/// <summary>
/// Remembers which ticket a client's request key produced, keyed <c>{stationId}/{requestKey}</c>, so that a
/// retried registration returns the same ticket.
/// </summary>
public interface ITicketIntakeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Returns the ticket id reserved for this key, reserving a fresh one on the first call.
    /// <paramref name="fingerprint"/> identifies the request's content; another content under the same key is refused.
    /// </summary>
    Task<string> ReserveTicketIdAsync(string fingerprint);
}

/// <summary>A volunteer team (志愿服务队), keyed by team id.</summary>
public interface IVolunteerTeamGrain : IGrainWithStringKey
{
    /// <summary>Sets the team's roster entry; writes only when something changed.</summary>
    Task ConfigureAsync(TeamInfo team);

    /// <summary>The roster entry, or <c>null</c> when no roster names this team.</summary>
    Task<TeamInfo?> GetInfoAsync();
}
