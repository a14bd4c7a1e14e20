using System.Collections.Concurrent;

namespace GuoduActors.Dashboard.Services;

/// <summary>Where the station page's data comes from; the page depends on this, not on Orleans, so it can be tested alone.</summary>
public interface IStationSource
{
    /// <summary>
    /// The station with its counters, children, weekly reports and service list, or <c>null</c> when the roster names no
    /// such station. The queue and the inspections are read only when <paramref name="includeTickets"/> (a signed-in reader).
    /// </summary>
    Task<StationDetail?> GetAsync(string stationId, bool includeTickets, CancellationToken cancellationToken = default);
}

/// <summary>
/// One station as its page shows it. <see cref="Queue"/>: the open tickets it owns, soonest deadline first, and
/// <see cref="Inspections"/>: those it recorded (level 1) or received (level 2), newest first — both <c>null</c> when not
/// read. <see cref="WeeklyReports"/>: its reports of the last completed weeks, newest first (weeks without a report are
/// left out). <see cref="AllStations"/>: every station with its counters, the office included, which loads compare
/// with; <see cref="Stations"/>: every station by id, to name the ones the data refers to.
/// </summary>
public sealed record StationDetail(
    StationInfo Station,
    StationInfo? Parent,
    StationCounters Counters,
    IReadOnlyList<StationSummary> Children,
    IReadOnlyList<StationSummary> AllStations,
    IReadOnlyList<TicketRow>? Queue,
    IReadOnlyList<Inspection>? Inspections,
    IReadOnlyList<WeeklyReport> WeeklyReports,
    IReadOnlyList<ServiceItem> ServiceList,
    IReadOnlyDictionary<string, StationInfo> Stations,
    IReadOnlyList<TeamInfo> Teams,
    DateTimeOffset AsOf);

/// <summary>Reads a station from its grain and the roster from the sub-district grain.</summary>
public sealed class OrleansStationSource(IGrainFactory grains, SiteContext site, TimeProvider time) : IStationSource
{
    public const int QueueShown = 200;
    public const int WeeksShown = 6;
    private static readonly TimeSpan MissingReportRetry = TimeSpan.FromMinutes(1);

    // A compiled week is stored once and never changes, so it is read once per process.
    private readonly ConcurrentDictionary<string, (WeeklyReport? Report, DateTimeOffset FetchedAt)> _reports = new(StringComparer.Ordinal);

    public async Task<StationDetail?> GetAsync(string stationId, bool includeTickets, CancellationToken cancellationToken = default)
    {
        var overview = await grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetOverviewAsync();
        var summaries = overview.Office is { } office ? overview.Stations.Prepend(office).ToList() : overview.Stations;
        var all = summaries.Select(s => s.Station).ToDictionary(s => s.Id, StringComparer.Ordinal);
        if (!all.TryGetValue(stationId, out var info))
            return null;

        var grain = grains.GetGrain<IStationGrain>(stationId);
        var counters = grain.GetCountersAsync();
        var queue = includeTickets ? grain.GetQueueAsync(QueueShown) : Task.FromResult<IReadOnlyList<TicketRow>>(null!);
        var inspections = includeTickets ? grain.GetInspectionsAsync() : Task.FromResult<IReadOnlyList<Inspection>>(null!);
        var services = info.Level == StationLevel.Compound ? grain.GetServiceListAsync() : Task.FromResult<IReadOnlyList<ServiceItem>>([]);
        var reports = WeeklyReportsAsync(grain, info, time.GetUtcNow());
        await Task.WhenAll(counters, queue, inspections, services, reports);

        return new StationDetail(
            info,
            all.GetValueOrDefault(info.ParentId),
            counters.Result,
            overview.Stations.Where(s => s.Station.ParentId == stationId).ToList(),
            summaries,
            includeTickets ? queue.Result : null,
            includeTickets ? inspections.Result : null,
            reports.Result,
            services.Result,
            all,
            overview.Teams,
            time.GetUtcNow());
    }

    private async Task<IReadOnlyList<WeeklyReport>> WeeklyReportsAsync(IStationGrain grain, StationInfo info, DateTimeOffset now)
    {
        var last = ReportWeeks.LastCompleted(now);
        var weeks = await Task.WhenAll(Enumerable.Range(0, WeeksShown).Select(back => ReportAsync(grain, info, last.AddDays(-7 * back), now)));
        return weeks.OfType<WeeklyReport>().ToList();
    }

    private async Task<WeeklyReport?> ReportAsync(IStationGrain grain, StationInfo info, DateOnly week, DateTimeOffset now)
    {
        var key = ReportWeeks.FolderKey(info.Id, week);
        if (_reports.TryGetValue(key, out var known) && (known.Report is not null || now - known.FetchedAt < MissingReportRetry))
            return known.Report;
        // The report a station sends up: its own figures at level 2, the aggregate with its children's above.
        var kind = info.Level == StationLevel.Compound ? WeeklyReportKind.Own : WeeklyReportKind.Aggregate;
        var report = (await grain.GetWeeklyReportsAsync(week)).FirstOrDefault(r => r.StationId == info.Id && r.Kind == kind);
        _reports[key] = (report, now);
        return report;
    }
}
