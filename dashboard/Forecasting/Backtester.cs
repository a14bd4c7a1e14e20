using System.Diagnostics;

namespace GuoduActors.Dashboard.Forecasting;

/// <summary>A method's accuracy on one series (or pooled over all). Null where a figure is undefined or not computed.</summary>
/// <param name="Mae">Mean absolute error over every forecast day of every window.</param>
/// <param name="Mase">Mean of |error| / in-sample seasonal-naive (lag 7) MAE of the history before that window's origin (Hyndman's MASE).</param>
/// <param name="Coverage80">Share of actual counts inside the prediction interval.</param>
/// <param name="RelMae">This MAE divided by seasonal-naive's MAE over the same days (below 1 beats it).</param>
public sealed record MethodAccuracy(double Mae, double? Mase, double? Coverage80, double? RelMae);

/// <summary>The backtest figures of one series, or of all pooled (<see cref="Series"/> = <c>overall</c>).</summary>
public sealed record SeriesAccuracy(
    string Series,
    int Points,
    double Mae,
    double? Mase,
    double? Coverage80,
    double? RelMae,
    MethodAccuracy SeasonalNaive,
    MethodAccuracy Reference);

/// <summary>The overall figures a saved model carries in its sidecar file.</summary>
public sealed record BacktestSummary(int Horizon, int Origins, DateOnly FirstOrigin, DateOnly LastOrigin, double Mae, double? RelMae, double? Mase, double? Coverage80, double? ReferenceRelMae);

/// <summary>A rolling-origin backtest: per series and pooled, the model against seasonal-naive and the 28-day-mean × weekday-profile reference.</summary>
public sealed record BacktestReport(
    int Horizon,
    IReadOnlyList<DateOnly> Origins,
    IReadOnlyList<SeriesAccuracy> Series,
    SeriesAccuracy Overall,
    double Seconds)
{
    public BacktestSummary Summary => new(Horizon, Origins.Count, Origins[0], Origins[^1], Overall.Mae, Overall.RelMae, Overall.Mase, Overall.Coverage80, Overall.Reference.RelMae);
}

/// <summary>
/// Rolling-origin evaluation. The origins are the last <c>origins</c> starts of back-to-back windows of
/// <c>horizon</c> days ending on the last day of the data: origin k (1 = latest) is <c>End + 1 − k·horizon</c>.
/// At each origin every method receives only the days before it (<see cref="DailySeriesSet.Before"/>) and forecasts
/// the window; the window's actual counts are used for scoring alone. "Overall" pools the absolute errors of all
/// series and windows before dividing, so busy series weigh more.
/// </summary>
public static class Backtester
{
    public const string OverallName = "overall";

    /// <summary>The origins of a backtest over <paramref name="data"/>, earliest first.</summary>
    public static IReadOnlyList<DateOnly> Origins(DailySeriesSet data, int horizon, int origins)
    {
        if (horizon < 1)
            throw new ForecastInputException($"The horizon must be at least 1 day; got {horizon}.");
        if (origins < 1)
            throw new ForecastInputException($"A backtest needs at least 1 origin; got {origins}.");
        var first = data.End.AddDays(1 - origins * horizon);
        var before = data.DayIndex(first);
        if (before < 7)
            throw new ForecastInputException(
                $"{origins} windows of {horizon} days leave {Math.Max(0, before)} days of history before the first origin; give a longer file or fewer origins.");
        return [.. Enumerable.Range(0, origins).Select(k => first.AddDays(k * horizon))];
    }

