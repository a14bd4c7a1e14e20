namespace GuoduActors.Dashboard.Forecasting;

/// <summary>
/// One group of out-of-sample residuals: forecasts <see cref="FromStep"/>–<see cref="ToStep"/> steps ahead (days, or
/// weeks for weekly sums) whose point forecast, in units of the series' noise scale, was in [<see cref="FromLevel"/>,
/// <see cref="ToLevel"/>). Residuals are standardised as z = (actual − point) / scale; the interval is
/// point + [LowerZ, UpperZ] · scale.
/// </summary>
public sealed record IntervalBin(int FromStep, int ToStep, double FromLevel, double ToLevel, double LowerZ, double UpperZ, int Count);

/// <summary>
/// Prediction intervals calibrated on backtest residuals: the empirical quantiles of standardised residuals of
/// forecasts made before the training cutoff by a model trained earlier still, grouped by how far ahead and how
/// large the forecast is. Each residual is first divided by its series' noise scale at the origin (the mean absolute
/// week-on-week change over the last 364 days), so a busy, over-dispersed series and a quiet one share quantiles.
/// </summary>
public sealed record IntervalCalibration(double Coverage, IReadOnlyList<IntervalBin> Daily, IReadOnlyList<IntervalBin> Weekly)
{
    /// <summary>The fewest residuals a group may hold; smaller groups are merged with their neighbours.</summary>
    public const int MinPerBin = 80;

    /// <summary>
    /// The most size groups per step group. A sub-district's thousands of quiet station × category series (mostly zeros)
    /// would otherwise set the quantiles of the few busy totals too, and give those far too narrow intervals.
    /// </summary>
    public const int MaxLevelBins = 10;

    private static readonly (int From, int To)[] DailySteps = [(1, 7), (8, 14), (15, 28), (29, 56), (57, int.MaxValue)];
    private static readonly (int From, int To)[] WeeklySteps = [(1, 1), (2, 2), (3, 4), (5, 8), (9, int.MaxValue)];

    /// <summary>The interval around <paramref name="point"/>, <paramref name="step"/> days ahead.</summary>
    public (float Lower, float Upper) DailyInterval(int step, float point, float scale) => Interval(Daily, step, point, scale);

    /// <summary>The interval around a weekly sum <paramref name="point"/>, <paramref name="week"/> weeks ahead.</summary>
    public (float Lower, float Upper) WeeklyInterval(int week, float point, float scale) => Interval(Weekly, week, point, scale);

    public static IntervalCalibration Fit(double coverage, IReadOnlyList<Residual> daily, IReadOnlyList<Residual> weekly) =>
        new(coverage, FitBins(coverage, daily, DailySteps), FitBins(coverage, weekly, WeeklySteps));

    private static (float, float) Interval(IReadOnlyList<IntervalBin> bins, int step, float point, float scale)
    {
        if (bins.Count == 0)
            return (float.NaN, float.NaN);
        var inStep = bins.Where(b => b.FromStep <= step && step <= b.ToStep).ToList();
        if (inStep.Count == 0)
            inStep = [.. bins.Where(b => b.ToStep == bins.Max(x => x.ToStep))];
        var level = point / scale;
        var bin = inStep.FirstOrDefault(b => b.FromLevel <= level && level < b.ToLevel)
            ?? (level < inStep[0].FromLevel ? inStep[0] : inStep[^1]);
        return ((float)Math.Max(0, point + bin.LowerZ * scale), (float)Math.Max(0, point + bin.UpperZ * scale));
    }

    private static List<IntervalBin> FitBins(double coverage, IReadOnlyList<Residual> residuals, (int From, int To)[] steps)
    {
        // Step groups that are too small join the group before them (or the next one, for the first).
        var groups = new List<(int From, int To, List<Residual> Items)>();
        foreach (var (from, to) in steps)
        {
            var items = residuals.Where(r => r.Step >= from && r.Step <= to).ToList();
            if (items.Count == 0)
                continue;
            if (groups.Count > 0 && (items.Count < MinPerBin || groups[^1].Items.Count < MinPerBin))
                groups[^1] = (groups[^1].From, to, [.. groups[^1].Items, .. items]);
            else
                groups.Add((from, to, items));
        }

        var bins = new List<IntervalBin>();
        var lowerP = (1 - coverage) / 2;
        var upperP = 1 - lowerP;
        foreach (var (from, to, items) in groups)
        {
            var sorted = items.OrderBy(r => r.Level).ToList();
            var levels = Math.Clamp(sorted.Count / MinPerBin, 1, MaxLevelBins);
            for (var l = 0; l < levels; l++)
            {
                var part = sorted.GetRange(l * sorted.Count / levels, (l + 1) * sorted.Count / levels - l * sorted.Count / levels);
                var z = part.Select(r => (double)(r.Actual - r.Point) / r.Scale).Order().ToArray();
                bins.Add(new IntervalBin(from, to,
                    l == 0 ? double.NegativeInfinity : part[0].Level,
                    l == levels - 1 ? double.PositiveInfinity : sorted[(l + 1) * sorted.Count / levels].Level,
                    Quantile(z, lowerP), Quantile(z, upperP), part.Count));
            }
        }
        return bins;
    }

    /// <summary>The linearly interpolated quantile of sorted values (Hyndman–Fan type 7, as R's default).</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 1)
            return sorted[0];
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}

/// <summary>An out-of-sample forecast and what happened, <see cref="Step"/> days (or weeks) ahead, with the series' noise scale at the origin.</summary>
public readonly record struct Residual(int Step, float Point, float Actual, float Scale)
{
    public float Level => Point / Scale;
}
