using System.Globalization;
using GuoduActors.Dashboard.Localization;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>One station's line: its name in the reader's language and its live counters.</summary>
public sealed record StationLine(string Id, string Name, bool IsPlaceholder, int Open, long ReceivedTotal)
{
    public static StationLine From(StationSummary summary) =>
        new(summary.Station.Id, DashboardCultures.Pick(summary.Station.NameZh, summary.Station.NameEn),
            summary.Station.IsPlaceholder, summary.Open, summary.ReceivedTotal);
}

/// <summary>A community (level-1) station with the compound (level-2) stations attached to it.</summary>
public sealed class CommunityLine(StationLine station, IReadOnlyList<StationLine> compounds)
{
    public StationLine Station { get; } = station;
    public IReadOnlyList<StationLine> Compounds { get; } = compounds;

    // Flat properties so the grid can key and sort by them.
    public string Id => Station.Id;
    public string Name => Station.Name;
    public int Open => Station.Open;
    public long ReceivedTotal => Station.ReceivedTotal;
    public int CompoundCount => Compounds.Count;

    /// <summary>Open matters of the community and its compounds: where work is waiting, without expanding.</summary>
    public int OpenWithCompounds => Station.Open + Compounds.Sum(c => c.Open);
}

/// <summary>A volunteer team as the overview shows it; skills stay codes until the markup names them.</summary>
public sealed record TeamLine(string Id, string Name, string HomeStationName, IReadOnlyList<string> Skills, int Capacity, bool IsPlaceholder);

/// <summary>The sub-district's totals; open and overdue include the tickets escalated to the Small Affairs Office.</summary>
public sealed record OverviewTotals(int CommunityStations, int CompoundStations, int Open, int Overdue, long ReceivedTotal);

/// <summary>What the overview page shows, built from one <see cref="SubDistrictOverview"/> in the reader's language.</summary>
public sealed record OverviewModel(
    string SubDistrictName,
    string OfficeName,
    IReadOnlyList<CommunityLine> Communities,
    IReadOnlyList<TeamLine> Teams,
    OverviewTotals Totals,
    DateTimeOffset AsOf)
{
    /// <summary>Every station with its load and severity, the office included.</summary>
    public IReadOnlyList<StationLoadLine> Load { get; init; } = [];

    /// <summary>Names of the stations, the office and the teams by id, in the reader's language.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();
    /// <summary>Whether the data is simulated (a first-run demo history), so the page can say so.</summary>
    public SimulationStatus? Simulation { get; init; }

    /// <summary>The time of the data, <c>HH:mm:ss</c> in China Standard Time, the sub-district's clock.</summary>
    public string AsOfChinaTime => FormatChinaTime(AsOf);

    public static string FormatChinaTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TicketIds.ChinaStandardTime).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static OverviewModel From(SubDistrictOverview overview)
    {
        // Roster order is the sub-district's own order of its communities and compounds; keep it.
        var compoundsByParent = overview.Stations
            .Where(s => s.Station.Level == StationLevel.Compound)
            .ToLookup(s => s.Station.ParentId, StringComparer.Ordinal);
        var communities = overview.Stations
            .Where(s => s.Station.Level == StationLevel.Community)
            .Select(s => new CommunityLine(StationLine.From(s), compoundsByParent[s.Station.Id].Select(StationLine.From).ToList()))
            .ToList();

        var stationNames = overview.Stations.ToDictionary(
            s => s.Station.Id, s => DashboardCultures.Pick(s.Station.NameZh, s.Station.NameEn), StringComparer.Ordinal);
        var teams = overview.Teams
            .Select(t => new TeamLine(t.Id, DashboardCultures.Pick(t.NameZh, t.NameEn),
                stationNames.GetValueOrDefault(t.HomeStationId, t.HomeStationId), t.Skills, t.Capacity, t.IsPlaceholder))
            .ToList();

        // Totals count every station by its level, so they stay true even for a station the hierarchy cannot place.
        var withOffice = overview.Office is { } office ? overview.Stations.Append(office).ToList() : overview.Stations;
        var totals = new OverviewTotals(
            overview.Stations.Count(s => s.Station.Level == StationLevel.Community),
            overview.Stations.Count(s => s.Station.Level == StationLevel.Compound),
            withOffice.Sum(s => s.Open),
            withOffice.Sum(s => s.Overdue),
            overview.Stations.Sum(s => s.ReceivedTotal));

        var officeName = DashboardCultures.Pick(overview.SubDistrict.OfficeNameZh, overview.SubDistrict.OfficeNameEn);
        var names = new Dictionary<string, string>(stationNames, StringComparer.Ordinal) { [overview.SubDistrict.Id] = officeName };
        foreach (var team in teams)
            names.TryAdd(team.Id, team.Name);

        return new OverviewModel(
            DashboardCultures.Pick(overview.SubDistrict.NameZh, overview.SubDistrict.NameEn),
            officeName, communities, teams, totals, overview.AsOf)
        {
            Load = StationLoadLine.From(overview),
            Names = names,
            Simulation = overview.Simulation,
        };
    }
}
