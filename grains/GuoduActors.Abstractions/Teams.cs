namespace GuoduActors;

/// <summary>A member of a volunteer team.</summary>
[GenerateSerializer, Immutable]
public sealed record class TeamMember(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Skills);

/// <summary>A recurring duty slot (China Standard Time), e.g. the morning patrol.</summary>
[GenerateSerializer, Immutable]
public sealed record class DutySlot(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly From,
    [property: Id(2)] TimeOnly To,
    [property: Id(3)] IReadOnlyList<string> MemberIds,
    [property: Id(4)] string? Activity);

public enum JobStatus
{
    Offered = 0,
    Active = 1,
    Completed = 2,
    Declined = 3,
    Released = 4,
}

/// <summary>One ticket's job at a team.</summary>
[GenerateSerializer, Immutable]
public sealed record class TeamJob(
    [property: Id(0)] string TicketId,
    [property: Id(1)] JobStatus Status,
    [property: Id(2)] string RoutingStationId,
    [property: Id(3)] string? CategoryCode,
    [property: Id(4)] DateTimeOffset OfferedAt,
    [property: Id(5)] DateTimeOffset? AcceptedAt,
    [property: Id(6)] DateTimeOffset? FinishedAt,
    [property: Id(7)] double Hours,
    [property: Id(8)] IReadOnlyList<string> MemberIds,
    [property: Id(9)] string? Note);

/// <summary>A team as the dashboard and the API show it.</summary>
[GenerateSerializer, Immutable]
public sealed record class TeamView(
    [property: Id(0)] TeamInfo Info,
    [property: Id(1)] IReadOnlyList<TeamMember> Members,
    [property: Id(2)] IReadOnlyList<DutySlot> Duty,
    [property: Id(3)] IReadOnlyList<TeamJob> Jobs,
    [property: Id(4)] int Offered,
    [property: Id(5)] int Active,
    [property: Id(6)] long Completed,
    [property: Id(7)] double HoursServed,
    [property: Id(8)] IReadOnlyDictionary<string, double> HoursByMember,
    [property: Id(9)] IReadOnlyDictionary<string, int> JobsByMember);

/// <summary>One entry of a level-2 station's standard service list (标准化服务清单).</summary>
[GenerateSerializer, Immutable]
public sealed record class ServiceItem(
    [property: Id(0)] string NameZh,
    [property: Id(1)] string NameEn,
    [property: Id(2)] string? CategoryCode,
    [property: Id(3)] string? Hours,
    [property: Id(4)] string? Contact);

/// <summary>A level-1 station's inspection of one of its level-2 stations (检查指导).</summary>
[GenerateSerializer, Immutable]
public sealed record class Inspection(
    [property: Id(0)] string InspectedStationId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string Findings,
    [property: Id(3)] int Score,
    [property: Id(4)] string Inspector,
    [property: Id(5)] DateTimeOffset RecordedAt);
