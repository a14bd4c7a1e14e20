namespace GuoduActors.Grains;

/// <summary>
/// Computes weekly reports (周汇总) from ticket projection rows and adds them up the hierarchy. Pure: the same rows,
/// week and clock give the same report.
/// </summary>
/// <remarks>
/// <para>
/// <b>The week</b> runs from Monday 00:00 to the next Monday 00:00 China Standard Time; "in the week" means at or after
/// its start and before its end. <b>Whose ticket:</b> received and escalated count at the station where the ticket
/// was registered; every other figure counts at the station that owns the ticket when the report is compiled
/// (normally the one that responded, resolved and was rated). A ticket has one of each at any time, so every ticket
/// counts once in any aggregate.
/// </para>
/// <list type="bullet">
/// <item><b>Received (受理)</b>: tickets registered at the station in the week, including ones cancelled later.</item>
/// <item><b>Resolved (办结)</b>: tickets resolved in the week while owned by the station.</item>
/// <item><b>Resolved on time</b>: of those, the ones whose resolution deadline was never missed (neither resolved
/// after it nor escalated because of it).</item>
/// <item><b>Overdue (超期)</b>: tickets open at the week's end with a deadline passed, plus tickets resolved late in the
/// week. Open at the week's end: registered before it, not resolved and not cancelled before it. A deadline passed:
/// the resolution deadline, or the first-response deadline of a ticket not yet responded to, fell before the week's
/// end or had already been missed and escalated.</item>
/// <item><b>Escalated (上报)</b>: of the tickets received in the week, those escalated at least once by the time the
/// report is compiled. Projection rows carry no escalation times, so escalations cannot be dated exactly; this
/// cohort count is exact, reproducible and counts each ticket once.</item>
/// <item><b>Median time to first response / to resolution</b>: over the week's first responses (resolutions), the
/// median of registration → first response (→ resolution), wall-clock time in whole minutes, time waiting on the
/// resident included; with an even count, the mean of the two middle values.</item>
/// <item><b>响应率 Response rate</b> = first responses made on time in the week ÷ (first responses made in the week +
/// tickets still awaiting a first response at the week's end whose first-response deadline had passed).</item>
/// <item><b>解决率 Resolution rate</b> = tickets resolved in the week ÷ (tickets resolved in the week + tickets still
/// open at the week's end whose resolution deadline had passed).</item>
/// <item><b>满意率 Satisfaction rate</b> = ratings of 4 or 5 given in the week ÷ ratings given in the week (a resident
/// rates 1–5 when confirming the resolution).</item>
/// </list>
/// <para>
/// A rate whose denominator is 0 is <c>null</c>, never 0 and never NaN. An aggregate adds the counts of its parts,
/// computes its rates from the summed numerators and denominators and its medians from all the parts' durations.
/// Rows are read as they stand when the report is compiled, minutes after the week ends: a ticket reopened after the
/// week no longer counts as resolved in it, and a deadline passing between the week's end and the compilation counts
/// as passed.
/// </para>
/// </remarks>
public static class WeeklyReportBuilder
{
    /// <summary>The most durations a report keeps per kind; beyond it, evenly spaced order statistics stand for them.</summary>
    public const int MaxDurations = 10_000;

