using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services.Analytics;

namespace GuoduActors.Dashboard.Components.Reports;

/// <summary>What a line of the weekly report table stands for.</summary>
public enum ReportLineRole
{
    /// <summary>The Small Affairs Office's aggregate: the whole sub-district.</summary>
    SubDistrictTotal = 0,

    /// <summary>A level-1 station's aggregate: its own figures and its level-2 stations'.</summary>
    CommunityTotal = 1,

    /// <summary>The own figures of a station that also has an aggregate (the office, a level-1 station).</summary>
    OwnFigures = 2,

    /// <summary>A level-2 station's report (always its own figures).</summary>
    Compound = 3,

    /// <summary>A level-1 station's own report shown without its aggregate.</summary>
    Station = 4,
}

/// <summary>One line of the weekly report table: a report with the station's name and its place in the hierarchy.</summary>
public sealed record ReportLine(string StationId, string Name, bool IsPlaceholder, ReportLineRole Role, int Depth, WeeklyReport Report)
{
    /// <summary>A key unique within the week: a station has an aggregate and an own report.</summary>
    public string Key => $"{StationId}/{Report.Kind}";

    /// <summary>The lines shown beneath this one when it is expanded.</summary>
    public IReadOnlyList<ReportLine> Children { get; init; } = [];

    public bool IsTotal => Role is ReportLineRole.SubDistrictTotal or ReportLineRole.CommunityTotal;

    /// <summary>The share of the response rate's denominator met on time, as counts: "on time / due".</summary>
    public RateParts ResponseParts => RateParts.Response(Report);

    public RateParts ResolutionParts => RateParts.Resolution(Report);

    public RateParts SatisfactionParts => RateParts.Satisfaction(Report);
}

/// <summary>
/// The week's reports as the table shows them: the sub-district total first, with the office's own figures beneath it;
/// then each level-1 station's aggregate, with its own figures and its level-2 stations beneath it (roster order).
/// Station staff see their stations only, as the API scopes them; a report whose parent line they may not see stands
/// on its own at the top.
/// </summary>
public sealed class ReportsModel
{
    private ReportsModel(IReadOnlyList<ReportLine> top, ReportLine? headline, DateTimeOffset? generatedAt)
    {
        Top = top;
        Headline = headline;
        GeneratedAt = generatedAt;
    }

    /// <summary>The top-level lines, each with its children.</summary>
    public IReadOnlyList<ReportLine> Top { get; }

    /// <summary>The widest total the reader may see: the sub-district's, or their level-1 station's.</summary>
    public ReportLine? Headline { get; }

    /// <summary>When the week was compiled (the latest of its reports).</summary>
    public DateTimeOffset? GeneratedAt { get; }

    public bool IsEmpty => Top.Count == 0;

    /// <summary>Every line, depth first, as a fully expanded table shows them.</summary>
    public IEnumerable<ReportLine> AllLines => Top.SelectMany(t => t.Children.Prepend(t));

    public static ReportsModel Build(IReadOnlyList<WeeklyReport> reports, Roster roster, Actor viewer)
    {
        var stations = roster.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var visible = reports.Where(r => AnalyticsAccess.MaySeeReport(viewer, r.StationId)).ToList();
        var officeId = roster.SubDistrict.Id;
        var placed = new HashSet<WeeklyReport>(ReferenceEqualityComparer.Instance);

        ReportLine Line(WeeklyReport report, ReportLineRole role, int depth)
        {
            placed.Add(report);
            if (report.StationId == officeId)
            {
                var name = role == ReportLineRole.SubDistrictTotal
                    ? DashboardCultures.Pick(roster.SubDistrict.NameZh, roster.SubDistrict.NameEn)
                    : DashboardCultures.Pick(roster.SubDistrict.OfficeNameZh, roster.SubDistrict.OfficeNameEn);
                return new ReportLine(report.StationId, name, false, role, depth, report);
            }
            var station = stations.GetValueOrDefault(report.StationId);
            return new ReportLine(report.StationId, station is null ? report.StationId : DashboardCultures.Pick(station.NameZh, station.NameEn),
                station?.IsPlaceholder ?? false, role, depth, report);
        }

        WeeklyReport? Find(string stationId, WeeklyReportKind kind) =>
            visible.FirstOrDefault(r => r.StationId == stationId && r.Kind == kind);

        var top = new List<ReportLine>();
        if (Find(officeId, WeeklyReportKind.Aggregate) is { } total)
        {
            var own = Find(officeId, WeeklyReportKind.Own);
            top.Add(Line(total, ReportLineRole.SubDistrictTotal, 0) with
            {
                Children = own is null ? [] : [Line(own, ReportLineRole.OwnFigures, 1)],
            });
        }
        foreach (var community in roster.Stations.Where(s => s.Level == StationLevel.Community))
        {
            if (Find(community.Id, WeeklyReportKind.Aggregate) is not { } aggregate)
                continue;
            var children = new List<ReportLine>();
            if (Find(community.Id, WeeklyReportKind.Own) is { } own)
                children.Add(Line(own, ReportLineRole.OwnFigures, 1));
            foreach (var compound in roster.Stations.Where(s => s.ParentId == community.Id))
            {
                if (Find(compound.Id, WeeklyReportKind.Own) is { } report)
                    children.Add(Line(report, ReportLineRole.Compound, 1));
            }
            top.Add(Line(aggregate, ReportLineRole.CommunityTotal, 0) with { Children = children });
        }
        // Whatever the hierarchy did not place: a level-2 station whose staff do not see its parent, or a station the
        // roster no longer names. Shown rather than dropped: the reader is entitled to it.
        foreach (var report in visible.Where(r => !placed.Contains(r)).ToList())
        {
            var level = stations.GetValueOrDefault(report.StationId)?.Level ?? report.Level;
            top.Add(Line(report, level == StationLevel.Compound ? ReportLineRole.Compound : ReportLineRole.Station, 0));
        }

        var headline = top.FirstOrDefault(t => t.Role == ReportLineRole.SubDistrictTotal)
            ?? (top.Count(t => t.IsTotal) == 1 ? top.Single(t => t.IsTotal) : null)
            ?? (top.Count == 1 ? top[0] : null);
        return new ReportsModel(top, headline, visible.Count > 0 ? visible.Max(r => r.GeneratedAt) : null);
    }
}
