namespace GuoduActors.Dashboard.Forecasting;

/// <summary>
/// Seasonal-naive: the last week before the origin, repeated weekday by weekday (day h ahead gets the count of the
/// last day before the origin with the same weekday, 7 − ((h − 1) mod 7) days before it). Its 80 %
/// interval adds the empirical 10 % and 90 % quantiles of the series' own k-week differences y(t) − y(t − 7k) over the
/// last 364 days (k = weeks ahead), so its coverage is measured on the same footing as the model's.
/// </summary>
public sealed class SeasonalNaive(double coverage = 0.8) : IForecastMethod
{
    public string Name => "seasonal-naive";

    public WindowForecast Forecast(DailySeriesSet history, int horizon, CancellationToken cancellationToken = default)
    {
        var n = history.Days;
        if (n < 7)
            throw new ForecastInputException("Seasonal-naive needs at least one week of counts.");
        var points = new float[history.Count][];
        var lower = new float[history.Count][];
        var upper = new float[history.Count][];
        for (var s = 0; s < history.Count; s++)
        {
            points[s] = new float[horizon];
            lower[s] = new float[horizon];
            upper[s] = new float[horizon];
            var quantiles = new Dictionary<int, (double Lower, double Upper)>();
            for (var h = 1; h <= horizon; h++)
            {
                var point = history[s, n - 7 + (h - 1) % 7];
                var weeks = (h + 6) / 7;
                if (!quantiles.TryGetValue(weeks, out var q))
                    quantiles[weeks] = q = DifferenceQuantiles(history, s, 7 * weeks, coverage);
                points[s][h - 1] = point;
                lower[s][h - 1] = (float)Math.Max(0, point + q.Lower);
                upper[s][h - 1] = (float)Math.Max(0, point + q.Upper);
            }
        }
        return new WindowForecast(points, lower, upper);
    }

    private static (double, double) DifferenceQuantiles(DailySeriesSet history, int s, int lag, double coverage)
    {
        var n = history.Days;
        var from = Math.Max(lag, n - 364);
        if (from >= n)
            return (double.NaN, double.NaN);
        var differences = new double[n - from];
        for (var t = from; t < n; t++)
            differences[t - from] = history[s, t] - history[s, t - lag];
        Array.Sort(differences);
        return (IntervalCalibration.Quantile(differences, (1 - coverage) / 2), IntervalCalibration.Quantile(differences, (1 + coverage) / 2));
    }
}

/// <summary>
/// The simple reference a model must also beat: the mean of the last 28 days times the weekday profile of the last
/// 52 weeks (each weekday's mean over those weeks divided by their overall mean; fewer whole weeks if the history is
/// shorter). Point forecasts only.
/// </summary>
public sealed class RecentMeanWeekdayProfile : IForecastMethod
{
    public string Name => "mean28-x-profile";

    public WindowForecast Forecast(DailySeriesSet history, int horizon, CancellationToken cancellationToken = default)
    {
        var n = history.Days;
        if (n < 7)
            throw new ForecastInputException("The 28-day-mean × weekday-profile reference needs at least one week of counts.");
        var weeks = Math.Min(52, n / 7);
        var recent = Math.Min(28, n);
        var points = new float[history.Count][];
        for (var s = 0; s < history.Count; s++)
        {
            var mean28 = 0.0;
            for (var t = n - recent; t < n; t++)
                mean28 += history[s, t];
            mean28 /= recent;
            // byOffset[d]: the mean of the days n − 7 + d, n − 14 + d, … — the weekday of day h ahead is offset (h − 1) mod 7.
            var byOffset = new double[7];
            var overall = 0.0;
            for (var d = 0; d < 7; d++)
            {
                for (var w = 1; w <= weeks; w++)
                    byOffset[d] += history[s, n - 7 * w + d];
                byOffset[d] /= weeks;
                overall += byOffset[d] / 7;
            }
            points[s] = new float[horizon];
            for (var h = 1; h <= horizon; h++)
                points[s][h - 1] = (float)(overall > 0 ? mean28 * byOffset[(h - 1) % 7] / overall : mean28);
        }
        return new WindowForecast(points, null, null);
    }
}
