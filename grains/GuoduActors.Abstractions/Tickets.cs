namespace GuoduActors;

/// <summary>Where a ticket (群众小事) stands in its lifecycle.</summary>
public enum TicketStatus
{
    Registered = 0,
    Classified = 1,
    Assigned = 2,
    InProgress = 3,
    WaitingOnResident = 4,
    Resolved = 5,
    Closed = 6,
    Reopened = 7,
    Cancelled = 8,
}

/// <summary>The two SLA clocks every ticket runs, tracked and escalated separately.</summary>
public enum SlaClock
{
    FirstResponse = 0,
    Resolution = 1,
}

/// <summary>What a resident or a station desk submits to register a small matter.</summary>
[GenerateSerializer, Immutable]
public sealed record class NewTicket(
    [property: Id(0)] string Description,
    [property: Id(1)] string? CategoryCode,
    [property: Id(2)] string? ResidentName,
    [property: Id(3)] string ResidentPhone,
    [property: Id(4)] string? Address);

/// <summary>One line of a ticket's timeline: who did what, when, and how the status moved.</summary>
[GenerateSerializer, Immutable]
public sealed record class TimelineEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] TicketStatus? FromStatus,
    [property: Id(4)] TicketStatus ToStatus,
    [property: Id(5)] string? Note,
    [property: Id(6)] string? OwnerId = null);

/// <summary>A ticket as its grain reports it.</summary>
[GenerateSerializer, Immutable]
public sealed record class TicketSnapshot
{
    [Id(0)] public required string Id { get; init; }
    /// <summary>The station where the matter was registered.</summary>
    [Id(1)] public required string StationId { get; init; }
    /// <summary>The station (or the Small Affairs Office) that owns the ticket now.</summary>
    [Id(2)] public required string OwnerStationId { get; init; }
    [Id(3)] public required TicketStatus Status { get; init; }
    [Id(4)] public required string Description { get; init; }
    [Id(5)] public string? CategoryCode { get; init; }
    [Id(6)] public string? ResidentName { get; init; }
    [Id(7)] public required string ResidentPhone { get; init; }
    [Id(8)] public string? Address { get; init; }
    [Id(9)] public required DateTimeOffset RegisteredAt { get; init; }
    [Id(10)] public required IReadOnlyList<TimelineEntry> Timeline { get; init; }
    [Id(11)] public string PriorityClass { get; init; } = "";
    [Id(12)] public string? TeamId { get; init; }
    [Id(13)] public DateTimeOffset? FirstResponseDue { get; init; }
    [Id(14)] public DateTimeOffset? ResolutionDue { get; init; }
    [Id(15)] public DateTimeOffset? FirstRespondedAt { get; init; }
    [Id(16)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(17)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(18)] public int? Rating { get; init; }
    [Id(19)] public string? RatingComment { get; init; }
    /// <summary>How many levels the ticket has been escalated (0 at its first owner).</summary>
    [Id(20)] public int EscalationCount { get; init; }
    /// <summary>Changes whenever the deadlines change; an escalation names the version it was scheduled for.</summary>
    [Id(21)] public int DeadlineVersion { get; init; }
    [Id(22)] public string? CancelReason { get; init; }
    [Id(23)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(24)] public bool FirstResponseLate { get; init; }
    [Id(25)] public bool ResolutionLate { get; init; }

    public bool IsOpen => Status is not (TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Cancelled);
}

