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
    [property: Id(5)] string? Note);

/// <summary>A ticket as its grain reports it.</summary>
[GenerateSerializer, Immutable]
public sealed record class TicketSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string StationId,
    [property: Id(2)] string OwnerStationId,
    [property: Id(3)] TicketStatus Status,
    [property: Id(4)] string Description,
    [property: Id(5)] string? CategoryCode,
    [property: Id(6)] string? ResidentName,
    [property: Id(7)] string ResidentPhone,
    [property: Id(8)] string? Address,
    [property: Id(9)] DateTimeOffset RegisteredAt,
    [property: Id(10)] IReadOnlyList<TimelineEntry> Timeline);

/// <summary>Live counters a station keeps and reports upward.</summary>
[GenerateSerializer, Immutable]
public sealed record class StationCounters(
    [property: Id(0)] string StationId,
    [property: Id(1)] int Open,
    [property: Id(2)] long ReceivedTotal,
    [property: Id(3)] DateTimeOffset AsOf);

/// <summary>One station with its live counters, for overviews.</summary>
[GenerateSerializer, Immutable]
public sealed record class StationSummary(
    [property: Id(0)] StationInfo Station,
    [property: Id(1)] int Open,
    [property: Id(2)] long ReceivedTotal);

/// <summary>What the leaders' overview shows in one call.</summary>
[GenerateSerializer, Immutable]
public sealed record class SubDistrictOverview(
    [property: Id(0)] SubDistrictInfo SubDistrict,
    [property: Id(1)] IReadOnlyList<StationSummary> Stations,
    [property: Id(2)] IReadOnlyList<TeamInfo> Teams,
    [property: Id(3)] DateTimeOffset AsOf);