    public static BacktestReport Run(DailySeriesSet data, IForecastMethod model, int horizon, int origins, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var dates = Origins(data, horizon, origins);
        IForecastMethod[] methods = [model, new SeasonalNaive(), new RecentMeanWeekdayProfile()];
        var tallies = new Tally[methods.Length, data.Count + 1];
        for (var m = 0; m < methods.Length; m++)
        {
            for (var s = 0; s <= data.Count; s++)
                tallies[m, s] = new Tally();
        }

        // The windows are independent: forecast them on all cores (each model trains on one), then score in order.
        var forecasts = new WindowForecast[dates.Count, methods.Length];
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(Environment.ProcessorCount, dates.Count)).Select(_ => Task.Run(() =>
        {
            for (var k = Interlocked.Increment(ref next); k < dates.Count; k = Interlocked.Increment(ref next))
            {
                var history = data.Before(dates[k]);
                for (var m = 0; m < methods.Length; m++)
                    forecasts[k, m] = methods[m].Forecast(history, horizon, cancellationToken);
            }
        }, cancellationToken)).ToArray();
        Task.WaitAll(workers, cancellationToken);

        for (var k = 0; k < dates.Count; k++)
        {
            var history = data.Before(dates[k]);
            var o = history.Days;
            var scales = new double[data.Count];
            for (var s = 0; s < data.Count; s++)
                scales[s] = SeasonalNaiveScale(history, s);
            for (var m = 0; m < methods.Length; m++)
            {
                var forecast = forecasts[k, m];
                for (var s = 0; s < data.Count; s++)
                {
                    for (var h = 0; h < horizon; h++)
                    {
                        var actual = data[s, o + h];
                        double? lower = forecast.Lower?[s][h], upper = forecast.Upper?[s][h];
                        tallies[m, s].Add(actual, forecast.Point[s][h], lower, upper, scales[s]);
                        tallies[m, data.Count].Add(actual, forecast.Point[s][h], lower, upper, scales[s]);
                    }
                }
            }
        }

        var rows = new List<SeriesAccuracy>(data.Count + 1);
        for (var s = 0; s <= data.Count; s++)
        {
            var (modelTally, naive, reference) = (tallies[0, s], tallies[1, s], tallies[2, s]);
            rows.Add(new SeriesAccuracy(
                s < data.Count ? data.Keys[s].Name : OverallName,
                modelTally.Points,
                modelTally.Mae,
                modelTally.Mase,
                modelTally.Coverage,
                modelTally.RelativeTo(naive),
                new MethodAccuracy(naive.Mae, naive.Mase, naive.Coverage, naive.RelativeTo(naive)),
                new MethodAccuracy(reference.Mae, reference.Mase, reference.Coverage, reference.RelativeTo(naive))));
        }
        return new BacktestReport(horizon, dates, rows[..^1], rows[^1], Math.Round(clock.Elapsed.TotalSeconds, 2));
    }

    /// <summary>The in-sample MAE of seasonal-naive (lag 7) over the whole history: MASE's denominator. 0 if undefined.</summary>
    public static double SeasonalNaiveScale(DailySeriesSet history, int s)
    {
        if (history.Days <= 7)
            return 0;
        var sum = 0.0;
        for (var t = 7; t < history.Days; t++)
            sum += Math.Abs(history[s, t] - history[s, t - 7]);
        return sum / (history.Days - 7);
    }

    private sealed class Tally
    {
        private double _absolute, _scaled;
        private int _scaledPoints, _intervals, _covered;

        public int Points { get; private set; }

        public double Mae => Points == 0 ? double.NaN : _absolute / Points;

        public double? Mase => _scaledPoints == 0 ? null : _scaled / _scaledPoints;

        public double? Coverage => _intervals == 0 ? null : (double)_covered / _intervals;

        public double? RelativeTo(Tally baseline) => baseline._absolute > 0 ? _absolute / baseline._absolute : null;

        public void Add(double actual, double point, double? lower, double? upper, double scale)
        {
            var error = Math.Abs(actual - point);
            _absolute += error;
            Points++;
            // A series constant in its history has no seasonal-naive error to scale by: MASE leaves it out.
            if (scale > 0)
            {
                _scaled += error / scale;
                _scaledPoints++;
            }
            if (lower is { } lo && upper is { } hi && !double.IsNaN(lo) && !double.IsNaN(hi))
            {
                _intervals++;
                if (lo <= actual && actual <= hi)
                    _covered++;
            }
        }
    }
}
