using GuoduActors.Dashboard.Localization;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>How urgently a station needs a leader's attention; the order is the sort order (most urgent last).</summary>
public enum Severity
{
    Normal = 0,
    Warning = 1,
    Critical = 2,
}

/// <summary>
/// One station's load: its open tickets against the mean of the stations of its level (level-1 and level-2 stations
/// do different work, so each is compared with its peers), its overdue tickets, and the severity both give.
/// <see cref="Load"/> is open ÷ the mean open per station of the same level; <c>null</c> for the office, which has no peers.
/// </summary>
public sealed record StationLoadLine(
    string Id, string Name, bool IsPlaceholder, StationLevel Level, string ParentName, int Open, int Overdue, double? Load, Severity Severity)
{
    /// <summary>
    /// Overdue first, then the load: a late ticket is a broken promise to a resident, a high load only a risk. The load
    /// counts only from a few open tickets on: on a quiet day the mean is a fraction of a ticket and any ticket is "20×".
    /// </summary>
    public static Severity Classify(int open, int overdue, double? load) => (overdue, load) switch
    {
        ( >= 3, _) => Severity.Critical,
        (_, >= 3) when open >= 10 => Severity.Critical,
        ( >= 1, _) => Severity.Warning,
        (_, >= 2) when open >= 5 => Severity.Warning,
        _ => Severity.Normal,
    };

    /// <summary>Every station of the overview, the office first, then the roster's order.</summary>
    public static IReadOnlyList<StationLoadLine> From(SubDistrictOverview overview) =>
        From(overview.Office is { } office ? overview.Stations.Prepend(office).ToList() : overview.Stations);

    /// <summary>
    /// The lines of <paramref name="stations"/>, each station's load against the mean of its level among them: pass the
    /// whole sub-district even when only some lines are shown, so a station's load means the same on every page.
    /// </summary>
    public static IReadOnlyList<StationLoadLine> From(IReadOnlyList<StationSummary> stations)
    {
        var names = stations.ToDictionary(s => s.Station.Id, s => NameOf(s.Station), StringComparer.Ordinal);
        var meanByLevel = stations.Where(s => s.Station.Level != StationLevel.Office)
            .GroupBy(s => s.Station.Level).ToDictionary(g => g.Key, g => g.Average(s => (double)s.Open));
        return stations.Select(s =>
        {
            // The office has no peers to compare with; a level with nothing open loads nobody.
            double? load = s.Station.Level == StationLevel.Office ? null
                : meanByLevel[s.Station.Level] is > 0 and var mean ? s.Open / mean : 0;
            return new StationLoadLine(s.Station.Id, NameOf(s.Station), s.Station.IsPlaceholder, s.Station.Level,
                names.GetValueOrDefault(s.Station.ParentId, ""), s.Open, s.Overdue, load, Classify(s.Open, s.Overdue, load));
        }).ToList();
    }

    private static string NameOf(StationInfo station) => DashboardCultures.Pick(station.NameZh, station.NameEn);
}