    /// <summary>One station's own figures for the week, from projection rows (rows of other stations and weeks are ignored).</summary>
    public static WeeklyReport Build(string stationId, StationLevel level, DateOnly weekStart, IEnumerable<TicketRow> rows, DateTimeOffset now)
    {
        RequireWeekStart(weekStart);
        var start = ReportWeeks.StartOf(weekStart);
        var end = ReportWeeks.EndOf(weekStart);
        bool InWeek(DateTimeOffset? at) => at >= start && at < end;

        var tally = new Tally();
        var firstResponse = new List<Weighted>();
        var resolution = new List<Weighted>();
        // A ticket moving to another owner has a row under each for a moment: the newest row is the truth.
        foreach (var row in rows.GroupBy(r => r.TicketId, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.UpdatedAt)!))
        {
            if (row.StationId == stationId && InWeek(row.RegisteredAt))
            {
                tally.Received++;
                if (row.EscalationCount > 0)
                    tally.Escalated++;
            }
            if (row.OwnerId != stationId)
                continue;

            if (row.FirstRespondedAt is { } responded && InWeek(responded))
            {
                tally.FirstResponses++;
                if (!row.FirstResponseLate)
                    tally.FirstResponsesOnTime++;
                firstResponse.Add(new(Minutes(responded - row.RegisteredAt), 1));
            }
            if (row.ResolvedAt is { } resolved && InWeek(resolved))
            {
                tally.Resolved++;
                if (!row.ResolutionLate)
                    tally.ResolvedOnTime++;
                resolution.Add(new(Minutes(resolved - row.RegisteredAt), 1));
            }
            if (row.Rating is { } rating && InWeek(row.ClosedAt))
            {
                tally.RatingCount++;
                if (rating >= 4)
                    tally.Satisfied++;
            }
            if (IsOpenAt(row, end))
            {
                // A missed deadline escalates within a minute and gets a new one, so the late flags, not only the
                // current deadlines, tell that a deadline had passed.
                var awaitingResponse = (row.FirstRespondedAt is null || row.FirstRespondedAt >= end)
                    && (row.FirstResponseLate || row.FirstResponseDue < end);
                var awaitingResolution = row.ResolutionLate || row.ResolutionDue < end;
                if (awaitingResponse)
                    tally.AwaitingResponseOverdue++;
                if (awaitingResolution)
                    tally.AwaitingResolutionOverdue++;
                if (awaitingResponse || awaitingResolution)
                    tally.OpenOverdue++;
            }
        }
        // A List, not the collection expression [stationId]: that makes a compiler-generated list type, which the Azure
        // Table storage's JSON writes by name and then refuses to read back, so no compiled week could be loaded again.
        return Complete(stationId, level, weekStart, WeeklyReportKind.Own, new List<string> { stationId }, tally, firstResponse, resolution, now);
    }

    /// <summary>
    /// The sum of several reports of the same week: a level-1 station's own and its level-2 stations', or the Small
    /// Affairs Office's own and the level-1 aggregates. Refuses parts of another week, parts without their durations
    /// and parts that cover a station twice.
    /// </summary>
    public static WeeklyReport Aggregate(string stationId, StationLevel level, DateOnly weekStart, IEnumerable<WeeklyReport> parts, DateTimeOffset now)
    {
        RequireWeekStart(weekStart);
        var tally = new Tally();
        var covers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firstResponse = new List<Weighted>();
        var resolution = new List<Weighted>();
        foreach (var part in parts)
        {
            if (part.WeekStart != weekStart)
                throw new ArgumentException($"The report of '{part.StationId}' is for the week of {part.WeekStart:yyyy-MM-dd}, not {weekStart:yyyy-MM-dd}.", nameof(parts));
            if (!part.HasDurations)
                throw new ArgumentException($"The report of '{part.StationId}' has no durations: aggregate the sender's report, not a stored copy.", nameof(parts));
            foreach (var station in part.Covers)
            {
                if (!seen.Add(station))
                    throw new ArgumentException($"Station '{station}' would be counted twice.", nameof(parts));
                covers.Add(station);
            }
            tally.Add(part);
            AddSample(firstResponse, part.FirstResponseMinutes, part.FirstResponses);
            AddSample(resolution, part.ResolutionMinutes, part.Resolved);
        }
        return Complete(stationId, level, weekStart, WeeklyReportKind.Aggregate, covers, tally, firstResponse, resolution, now);
    }

    /// <summary>
    /// The median of weighted values: the mean of the lower and upper weighted medians, which for unit weights is the
    /// middle value of an odd count and the mean of the two middle values of an even count. <c>null</c> when empty.
    /// </summary>
    internal static double? Median(IReadOnlyList<Weighted> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.OrderBy(v => v.Minutes).ToList();
        var half = sorted.Sum(v => v.Weight) / 2;
        var tolerance = half * 1e-12;
        int? lower = null;
        double cumulative = 0;
        foreach (var value in sorted)
        {
            cumulative += value.Weight;
            if (lower is null && cumulative >= half - tolerance)
                lower = value.Minutes;
            if (cumulative > half + tolerance)
                return (lower!.Value + value.Minutes) / 2.0;
        }
        return lower;
    }

    private static WeeklyReport Complete(
        string stationId, StationLevel level, DateOnly weekStart, WeeklyReportKind kind, IReadOnlyList<string> covers,
        Tally t, List<Weighted> firstResponse, List<Weighted> resolution, DateTimeOffset now) => new(
            StationId: stationId,
            Level: level,
            WeekStart: weekStart,
            IsoWeek: ReportWeeks.IsoLabel(weekStart),
            Kind: kind,
            Covers: covers,
            Received: t.Received,
            Resolved: t.Resolved,
            ResolvedOnTime: t.ResolvedOnTime,
            Overdue: t.OpenOverdue + (t.Resolved - t.ResolvedOnTime),
            Escalated: t.Escalated,
            MedianFirstResponse: Median(firstResponse) is { } f ? TimeSpan.FromMinutes(f) : null,
            MedianResolution: Median(resolution) is { } r ? TimeSpan.FromMinutes(r) : null,
            ResponseRate: Rate(t.FirstResponsesOnTime, t.FirstResponses + t.AwaitingResponseOverdue),
            ResolutionRate: Rate(t.Resolved, t.Resolved + t.AwaitingResolutionOverdue),
            SatisfactionRate: Rate(t.Satisfied, t.RatingCount),
            RatingCount: t.RatingCount,
            GeneratedAt: now,
            FirstResponses: t.FirstResponses,
            FirstResponsesOnTime: t.FirstResponsesOnTime,
            OpenOverdue: t.OpenOverdue,
            AwaitingResponseOverdue: t.AwaitingResponseOverdue,
            AwaitingResolutionOverdue: t.AwaitingResolutionOverdue,
            Satisfied: t.Satisfied,
            FirstResponseMinutes: Keep(firstResponse),
            ResolutionMinutes: Keep(resolution));

    private static double? Rate(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static int Minutes(TimeSpan duration) =>
        (int)Math.Clamp(Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero), 0, int.MaxValue);

    private static bool IsOpenAt(TicketRow row, DateTimeOffset end) =>
        row.RegisteredAt < end
        && !(row.ResolvedAt < end)
        // A cancelled ticket takes no further command, so its last update is its cancellation.
        && !(row.Status == TicketStatus.Cancelled && row.UpdatedAt < end);

    /// <summary>Each kept value of a part stands for <c>count / kept</c> durations (1 unless the part was thinned).</summary>
    private static void AddSample(List<Weighted> into, IReadOnlyList<int> kept, int count)
    {
        if (kept.Count == 0)
            return;
        var weight = kept.Count == count ? 1.0 : (double)count / kept.Count;
        into.AddRange(kept.Select(m => new Weighted(m, weight)));
    }

    /// <summary>
    /// The durations to store: all of them, sorted, up to <see cref="MaxDurations"/>; beyond, the values at the midpoints
    /// of <see cref="MaxDurations"/> equal slices of the (weighted) distribution, which keep its median and quantiles.
    /// </summary>
    private static IReadOnlyList<int> Keep(List<Weighted> values)
    {
        var sorted = values.OrderBy(v => v.Minutes).ToList();
        if (sorted.Count <= MaxDurations && sorted.All(v => v.Weight == 1))
            return sorted.Select(v => v.Minutes).ToList();

        var total = sorted.Sum(v => v.Weight);
        var kept = new List<int>(MaxDurations);
        var index = 0;
        var cumulative = sorted[0].Weight;
        for (var i = 0; i < MaxDurations; i++)
        {
            var target = (i + 0.5) * total / MaxDurations;
            while (cumulative < target && index < sorted.Count - 1)
                cumulative += sorted[++index].Weight;
            kept.Add(sorted[index].Minutes);
        }
        return kept;
    }

    private static void RequireWeekStart(DateOnly weekStart)
    {
        if (!ReportWeeks.IsWeekStart(weekStart))
            throw new ArgumentException($"A report week starts on a Monday; {weekStart:yyyy-MM-dd} is a {weekStart.DayOfWeek}.", nameof(weekStart));
    }

    /// <summary>A duration in whole minutes and how many durations it stands for.</summary>
    internal readonly record struct Weighted(int Minutes, double Weight);

    private sealed class Tally
    {
        public int Received, Escalated, FirstResponses, FirstResponsesOnTime, Resolved, ResolvedOnTime;
        public int RatingCount, Satisfied, OpenOverdue, AwaitingResponseOverdue, AwaitingResolutionOverdue;

        public void Add(WeeklyReport r)
        {
            Received += r.Received;
            Escalated += r.Escalated;
            FirstResponses += r.FirstResponses;
            FirstResponsesOnTime += r.FirstResponsesOnTime;
            Resolved += r.Resolved;
            ResolvedOnTime += r.ResolvedOnTime;
            RatingCount += r.RatingCount;
            Satisfied += r.Satisfied;
            OpenOverdue += r.OpenOverdue;
            AwaitingResponseOverdue += r.AwaitingResponseOverdue;
            AwaitingResolutionOverdue += r.AwaitingResolutionOverdue;
        }
    }
}
