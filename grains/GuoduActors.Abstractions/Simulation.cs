namespace GuoduActors;

/// <summary>Where the simulated history (模拟历史数据) of a sub-district stands.</summary>
public enum SimulationPhase
{
    /// <summary>Nothing simulated: every ticket is real.</summary>
    None = 0,

    /// <summary>A simulated history is being written (or a start was interrupted and the next start resumes it).</summary>
    Seeding = 1,

    /// <summary>A simulated history was written completely; it is never seeded again.</summary>
    Seeded = 2,
}

/// <summary>
/// What a simulated history covers: every input of the deterministic generator besides the roster and the SLA data,
/// so that the same plan always produces the same tickets (a resumed seeding writes exactly what the first try began).
/// </summary>
/// <param name="Seed">The random seed.</param>
/// <param name="FirstDay">The first simulated day, China Standard Time.</param>
/// <param name="Until">The instant the simulated history ends (exclusive): 00:00 China Standard Time of the day it was
/// seeded. Everything before is simulated, everything after is real.</param>
/// <param name="DailyTicketsPerStation">The average number of matters a station registers per day.</param>
[GenerateSerializer, Immutable]
public sealed record class SimulationPlan(
    [property: Id(0)] int Seed,
    [property: Id(1)] DateOnly FirstDay,
    [property: Id(2)] DateTimeOffset Until,
    [property: Id(3)] double DailyTicketsPerStation)
{
    /// <summary>The last simulated day, China Standard Time.</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Until, TicketIds.ChinaStandardTime).DateTime).AddDays(-1);

    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;
}

/// <summary>
/// Whether the sub-district's data is simulated, for the UI to label it: <see cref="IsSimulated"/> and
/// <see cref="SimulatedUntil"/> are what a reader needs; the rest says what was written.
/// </summary>
/// <param name="Phase">Where the seeding stands.</param>
/// <param name="Plan">What was (or is being) simulated; <c>null</c> when nothing is.</param>
/// <param name="StartedAt">When the seeding began.</param>
/// <param name="CompletedAt">When it finished; <c>null</c> while it runs.</param>
/// <param name="HistoricTickets">Finished simulated tickets written to the projection only (ids <c>SIM-yyyyMMdd-NNNN</c>).</param>
/// <param name="LiveTickets">Simulated tickets still open at the end, imported into live ticket grains (ids <c>GD-…</c>).</param>
[GenerateSerializer, Immutable]
public sealed record class SimulationStatus(
    [property: Id(0)] SimulationPhase Phase,
    [property: Id(1)] SimulationPlan? Plan,
    [property: Id(2)] DateTimeOffset? StartedAt,
    [property: Id(3)] DateTimeOffset? CompletedAt,
    [property: Id(4)] int HistoricTickets,
    [property: Id(5)] int LiveTickets)
{
    public static readonly SimulationStatus None = new(SimulationPhase.None, null, null, null, 0, 0);

    /// <summary>Whether any of the data is simulated (also while seeding: part of it already is).</summary>
    public bool IsSimulated => Phase != SimulationPhase.None;

    /// <summary>The instant up to which the history is simulated; later tickets are real.</summary>
    public DateTimeOffset? SimulatedUntil => Plan?.Until;
}
