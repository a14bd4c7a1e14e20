using GuoduActors.Grains;

namespace GuoduActors.Tests.WeeklyReports;

/// <summary>
/// Hand-made projection rows that change the way <c>TicketGrain</c> changes them: responding or resolving after a
/// deadline marks it late, an escalation moves the owner, marks the missed clock late and sets a new deadline.
/// </summary>
internal static class TicketRows
{
    public static readonly TimeSpan ResponseTime = TimeSpan.FromHours(2);
    public static readonly TimeSpan ResolutionTime = TimeSpan.FromDays(7);

    public static TicketRow Registered(string ticketId, string stationId, DateTimeOffset at) => new()
    {
        TicketId = ticketId,
        OwnerId = stationId,
        StationId = stationId,
        Status = TicketStatus.Registered,
        Description = "A smart parcel locker with no keyhole",
        RegisteredAt = at,
        UpdatedAt = at,
        FirstResponseDue = at + ResponseTime,
        ResolutionDue = at + ResolutionTime,
        DeadlineVersion = 1,
    };

    public static TicketRow AssignedTo(this TicketRow row, string stationId) => row with { OwnerId = stationId, Status = TicketStatus.Assigned };

    public static TicketRow Responded(this TicketRow row, DateTimeOffset at) => row with
    {
        Status = TicketStatus.InProgress,
        FirstRespondedAt = at,
        FirstResponseLate = row.FirstResponseLate || row.FirstResponseDue < at,
        FirstResponseDue = null,
        UpdatedAt = at,
        DeadlineVersion = row.DeadlineVersion + 1,
    };

    public static TicketRow Resolved(this TicketRow row, DateTimeOffset at)
    {
        var responded = row.FirstRespondedAt is null ? row.Responded(at) : row;
        return responded with
        {
            Status = TicketStatus.Resolved,
            ResolvedAt = at,
            ResolutionLate = row.ResolutionLate || row.ResolutionDue < at,
            ResolutionDue = null,
            UpdatedAt = at,
            DeadlineVersion = responded.DeadlineVersion + 1,
        };
    }

    public static TicketRow Closed(this TicketRow row, DateTimeOffset at, int rating) => row with
    {
        Status = TicketStatus.Closed,
        ClosedAt = at,
        Rating = rating,
        UpdatedAt = at,
    };

    public static TicketRow Cancelled(this TicketRow row, DateTimeOffset at) => row with
    {
        Status = TicketStatus.Cancelled,
        FirstResponseDue = null,
        ResolutionDue = null,
        UpdatedAt = at,
        DeadlineVersion = row.DeadlineVersion + 1,
    };

    /// <summary>The station's sweep escalates <paramref name="clock"/>'s missed deadline to <paramref name="toStationId"/> at <paramref name="at"/>.</summary>
    public static TicketRow Escalated(this TicketRow row, SlaClock clock, string toStationId, DateTimeOffset at) => row with
    {
        OwnerId = toStationId,
        EscalationCount = row.EscalationCount + 1,
        FirstResponseLate = row.FirstResponseLate || clock == SlaClock.FirstResponse,
        ResolutionLate = row.ResolutionLate || clock == SlaClock.Resolution,
        FirstResponseDue = clock == SlaClock.FirstResponse ? at + ResponseTime : row.FirstResponseDue,
        ResolutionDue = clock == SlaClock.Resolution ? at + ResolutionTime : row.ResolutionDue,
        UpdatedAt = at,
        DeadlineVersion = row.DeadlineVersion + 1,
    };
}
