using Microsoft.Extensions.Logging;

namespace GuoduActors.Grains;

/// <summary>
/// Weekly reports (周汇总) up the hierarchy: a level-2 station reports its own figures to its level-1 station, which adds
/// its own and sends the aggregate to the Small Affairs Office, which adds its own into the sub-district's total.
/// Each station keeps what it compiled and copies of what its children hold in one folder grain per week
/// (<see cref="IWeeklyReportsGrain"/>), so a station's own state does not grow with reports.
/// </summary>
public sealed partial class StationGrain
{
    public async Task<WeeklyReport> CompileWeeklyReportAsync(DateOnly weekStart)
    {
        var info = state.State.Info ?? throw DomainRefusalException.NotFound($"No station '{StationId}' is in the roster.");
        var now = time.GetUtcNow();
        RequireCompilable(weekStart, now);
        var folder = WeeklyFolder(weekStart);
        if (SentUp(await folder.GetAsync(), info) is { } stored)
            return stored;

        var own = WeeklyReportBuilder.Build(StationId, info.Level, weekStart, await WeeklyRowsAsync(weekStart), now);
        IReadOnlyList<WeeklyReport> held;
        if (info.Level == StationLevel.Compound)
        {
            held = await folder.StoreAsync([own]);
        }
        else
        {
            var children = await GrainFactory.GetGrain<ISubDistrictGrain>(state.State.SubDistrictId).GetChildStationsAsync(StationId);
            // Each child compiles and stores its week first (idempotently); what it sends up carries the durations
            // the aggregate needs, while the copies kept here drop them: the child keeps the originals.
            var sent = await Task.WhenAll(children.Select(c => GrainFactory.GetGrain<IStationGrain>(c.Id).CompileWeeklyReportAsync(weekStart)));
            var theirs = await Task.WhenAll(children.Select(c => GrainFactory.GetGrain<IStationGrain>(c.Id).GetWeeklyReportsAsync(weekStart)));
            var aggregate = WeeklyReportBuilder.Aggregate(StationId, info.Level, weekStart, sent.Prepend(own), now);
            held = await folder.StoreAsync([aggregate, own, .. theirs.SelectMany(r => r).Select(r => r.WithoutDurations())]);
        }
        await WeeklyFolder(weekStart.AddDays(-7 * ReportWeeks.WindowWeeks)).ClearAsync();
        logger.LogInformation("Station {Station} compiled its weekly report of {Week}", StationId, ReportWeeks.IsoLabel(weekStart));
        return SentUp(held, info) ?? throw new InvalidOperationException($"The weekly folder of '{StationId}' lacks its own report.");
    }

    public async Task<IReadOnlyList<WeeklyReport>> GetWeeklyReportsAsync(DateOnly? weekStart)
    {
        var week = weekStart ?? ReportWeeks.LastCompleted(time.GetUtcNow());
        if (!ReportWeeks.IsWeekStart(week))
            throw DomainRefusalException.Invalid($"A report week starts on a Monday; {week:yyyy-MM-dd} is a {week.DayOfWeek}.");
        var held = await WeeklyFolder(week).GetAsync();
        // Stored as compiled: own aggregate, own report, then each child's folder in roster order. A stable sort by
        // level and kind turns that into office → level-1 aggregates → level-1 own → level-2, each in roster order.
        return held.OrderBy(r => r.Level).ThenByDescending(r => r.Kind).ToList();
    }

    private static void RequireCompilable(DateOnly weekStart, DateTimeOffset now)
    {
        if (!ReportWeeks.IsWeekStart(weekStart))
            throw DomainRefusalException.Invalid($"A report week starts on a Monday; {weekStart:yyyy-MM-dd} is a {weekStart.DayOfWeek}.");
        if (ReportWeeks.EndOf(weekStart) > now)
            throw DomainRefusalException.Invalid($"The week of {weekStart:yyyy-MM-dd} has not ended yet: it can be compiled from {weekStart.AddDays(7):yyyy-MM-dd} 00:00 China Standard Time.");
        if (weekStart < ReportWeeks.OldestKept(now))
            throw DomainRefusalException.Invalid($"The week of {weekStart:yyyy-MM-dd} is older than the {ReportWeeks.WindowWeeks} weeks of reports kept.");
    }

    /// <summary>The report this station sends up: its own figures at level 2, else its aggregate.</summary>
    private WeeklyReport? SentUp(IEnumerable<WeeklyReport> held, StationInfo info)
    {
        var kind = info.Level == StationLevel.Compound ? WeeklyReportKind.Own : WeeklyReportKind.Aggregate;
        return held.FirstOrDefault(r => r.StationId == StationId && r.Kind == kind);
    }

    /// <summary>
    /// The rows a week's figures can depend on: whatever the week changed was touched since it began, registered at or
    /// owned by this station; tickets that stayed open and overdue without a change are among the station's open ones.
    /// </summary>
    private async Task<List<TicketRow>> WeeklyRowsAsync(DateOnly weekStart)
    {
        var rows = new List<TicketRow>(await projection.LoadOpenAsync(StationId));
        var filter = new TicketFilter { InvolvingStationId = StationId, UpdatedSince = ReportWeeks.StartOf(weekStart) };
        await foreach (var row in projection.QueryAsync(filter))
            rows.Add(row);
        return rows;
    }

    private IWeeklyReportsGrain WeeklyFolder(DateOnly weekStart) =>
        GrainFactory.GetGrain<IWeeklyReportsGrain>(ReportWeeks.FolderKey(StationId, weekStart));
}
