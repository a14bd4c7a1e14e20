namespace GuoduActors;

/// <summary>The roles of the people (and programs) who act on tickets.</summary>
public enum ActorRole
{
    /// <summary>Sub-district leader: sees and may do everything.</summary>
    Leader,
    /// <summary>Staff of one or more stations (a level-1 station's staff also covers its level-2 stations).</summary>
    StationStaff,
    /// <summary>Lead of a volunteer team: acts on the jobs offered to that team.</summary>
    TeamLead,
    /// <summary>Planner: read-only analytics.</summary>
    Planner,
    /// <summary>A resident who proved their phone number: tracks, confirms and rates their own ticket.</summary>
    Resident,
    /// <summary>An Open311 client application authenticated by API key.</summary>
    Open311App,
    /// <summary>The system itself (deadline sweeps, weekly reports).</summary>
    System,
}

/// <summary>Who performs a command, with the scope the authentication layer established.</summary>
[GenerateSerializer, Immutable]
public sealed record class Actor(
    [property: Id(0)] string UserId,
    [property: Id(1)] ActorRole Role,
    [property: Id(2)] IReadOnlyList<string> StationScope,
    [property: Id(3)] string? TeamId,
    [property: Id(4)] string? ResidentPhone)
{
    public static readonly Actor System = new("system", ActorRole.System, [], null, null);

    public static Actor Leader(string userId) => new(userId, ActorRole.Leader, [], null, null);

    public static Actor Staff(string userId, params string[] stations) => new(userId, ActorRole.StationStaff, stations, null, null);

    public static Actor TeamLead(string userId, string teamId) => new(userId, ActorRole.TeamLead, [], teamId, null);

    public static Actor Resident(string phone) => new("resident", ActorRole.Resident, [], null, phone);

    /// <summary>Whether this actor may manage tickets owned by <paramref name="stationId"/>.</summary>
    public bool Manages(string stationId) =>
        Role is ActorRole.Leader or ActorRole.System || (Role == ActorRole.StationStaff && StationScope.Contains(stationId, StringComparer.Ordinal));

    /// <summary>Whether this actor may see the resident's contact data of a ticket owned by <paramref name="ownerStationId"/>.</summary>
    public bool MaySeeContact(string ownerStationId, string residentPhone) =>
        Manages(ownerStationId) || (Role == ActorRole.Resident && ResidentPhone is { } phone && TicketRules.SamePhone(phone, residentPhone));
}
