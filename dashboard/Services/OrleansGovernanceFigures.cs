using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Services;

/// <summary>
/// Computes the overview's figures once for the whole process, at most every <see cref="MaxAge"/>: every circuit asks
/// after every push, and the projection queries behind the figures are scans, so they must not run per circuit.
/// </summary>
/// <remarks>
/// Sources: today's intake, the open tickets by category and the current week's rates come from the ticket projection
/// (rows touched this week plus the open rows); the rates of past weeks from the Small Affairs Office's compiled
/// weekly reports (the office's station grain holds the sub-district aggregate). The projection carries no escalation
/// times, so "escalated today" reads the timelines of the few tickets that were escalated and touched today, once per
/// change of such a ticket.
/// </remarks>
public sealed class OrleansGovernanceFigures(
    IGrainFactory grains, SiteContext site, ITicketProjectionStore projection, TimeProvider time, ILogger<OrleansGovernanceFigures> logger)
    : IGovernanceFigures
{
    /// <summary>Completed weeks shown before the current one.</summary>
    public const int PastWeeks = 7;

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>A week without a compiled report is asked again after this; a compiled week never changes.</summary>
    private static readonly TimeSpan MissingReportRetry = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _computing = new(1, 1);
    private readonly ConcurrentDictionary<DateOnly, (WeekRates Rates, DateTimeOffset FetchedAt)> _pastWeeks = new();
    private readonly ConcurrentDictionary<string, (DateTimeOffset UpdatedAt, DateTimeOffset? LastEscalation)> _escalations = new(StringComparer.Ordinal);
    private volatile GovernanceFigures? _latest;

    public async Task<GovernanceFigures> GetAsync(CancellationToken cancellationToken = default)
    {
        if (IsFresh(_latest))
            return _latest!;
        await _computing.WaitAsync(cancellationToken);
        try
        {
            // Another circuit may have computed them while this one waited.
            if (!IsFresh(_latest))
                _latest = await ComputeAsync(cancellationToken);
            return _latest!;
        }
        finally
        {
            _computing.Release();
        }
    }

    private bool IsFresh(GovernanceFigures? figures) => figures is not null && time.GetUtcNow() - figures.AsOf < MaxAge;

    private async Task<GovernanceFigures> ComputeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ChinaTime.StartOfDay(now);
        var week = ReportWeeks.Containing(now);

        var rows = new List<TicketRow>();
        await foreach (var row in projection.QueryAsync(new TicketFilter { UpdatedSince = ReportWeeks.StartOf(week) }, cancellationToken))
            rows.Add(row);
        await foreach (var row in projection.QueryAsync(new TicketFilter { OpenOnly = true }, cancellationToken))
            rows.Add(row);
        var latest = WeekToDateRates.Latest(rows).ToList();

        var byCategory = latest.Where(r => r.IsOpen)
            .GroupBy(r => r.CategoryCode ?? "uncategorised", StringComparer.Ordinal)
            .Select(g => new CategoryLoad(g.Key, g.Count(), g.Count(r => r.IsOverdue(now))))
            .OrderByDescending(c => c.Open).ThenBy(c => c.CategoryCode, StringComparer.Ordinal)
            .ToList();

        var weeks = new List<WeekRates>();
        for (var back = PastWeeks; back >= 1; back--)
            weeks.Add(await PastWeekAsync(week.AddDays(-7 * back), now));
        weeks.Add(WeekToDateRates.Compute(latest, week, now));

        return new GovernanceFigures(
            latest.Count(r => r.RegisteredAt >= today),
            await EscalatedSinceAsync(latest, today),
            weeks, byCategory, now);
    }

    private async Task<WeekRates> PastWeekAsync(DateOnly weekStart, DateTimeOffset now)
    {
        if (_pastWeeks.TryGetValue(weekStart, out var known) && (!known.Rates.IsMissing || now - known.FetchedAt < MissingReportRetry))
            return known.Rates;
        var reports = await grains.GetGrain<IStationGrain>(site.SubDistrictId).GetWeeklyReportsAsync(weekStart);
        var office = reports.FirstOrDefault(r => r.StationId == site.SubDistrictId && r.Kind == WeeklyReportKind.Aggregate);
        var rates = office is null
            ? new WeekRates(weekStart, false, null, null, null) { IsMissing = true }
            : new WeekRates(weekStart, false, office.ResponseRate, office.ResolutionRate, office.SatisfactionRate);
        _pastWeeks[weekStart] = (rates, now);
        foreach (var old in _pastWeeks.Keys.Where(k => k < weekStart.AddDays(-7 * PastWeeks)))
            _pastWeeks.TryRemove(old, out _);
        return rates;
    }

    private async Task<int> EscalatedSinceAsync(IReadOnlyList<TicketRow> rows, DateTimeOffset since)
    {
        // An escalation touches the ticket, so every ticket escalated today was updated today.
        var candidates = rows.Where(r => r.EscalationCount > 0 && r.UpdatedAt >= since).ToList();
        var unknown = candidates.Where(r => !_escalations.TryGetValue(r.TicketId, out var k) || k.UpdatedAt != r.UpdatedAt).ToList();
        await Task.WhenAll(unknown.Select(async row =>
        {
            try
            {
                var ticket = await grains.GetGrain<ITicketGrain>(row.TicketId).GetAsync();
                var last = ticket?.Timeline.LastOrDefault(e => e.Action.StartsWith("escalate", StringComparison.Ordinal))?.At;
                _escalations[row.TicketId] = (row.UpdatedAt, last);
            }
            catch (Exception e)
            {
                // Counted as not escalated today this time; asked again on the next computation.
                logger.LogDebug(e, "Could not read the timeline of ticket {Ticket}", row.TicketId);
            }
        }));
        foreach (var stale in _escalations.Where(e => e.Value.UpdatedAt < since).Select(e => e.Key).ToList())
            _escalations.TryRemove(stale, out _);
        return candidates.Count(r => _escalations.TryGetValue(r.TicketId, out var k) && k.LastEscalation >= since);
    }
}
