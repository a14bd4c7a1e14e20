namespace GuoduActors.Dashboard.Services;

/// <summary>
/// The current week's three rates so far, with the weekly report's definitions (README, "Weekly reports and the three
/// rates") and now in place of the week's end: the compiled reports only exist for weeks that ended, and a leader
/// wants to see this week while it can still be changed. Sub-district wide, so every ticket counts once.
/// </summary>
public static class WeekToDateRates
{
    /// <summary>
    /// The rates of the week starting <paramref name="weekStart"/> up to <paramref name="now"/>, from the rows touched
    /// since the week started and the open rows (<paramref name="rows"/>; duplicates, a ticket between two owners, are allowed).
    /// </summary>
    public static WeekRates Compute(IEnumerable<TicketRow> rows, DateOnly weekStart, DateTimeOffset now)
    {
        var start = ReportWeeks.StartOf(weekStart);
        bool InWeek(DateTimeOffset? at) => at >= start && at <= now;

        int firstResponses = 0, onTime = 0, awaitingResponse = 0, resolved = 0, awaitingResolution = 0, ratings = 0, satisfied = 0;
        foreach (var row in Latest(rows))
        {
            if (InWeek(row.FirstRespondedAt))
            {
                firstResponses++;
                if (!row.FirstResponseLate)
                    onTime++;
            }
            if (InWeek(row.ResolvedAt))
                resolved++;
            if (row.Rating is { } rating && InWeek(row.ClosedAt))
            {
                ratings++;
                if (rating >= 4)
                    satisfied++;
            }
            if (row.IsOpen && row.RegisteredAt <= now)
            {
                // As in the report: the late flags tell a deadline was missed even after escalation set a new one.
                if (row.FirstRespondedAt is null && (row.FirstResponseLate || row.FirstResponseDue <= now))
                    awaitingResponse++;
                if (row.ResolutionLate || row.ResolutionDue <= now)
                    awaitingResolution++;
            }
        }
        return new WeekRates(weekStart, IsToDate: true,
            Rate(onTime, firstResponses + awaitingResponse),
            Rate(resolved, resolved + awaitingResolution),
            Rate(satisfied, ratings));
    }

    /// <summary>One row per ticket: the newest, which is the truth while a ticket moves between owners.</summary>
    public static IEnumerable<TicketRow> Latest(IEnumerable<TicketRow> rows) =>
        rows.GroupBy(r => r.TicketId, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.UpdatedAt)!);

    private static double? Rate(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
