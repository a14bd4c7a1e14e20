namespace GuoduActors.Dashboard.Services;

/// <summary>
/// The overview's figures that the stations' live counters do not carry: today's intake and escalations, the weekly
/// rates and the open tickets by category. Read from the ticket projection and the weekly reports, never per ticket.
/// </summary>
public interface IGovernanceFigures
{
    /// <summary>The latest figures; implementations may answer from a cache no older than about a second.</summary>
    Task<GovernanceFigures> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// One week's three rates (响应率, 解决率, 满意率); a rate whose denominator is 0 is <c>null</c>. <paramref name="IsToDate"/>
/// marks the current week, counted up to now; the others are the Small Affairs Office's compiled weekly reports.
/// </summary>
public sealed record WeekRates(DateOnly WeekStart, bool IsToDate, double? ResponseRate, double? ResolutionRate, double? SatisfactionRate)
{
    /// <summary>No report was compiled for the week (it is then shown as a gap, not as zero).</summary>
    public bool IsMissing { get; init; }
}

/// <summary>Open tickets of one category, and how many of them are past a deadline.</summary>
public sealed record CategoryLoad(string CategoryCode, int Open, int Overdue);

/// <summary>
/// What <see cref="IGovernanceFigures"/> answers: tickets registered today (China Standard Time) anywhere in the
/// sub-district; tickets escalated at least once today, dated from their timelines; the weekly rates, oldest first, the
/// last one the current week to date; and the open tickets per category, most first.
/// </summary>
public sealed record GovernanceFigures(
    int ReceivedToday,
    int EscalatedToday,
    IReadOnlyList<WeekRates> Weeks,
    IReadOnlyList<CategoryLoad> OpenByCategory,
    DateTimeOffset AsOf)
{
    public WeekRates? ThisWeek => Weeks.LastOrDefault(w => w.IsToDate);

    /// <summary>The last completed week, the one the current week is compared with.</summary>
    public WeekRates? LastWeek => Weeks.LastOrDefault(w => !w.IsToDate);
}
