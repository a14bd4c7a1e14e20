using System.Globalization;
using System.Text.RegularExpressions;

namespace GuoduActors.Grains.Simulation;

/// <summary>A resolution that a reopening undid: it still counted that day at its station, as a live one does.</summary>
public sealed record Resolution(string OwnerId, DateTimeOffset At);

/// <summary>
/// One simulated ticket: its projection row, and for a ticket still open at the end of the history the full ticket
/// (with timeline) to import into a live grain.
/// </summary>
/// <param name="Row">The projection row: what lists, reports and the archived view show.</param>
/// <param name="Live">The ticket to import into a live grain, or <c>null</c> for a finished (historic) ticket.</param>
/// <param name="EarlierResolution">The resolution a reopening undid, if the resident reopened the matter.</param>
public sealed record SimulatedTicket(TicketRow Row, TicketSnapshot? Live, Resolution? EarlierResolution)
{
    public bool IsLive => Live is not null;
}

/// <summary>What <see cref="HistoryGenerator.Generate"/> produced: every ticket, and the daily counts they make.</summary>
public sealed class SimulatedHistory(SimulationPlan plan, IReadOnlyList<SimulatedTicket> tickets, IReadOnlyDictionary<string, IReadOnlyList<DailyCount>> dailyCounts)
{
    public SimulationPlan Plan { get; } = plan;

    /// <summary>Every ticket, in order of registration.</summary>
    public IReadOnlyList<SimulatedTicket> Tickets { get; } = tickets;

    /// <summary>Finished tickets (closed, resolved or cancelled before the end): projection rows with <c>SIM-</c> ids.</summary>
    public IEnumerable<TicketRow> HistoricRows => Tickets.Where(t => !t.IsLive).Select(t => t.Row);

    /// <summary>Tickets open at the end: live tickets with <c>GD-</c> ids and timelines, to import into grains.</summary>
    public IEnumerable<TicketSnapshot> LiveTickets => Tickets.Where(t => t.IsLive).Select(t => t.Live!);

    /// <summary>
    /// Received and resolved per station, category and day, oldest first, counted as stations count live tickets:
    /// received at the station of registration on the day of registration, resolved at the owner on the day of each
    /// resolution (a reopened and resolved-again ticket counts twice). Stations without any count are absent.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DailyCount>> DailyCounts { get; } = dailyCounts;
}

/// <summary>
/// Ids of simulated historic tickets, <c>SIM-yyyyMMdd-NNNN</c>: they never name a ticket grain, so nothing mistakes a
/// simulated record for a real matter, and the API answers them from the projection (an archived, read-only view).
/// </summary>
public static partial class SimulatedTickets
{
    public const string Prefix = "SIM";

    /// <summary>Who did the simulated steps of a timeline.</summary>
    public const string Actor = "simulation";

    public static string Format(string dayKey, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{dayKey}-{number:D4}");

    public static bool IsSimulatedId(string id) => IdPattern().IsMatch(id);

    /// <summary>The registration day (China Standard Time) a simulated id carries, if it is one.</summary>
    public static DateOnly? DayOf(string id) =>
        IsSimulatedId(id) && DateOnly.TryParseExact(id.AsSpan(4, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>
    /// A historic row as a read-only ticket: the timeline is rebuilt from the instants the row keeps (registration,
    /// first response, resolution, closing or cancellation); escalations are counted, not dated. Contact data is a
    /// placeholder: simulated residents have none.
    /// </summary>
    public static TicketSnapshot Archived(TicketRow row)
    {
        var timeline = new List<TimelineEntry> { new(row.RegisteredAt, Actor, "register", null, TicketStatus.Registered, null, row.StationId) };
        var status = TicketStatus.Registered;
        void Add(DateTimeOffset at, string action, TicketStatus to, string? note = null)
        {
            timeline.Add(new TimelineEntry(at, Actor, action, status, to, note, row.OwnerId));
            status = to;
        }
        if (row.FirstRespondedAt is { } responded && responded != row.ResolvedAt)
            Add(responded, "start", TicketStatus.InProgress);
        if (row.ResolvedAt is { } resolved)
            Add(resolved, "resolve", TicketStatus.Resolved);
        if (row.ClosedAt is { } closed)
            Add(closed, $"close:rating {row.Rating}", TicketStatus.Closed);
        if (row.Status == TicketStatus.Cancelled)
            Add(row.UpdatedAt, "cancel", TicketStatus.Cancelled);
        return new TicketSnapshot
        {
            Id = row.TicketId, StationId = row.StationId, OwnerStationId = row.OwnerId, Status = row.Status, Description = row.Description,
            CategoryCode = row.CategoryCode, ResidentName = HistoryGenerator.ResidentName, ResidentPhone = "000-0000-0000",
            RegisteredAt = row.RegisteredAt, Timeline = timeline, PriorityClass = row.PriorityClass, TeamId = row.TeamId,
            FirstRespondedAt = row.FirstRespondedAt, ResolvedAt = row.ResolvedAt, ClosedAt = row.ClosedAt, Rating = row.Rating,
            EscalationCount = row.EscalationCount, DeadlineVersion = row.DeadlineVersion, UpdatedAt = row.UpdatedAt,
            FirstResponseLate = row.FirstResponseLate, ResolutionLate = row.ResolutionLate,
            CancelReason = row.Status == TicketStatus.Cancelled ? HistoryGenerator.CancelReason : null,
        };
    }

    [GeneratedRegex(@"^SIM-\d{8}-\d{4,9}$")]
    private static partial Regex IdPattern();
}
