namespace GuoduActors.Dashboard.Analytics;

/// <summary>One resident's rating (满意度) of one closed ticket, with what it can be grouped by.</summary>
/// <param name="TicketId">The ticket rated.</param>
/// <param name="OwnerId">The station that owned the ticket when it was rated: the one the rating counts for, as in the weekly reports.</param>
/// <param name="CategoryCode">The ticket's category, <c>null</c> when it was never classified.</param>
/// <param name="Rating">1–5.</param>
/// <param name="ClosedAt">When the resident confirmed the resolution and rated it.</param>
/// <param name="Description">The matter as registered, for a reader who needs the context of a low rating.</param>
public sealed record RatedTicket(string TicketId, string OwnerId, string? CategoryCode, int Rating, DateTimeOffset ClosedAt, string Description)
{
    /// <summary>A rating of 4 or 5 counts as satisfied (满意), as the weekly reports' satisfaction rate counts it.</summary>
    public bool IsSatisfied => Rating >= SatisfiedFrom;

    /// <summary>A rating of 1 or 2: a resident whose comment someone should read.</summary>
    public bool IsLow => Rating <= LowUpTo;

    public const int SatisfiedFrom = 4;
    public const int LowUpTo = 2;
}

/// <summary>One week's ratings at one place (a station, a category, the whole sub-district).</summary>
/// <param name="WeekStart">The week's Monday, China Standard Time (<see cref="ReportWeeks"/>).</param>
/// <param name="Ratings">How many residents rated in the week.</param>
/// <param name="Satisfied">How many of them gave 4 or 5.</param>
public readonly record struct WeeklyRatings(DateOnly WeekStart, int Ratings, int Satisfied)
{
    /// <summary>The satisfaction rate (满意率); <c>null</c> when nobody rated, never 0.</summary>
    public double? Rate => Ratings == 0 ? null : (double)Satisfied / Ratings;

    /// <summary>
    /// Counts <paramref name="ratings"/> into <paramref name="weeks"/> by the China Standard Time week they were given in.
    /// Every requested week appears, in the order given, with zero ratings when none fell in it; ratings outside the
    /// weeks are ignored.
    /// </summary>
    public static IReadOnlyList<WeeklyRatings> Count(IEnumerable<RatedTicket> ratings, IReadOnlyList<DateOnly> weeks)
    {
        var tally = weeks.ToDictionary(w => w, _ => (Ratings: 0, Satisfied: 0));
        foreach (var rating in ratings)
        {
            var week = ReportWeeks.Containing(rating.ClosedAt);
            if (tally.TryGetValue(week, out var t))
                tally[week] = (t.Ratings + 1, t.Satisfied + (rating.IsSatisfied ? 1 : 0));
        }
        return weeks.Select(w => new WeeklyRatings(w, tally[w].Ratings, tally[w].Satisfied)).ToList();
    }

    /// <summary>The ratings as a rate's parts: satisfied of rated.</summary>
    public RateParts Parts => new(Satisfied, Ratings);

    /// <summary>
    /// The 4-week rolling view of consecutive <paramref name="weeks"/> (oldest first): from the fourth week on, each week
    /// with its own and the three earlier weeks' ratings pooled.
    /// </summary>
    public static IReadOnlyList<WeeklyRatings> Rolling(IReadOnlyList<WeeklyRatings> weeks) =>
        RateTrends.Rolling(weeks.Select(w => w.Parts).ToList())
            .Select((parts, i) => new WeeklyRatings(weeks[i + RateTrends.RollingWeeks - 1].WeekStart, parts.Denominator, parts.Numerator))
            .ToList();

    /// <summary>The <paramref name="count"/> consecutive weeks ending with <paramref name="lastWeek"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> WeeksEndingWith(DateOnly lastWeek, int count) =>
        Enumerable.Range(0, count).Select(i => lastWeek.AddDays(-7 * (count - 1 - i))).ToList();
}
