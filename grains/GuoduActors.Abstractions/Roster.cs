namespace GuoduActors;

/// <summary>The two levels of doorstep service station (一级站 / 二级站).</summary>
public enum StationLevel
{
    /// <summary>The sub-district's Small Affairs Office (街道“小事办”): the last stop of escalation.</summary>
    Office = 0,

    /// <summary>Level-1 station of a community or village (一级站): registers, classifies, routes.</summary>
    Community = 1,

    /// <summary>Level-2 station of a residential compound's property management (二级站): settles matters.</summary>
    Compound = 2,
}

/// <summary>A station as the roster describes it.</summary>
[GenerateSerializer, Immutable]
public sealed record class StationInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] StationLevel Level,
    [property: Id(4)] string ParentId,
    [property: Id(5)] bool IsPlaceholder);

/// <summary>A volunteer team (志愿服务队) as the roster describes it.</summary>
[GenerateSerializer, Immutable]
public sealed record class TeamInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string HomeStationId,
    [property: Id(4)] IReadOnlyList<string> Skills,
    [property: Id(5)] int Capacity,
    [property: Id(6)] bool IsPlaceholder)
{
    /// <summary>Value equality including the skills (a record compares the list by reference).</summary>
    public bool SameAs(TeamInfo? other) =>
        other is not null && this with { Skills = [] } == other with { Skills = [] } && Skills.SequenceEqual(other.Skills);
}

/// <summary>The sub-district and its Small Affairs Office (街道“小事办”).</summary>
[GenerateSerializer, Immutable]
public sealed record class SubDistrictInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string OfficeNameZh,
    [property: Id(4)] string OfficeNameEn);

/// <summary>The whole validated roster: what a sub-district edits, loaded into the grains at start.</summary>
[GenerateSerializer, Immutable]
public sealed record class Roster(
    [property: Id(0)] SubDistrictInfo SubDistrict,
    [property: Id(1)] IReadOnlyList<StationInfo> Stations,
    [property: Id(2)] IReadOnlyList<TeamInfo> Teams)
{
    /// <summary>Value equality over every entry (a record compares the lists by reference).</summary>
    public bool SameAs(Roster? other) =>
        other is not null
        && SubDistrict == other.SubDistrict
        && Stations.SequenceEqual(other.Stations)
        && Teams.Count == other.Teams.Count
        && Teams.Zip(other.Teams).All(pair => pair.First.SameAs(pair.Second));
}

/// <summary>Which sub-district this process serves; set by the host from the roster it loaded.</summary>
public sealed record class SiteContext(string SubDistrictId);
