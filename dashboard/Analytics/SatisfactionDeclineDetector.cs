namespace GuoduActors.Dashboard.Analytics;

/// <summary>The settings of <see cref="SatisfactionDeclineDetector"/>; the defaults are what the dashboard states on the page.</summary>
public sealed record DeclineTestOptions
{
    /// <summary>The recent window: the last this many completed weeks.</summary>
    public int RecentWeeks { get; init; } = 4;

    /// <summary>The baseline: this many weeks immediately before the recent window.</summary>
    public int BaselineWeeks { get; init; } = 8;

    /// <summary>Fewer ratings than this in the recent window: too few to judge.</summary>
    public int MinRecentRatings { get; init; } = 10;

    /// <summary>Fewer ratings than this in the baseline: too few to judge.</summary>
    public int MinBaselineRatings { get; init; } = 20;

    /// <summary>
    /// The one-sided significance level. 1 % rather than 5 % because every station is tested at once: with ~70
    /// stations whose satisfaction does not change, 5 % would flag three or four of them every week by chance alone.
    /// </summary>
    public double Alpha { get; init; } = 0.01;

    public static DeclineTestOptions Default { get; } = new();

    /// <summary>How many weeks of ratings a test reads: the baseline and the recent window.</summary>
    public int TotalWeeks => BaselineWeeks + RecentWeeks;
}

/// <summary>What the test concluded about one place.</summary>
public enum DeclineVerdict
{
    /// <summary>Not enough ratings in the recent window or the baseline to say anything.</summary>
    TooFewRatings = 0,

    /// <summary>Enough ratings, and the recent rate is not significantly below the baseline (it may be equal or higher).</summary>
    NoSignificantDecline = 1,

    /// <summary>The recent rate is significantly below the baseline at the stated level.</summary>
    Declining = 2,
}

/// <summary>The outcome of one test, with the counts it was computed from, so a reader can check it.</summary>
public sealed record DeclineResult(
    DeclineVerdict Verdict,
    int BaselineRatings,
    int BaselineSatisfied,
    int RecentRatings,
    int RecentSatisfied,
    double? Z,
    double? PValue)
{
    public double? BaselineRate => BaselineRatings == 0 ? null : (double)BaselineSatisfied / BaselineRatings;

    public double? RecentRate => RecentRatings == 0 ? null : (double)RecentSatisfied / RecentRatings;

    /// <summary>Recent minus baseline rate (negative: a decline), when both exist.</summary>
    public double? Change => RecentRate - BaselineRate;

    public bool IsDeclining => Verdict == DeclineVerdict.Declining;
}

/// <summary>
/// Flags a place (station, category) whose satisfaction rate (share of ratings ≥ 4) is falling: the ratings of the last
/// <see cref="DeclineTestOptions.RecentWeeks"/> completed weeks against the <see cref="DeclineTestOptions.BaselineWeeks"/>
/// before them, by a one-sided two-proportion z-test (pooled standard error) at <see cref="DeclineTestOptions.Alpha"/>,
/// and only with at least the minimum numbers of ratings in both windows.
/// </summary>
/// <remarks>
/// Deliberately simple and stateless, so that it can be stated on the page in one sentence and reused or replaced by
/// later forecasting work. Its limits: the z-test is a large-sample approximation (with the minimum counts it is rough
/// when nearly every rating is satisfied; an exact test would be the refinement), weeks are pooled (a single bad week can
/// carry the recent window), and a slow decline spread over all twelve weeks is seen only partly.
/// </remarks>
public sealed class SatisfactionDeclineDetector(DeclineTestOptions options)
{
    public SatisfactionDeclineDetector() : this(DeclineTestOptions.Default)
    {
    }

    public DeclineTestOptions Options { get; } = options;

    /// <summary>
    /// Tests the weeks in <paramref name="weeks"/> up to and including <paramref name="lastWeek"/> (the last completed week's
    /// Monday); weeks outside the two windows, such as the week in progress, are ignored.
    /// </summary>
    public DeclineResult Evaluate(IEnumerable<WeeklyRatings> weeks, DateOnly lastWeek)
    {
        var recentFrom = lastWeek.AddDays(-7 * (Options.RecentWeeks - 1));
        var baselineFrom = recentFrom.AddDays(-7 * Options.BaselineWeeks);
        int n1 = 0, s1 = 0, n2 = 0, s2 = 0;
        foreach (var week in weeks)
        {
            if (week.WeekStart >= baselineFrom && week.WeekStart < recentFrom)
                (n1, s1) = (n1 + week.Ratings, s1 + week.Satisfied);
            else if (week.WeekStart >= recentFrom && week.WeekStart <= lastWeek)
                (n2, s2) = (n2 + week.Ratings, s2 + week.Satisfied);
        }

        if (n1 < Options.MinBaselineRatings || n2 < Options.MinRecentRatings)
            return new DeclineResult(DeclineVerdict.TooFewRatings, n1, s1, n2, s2, null, null);

        var pooled = (double)(s1 + s2) / (n1 + n2);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        // Every rating satisfied (or none) in both windows: the rates are equal and there is nothing to test.
        var z = standardError == 0 ? 0 : ((double)s2 / n2 - (double)s1 / n1) / standardError;
        var p = NormalCdf(z);
        return new DeclineResult(p < Options.Alpha ? DeclineVerdict.Declining : DeclineVerdict.NoSignificantDecline, n1, s1, n2, s2, z, p);
    }

    /// <summary>The standard normal distribution function Φ(z): the one-sided p-value of a decline.</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>The complementary error function, to a relative error below 1.2e-7 (Numerical Recipes' Chebyshev fit).</summary>
    private static double Erfc(double x)
    {
        var t = 1 / (1 + 0.5 * Math.Abs(x));
        var y = t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }
}
