namespace GuoduActors.Dashboard.Analytics;

/// <summary>The two rates of the weekly reports besides satisfaction, whose trends the satisfaction page also draws.</summary>
public enum GovernanceRate
{
    /// <summary>响应率: first responses on time ÷ (first responses + still awaiting one past its deadline at the week's end).</summary>
    Response = 0,

    /// <summary>解决率: resolved ÷ (resolved + still open past the resolution deadline at the week's end).</summary>
    Resolution = 1,
}

/// <summary>
/// A rate as its numerator and denominator, the way the weekly reports compute it (README, "the three rates"): parts add
/// up across weeks and stations, and the rate is the summed numerator over the summed denominator, empty for 0.
/// </summary>
public readonly record struct RateParts(int Numerator, int Denominator)
{
    public double? Rate => Denominator == 0 ? null : (double)Numerator / Denominator;

    public static RateParts operator +(RateParts a, RateParts b) => new(a.Numerator + b.Numerator, a.Denominator + b.Denominator);

    public static RateParts Response(WeeklyReport report) => new(report.FirstResponsesOnTime, report.FirstResponses + report.AwaitingResponseOverdue);

    public static RateParts Resolution(WeeklyReport report) => new(report.Resolved, report.Resolved + report.AwaitingResolutionOverdue);

    public static RateParts Satisfaction(WeeklyReport report) => new(report.Satisfied, report.RatingCount);

    public static RateParts Of(WeeklyReport report, GovernanceRate rate) => rate == GovernanceRate.Response ? Response(report) : Resolution(report);
}

/// <summary>Weekly rates and their rolling view: each week's rate, or the rate of it and the weeks before it pooled.</summary>
public static class RateTrends
{
    /// <summary>The weeks a rolling rate pools: the week and the three before it.</summary>
    public const int RollingWeeks = 4;

    /// <summary>
    /// The <paramref name="rolling"/>-week rolling parts of each week from index <paramref name="rolling"/> − 1 of
    /// <paramref name="weeks"/> on (consecutive weeks, oldest first): the earlier weeks only feed the first windows.
    /// </summary>
    public static IReadOnlyList<RateParts> Rolling(IReadOnlyList<RateParts> weeks, int rolling = RollingWeeks)
    {
        var pooled = new List<RateParts>(Math.Max(0, weeks.Count - rolling + 1));
        for (var i = rolling - 1; i < weeks.Count; i++)
        {
            var sum = default(RateParts);
            for (var k = i - rolling + 1; k <= i; k++)
                sum += weeks[k];
            pooled.Add(sum);
        }
        return pooled;
    }

    /// <summary>
    /// A station's parts of <paramref name="rate"/> in each week of <paramref name="weeks"/>, from the Small Affairs Office's
    /// copies of the compiled reports: the station's own report (its own tickets, as its satisfaction line counts them), or
    /// for <paramref name="officeAggregate"/> the office's aggregate, the whole sub-district. A week not compiled adds nothing.
    /// </summary>
    public static IReadOnlyList<RateParts> FromReports(
        IReadOnlyDictionary<DateOnly, IReadOnlyList<WeeklyReport>> reports, IReadOnlyList<DateOnly> weeks, string stationId, bool officeAggregate, GovernanceRate rate)
    {
        var kind = officeAggregate ? WeeklyReportKind.Aggregate : WeeklyReportKind.Own;
        return weeks.Select(week => reports.TryGetValue(week, out var list) && list.FirstOrDefault(r => r.StationId == stationId && r.Kind == kind) is { } report
            ? RateParts.Of(report, rate)
            : default).ToList();
    }
}