/// <summary>
/// The projection row of a ticket: what lists, searches, counters and the deadline index need, without
/// activating the ticket's grain. Kept by the owning station.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record class TicketRow
{
    [Id(0)] public required string TicketId { get; init; }
    [Id(1)] public required string OwnerId { get; init; }
    [Id(2)] public required string StationId { get; init; }
    [Id(3)] public required TicketStatus Status { get; init; }
    [Id(4)] public string? CategoryCode { get; init; }
    [Id(5)] public string PriorityClass { get; init; } = "";
    [Id(6)] public required DateTimeOffset RegisteredAt { get; init; }
    [Id(7)] public DateTimeOffset? FirstResponseDue { get; init; }
    [Id(8)] public DateTimeOffset? ResolutionDue { get; init; }
    [Id(9)] public int DeadlineVersion { get; init; }
    [Id(10)] public string? TeamId { get; init; }
    [Id(11)] public required string Description { get; init; }
    [Id(12)] public int EscalationCount { get; init; }
    [Id(13)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(14)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(15)] public int? Rating { get; init; }
    [Id(16)] public DateTimeOffset? FirstRespondedAt { get; init; }
    [Id(17)] public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>The first response came after its deadline (or the deadline was escalated unmet).</summary>
    [Id(18)] public bool FirstResponseLate { get; init; }
    /// <summary>The resolution came after its deadline (or the deadline was escalated unmet).</summary>
    [Id(19)] public bool ResolutionLate { get; init; }
    /// <summary>The latest timeline action, e.g. <c>classify:gas-appliance</c> or <c>escalate:fenglin</c>.</summary>
    [Id(20)] public string LastAction { get; init; } = "";

    public bool IsOpen => Status is not (TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Cancelled);

    /// <summary>The earliest unmet deadline, if any (a paused ticket has none).</summary>
    public DateTimeOffset? NextDue => (FirstResponseDue, ResolutionDue) switch
    {
        ({ } a, { } b) => a < b ? a : b,
        ({ } a, null) => a,
        (null, { } b) => b,
        _ => null,
    };

    public bool IsOverdue(DateTimeOffset now) => IsOpen && NextDue is { } due && due <= now;

    public static TicketRow From(TicketSnapshot t) => new()
    {
        TicketId = t.Id, OwnerId = t.OwnerStationId, StationId = t.StationId, Status = t.Status, CategoryCode = t.CategoryCode,
        PriorityClass = t.PriorityClass, RegisteredAt = t.RegisteredAt, FirstResponseDue = t.FirstResponseDue, ResolutionDue = t.ResolutionDue,
        DeadlineVersion = t.DeadlineVersion, TeamId = t.TeamId, Description = t.Description, EscalationCount = t.EscalationCount,
        UpdatedAt = t.UpdatedAt, ResolvedAt = t.ResolvedAt, Rating = t.Rating, FirstRespondedAt = t.FirstRespondedAt,
        ClosedAt = t.ClosedAt, FirstResponseLate = t.FirstResponseLate, ResolutionLate = t.ResolutionLate,
        LastAction = t.Timeline.Count > 0 ? t.Timeline[^1].Action : "",
    };
}

/// <summary>What a ticket change means for the stations' daily counts.</summary>
public enum TicketCountEffect
{
    None = 0,
    Received = 1,
    Resolved = 2,
    Reopened = 3,
}

/// <summary>Live counters a station keeps and reports upward.</summary>
[GenerateSerializer, Immutable]
public sealed record class StationCounters(
    [property: Id(0)] string StationId,
    [property: Id(1)] int Open,
    [property: Id(2)] long ReceivedTotal,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] int Overdue = 0,
    [property: Id(5)] long EscalatedTotal = 0,
    [property: Id(6)] long ResolvedTotal = 0,
    [property: Id(7)] IReadOnlyDictionary<string, int>? OpenByCategory = null);

/// <summary>One station with its live counters, for overviews.</summary>
[GenerateSerializer, Immutable]
public sealed record class StationSummary(
    [property: Id(0)] StationInfo Station,
    [property: Id(1)] int Open,
    [property: Id(2)] long ReceivedTotal,
    [property: Id(3)] int Overdue = 0,
    [property: Id(4)] long EscalatedTotal = 0);

/// <summary>What the leaders' overview shows in one call.</summary>
[GenerateSerializer, Immutable]
public sealed record class SubDistrictOverview(
    [property: Id(0)] SubDistrictInfo SubDistrict,
    [property: Id(1)] IReadOnlyList<StationSummary> Stations,
    [property: Id(2)] IReadOnlyList<TeamInfo> Teams,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] StationSummary? Office = null,
    [property: Id(5)] SimulationStatus? Simulation = null);

/// <summary>Received and resolved tickets of one category on one day (China Standard Time) at one station.</summary>
[GenerateSerializer, Immutable]
public sealed record class DailyCount(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] string CategoryCode,
    [property: Id(2)] int Received,
    [property: Id(3)] int Resolved);

/// <summary>What one deadline sweep did.</summary>
[GenerateSerializer, Immutable]
public sealed record class SweepResult(
    [property: Id(0)] int Checked,
    [property: Id(1)] int Escalated,
    [property: Id(2)] int Stale,
    [property: Id(3)] TimeSpan Elapsed);
