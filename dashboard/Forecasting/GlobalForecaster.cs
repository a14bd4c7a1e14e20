using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace GuoduActors.Dashboard.Forecasting;

/// <summary>
/// One LightGBM regression model across all series (direct multi-horizon: the horizon is a feature, every day of
/// the window is predicted from the origin's information), with prediction intervals calibrated on the residuals of
/// an earlier model's out-of-sample forecasts. CPU-bound: call <see cref="TrainAsync"/> from a background service,
/// never from a grain.
/// </summary>
public sealed class GlobalForecaster(IForecastCalendar calendar, ForecastOptions? options = null, TimeProvider? time = null) : IForecastMethod
{
    private readonly ForecastOptions _options = options ?? new ForecastOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    // Models by training cutoff for the one data set last seen: a backtest's origin k reuses origin k − 2's model as
    // its calibration model, so 8 origins cost 10 trainings, not 16.
    private readonly Dictionary<(int Days, int MaxHorizon), Lazy<Fitted>> _cache = [];
    private readonly Lock _cacheLock = new();
    private DailySeriesSet? _cachedData;

    public string Name => "model";

    public ForecastOptions Options => _options;

    public IForecastCalendar Calendar => calendar;

    /// <summary>
    /// The days of counts a training needs: the calibration model's 2 × <see cref="ForecastOptions.MaxHorizon"/> held-out
    /// days, then the features' own history and one horizon of examples before them.
    /// </summary>
    public static int MinimumTrainingDays(ForecastOptions options) => 2 * options.MaxHorizon + ForecastFeatures.MinHistoryDays + options.MaxHorizon;

    /// <summary>Trains on a thread-pool thread: the caller's scheduler (a grain's, a circuit's) stays free.</summary>
    public Task<TrainedForecastModel> TrainAsync(DailySeriesSet history, CancellationToken cancellationToken = default) =>
        Task.Run(() => Train(history, cancellationToken), cancellationToken);

    /// <summary>
    /// Trains the model on every day of <paramref name="history"/> and calibrates its intervals: a second model,
    /// trained on all but the last 2 × <see cref="ForecastOptions.MaxHorizon"/> days, forecasts from weekly origins
    /// inside those days, and its standardised errors give the interval quantiles.
    /// </summary>
    public TrainedForecastModel Train(DailySeriesSet history, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var maxHorizon = _options.MaxHorizon;
        var needed = MinimumTrainingDays(_options);
        if (history.Days < needed)
            throw new ForecastInputException(
                $"Training needs at least {needed} days of counts for a {maxHorizon}-day horizon; the history has {history.Days}.");

        // The two models are independent: train them side by side.
        var main = Task.Run(() => FitCached(history, maxHorizon, cancellationToken), cancellationToken);
        var calibration = Calibrate(history, maxHorizon, cancellationToken);
        var (model, schema, examples) = main.GetAwaiter().GetResult();
        var info = new ForecastModelInfo(
            ForecastFeatures.Version, _time.GetUtcNow(), history.Start, history.End, _options.Horizon, _options.Weeks, calendar.Name,
            history.Count, examples, Math.Round(clock.Elapsed.TotalSeconds, 2), calibration, null);
        return new TrainedForecastModel(new MLContext(_options.Seed), model, schema, info, calendar);
    }

    /// <summary>The backtester's entry: a model trained for this window's horizon on this history alone.</summary>
    public WindowForecast Forecast(DailySeriesSet history, int horizon, CancellationToken cancellationToken = default)
    {
        var model = ForHorizon(horizon).Train(history, cancellationToken);
        var points = model.PredictPoints(history, horizon);
        var scales = model.NoiseScales(history);
        var lower = new float[points.Length][];
        var upper = new float[points.Length][];
        for (var s = 0; s < points.Length; s++)
        {
            lower[s] = new float[horizon];
            upper[s] = new float[horizon];
            for (var h = 0; h < horizon; h++)
                (lower[s][h], upper[s][h]) = model.Info.Calibration.DailyInterval(h + 1, points[s][h], scales[s]);
        }
        return new WindowForecast(points, lower, upper);
    }

    // The backtester asks for the same horizon at every origin: one forecaster for it keeps its models cached.
    private GlobalForecaster ForHorizon(int horizon)
    {
        if (_options.Horizon == horizon && _options.Weeks == 0)
            return this;
        lock (_cacheLock)
        {
            if (_sibling is not { } sibling || sibling._options.Horizon != horizon)
                _sibling = sibling = new GlobalForecaster(calendar, _options with { Horizon = horizon, Weeks = 0 }, _time);
            return sibling;
        }
    }

    private GlobalForecaster? _sibling;

    private IntervalCalibration Calibrate(DailySeriesSet history, int maxHorizon, CancellationToken cancellationToken)
    {
        var cutoff = history.Days - 2 * maxHorizon;
        var earlier = history.Before(history.Start.AddDays(cutoff));
        var model = FitCached(earlier, maxHorizon, cancellationToken).Model;

        // Origins from the earlier model's cutoff to the end of the history: every forecast made there is out of sample.
        var frame = new FeatureFrame(history, calendar, maxHorizon);
        var requests = new List<(int Series, int Origin, int Horizon)>();
        var calibrated = CalibrationSeries(history, cutoff, maxHorizon);
        for (var origin = cutoff; origin < history.Days; origin += _options.CalibrationOriginStride)
        {
            foreach (var s in calibrated)
            {
                for (var h = 1; h <= maxHorizon && origin + h - 1 < history.Days; h++)
                    requests.Add((s, origin, h));
            }
        }
        var points = TrainedForecastModel.Score(new MLContext(_options.Seed), model, frame, requests);
        var daily = new List<Residual>(requests.Count);
        var weekly = new List<Residual>();
        var weekSums = new Dictionary<(int Series, int Origin, int Week), (float Point, float Actual, int Days, float Scale)>();
        var scales = new Dictionary<(int Series, int Origin), float>();
        for (var i = 0; i < requests.Count; i++)
        {
            var (s, origin, h) = requests[i];
            if (!scales.TryGetValue((s, origin), out var scale))
                scales[(s, origin)] = scale = frame.NoiseScale(s, origin);
            var actual = history[s, origin + h - 1];
            daily.Add(new Residual(h, points[i], actual, scale));
            var key = (s, origin, (h - 1) / 7 + 1);
            var sum = weekSums.GetValueOrDefault(key);
            weekSums[key] = (sum.Point + points[i], sum.Actual + actual, sum.Days + 1, scale);
        }
        foreach (var ((_, _, week), sum) in weekSums)
        {
            if (sum.Days == 7)
                weekly.Add(new Residual(week, sum.Point, sum.Actual, sum.Scale));
        }
        return IntervalCalibration.Fit(_options.Coverage, daily, weekly);
    }

    /// <summary>
    /// Every series, or, when scoring all would exceed <see cref="ForecastOptions.CalibrationForecasts"/>, every k-th
    /// series in order of volume: busy and quiet series keep their shares in the size groups the calibration is fitted
    /// per, and the busiest (the sub-district total) is always among them.
    /// </summary>
    private IReadOnlyList<int> CalibrationSeries(DailySeriesSet history, int cutoff, int maxHorizon)
    {
        long perSeries = 0;
        for (var origin = cutoff; origin < history.Days; origin += _options.CalibrationOriginStride)
            perSeries += Math.Min(maxHorizon, history.Days - origin);
        var wanted = (int)Math.Clamp(_options.CalibrationForecasts / Math.Max(1, perSeries), 1, history.Count);
        if (wanted == history.Count)
            return Enumerable.Range(0, history.Count).ToArray();
        var byVolume = Enumerable.Range(0, history.Count)
            .OrderByDescending(s => Enumerable.Range(0, history.Days).Sum(d => (double)history[s, d]))
            .ToArray();
        var step = (double)history.Count / wanted;
        return Enumerable.Range(0, wanted).Select(i => byVolume[(int)(i * step)]).Order().ToArray();
    }

    private Fitted FitCached(DailySeriesSet history, int maxHorizon, CancellationToken cancellationToken)
    {
        Lazy<Fitted> lazy;
        lock (_cacheLock)
        {
            // Models are reused only for views of the same stored counts: the same day count then means the same data.
            if (_cachedData is null || !_cachedData.SameData(history))
            {
                _cachedData = history;
                _cache.Clear();
            }
            var key = (history.Days, maxHorizon);
            if (!_cache.TryGetValue(key, out lazy!))
                _cache[key] = lazy = new Lazy<Fitted>(() => Fit(history, maxHorizon, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        }
        return lazy.Value;
    }

    private Fitted Fit(DailySeriesSet history, int maxHorizon, CancellationToken cancellationToken)
    {
        var frame = new FeatureFrame(history, calendar, maxHorizon);
        var rows = SampleExamples(frame, maxHorizon, cancellationToken);
        var ml = new MLContext(_options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(
            [
                new InputOutputColumnPair("SeriesId", nameof(FeatureRow.Series)),
                new InputOutputColumnPair("StationId", nameof(FeatureRow.Station)),
                new InputOutputColumnPair("CategoryId", nameof(FeatureRow.Category)),
            ])
            .Append(ml.Transforms.Concatenate("Features", nameof(FeatureRow.Numeric), "SeriesId", "StationId", "CategoryId"))
            .Append(ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = nameof(FeatureRow.Label),
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(FeatureRow.Weight),
                NumberOfIterations = _options.Iterations,
                NumberOfLeaves = _options.Leaves,
                LearningRate = _options.LearningRate,
                MinimumExampleCountPerLeaf = _options.MinExamplesPerLeaf,
                UseCategoricalSplit = true,
                // One thread per model: LightGBM's OpenMP threads spin at every barrier and stall when the
                // machine is busy (a 20k-example fit took 30 s instead of 1 s on a loaded 2-core box). Models that
                // are independent — a backtest's origins, the calibration model — are trained in parallel instead.
                NumberOfThreads = 1,
                Seed = _options.Seed,
                Booster = new GradientBooster.Options { FeatureFraction = 0.8, SubsampleFraction = 0.8, SubsampleFrequency = 1, L2Regularization = 1 },
                Verbose = false,
                Silent = true,
            }));
        cancellationToken.ThrowIfCancellationRequested();
        var model = pipeline.Fit(data);
        return new Fitted(model, data.Schema, rows.Count);
    }

    private List<FeatureRow> SampleExamples(FeatureFrame frame, int maxHorizon, CancellationToken cancellationToken)
    {
        var history = frame.Set;
        var n = history.Days;
        long candidates = 0;
        for (var h = 1; h <= maxHorizon; h++)
            candidates += Math.Max(0, n - h - ForecastFeatures.MinHistoryDays + 1);
        candidates *= history.Count;
        var rate = Math.Min(1.0, (double)_options.TrainingExamples / Math.Max(1, candidates));

        var random = new Random(_options.Seed);
        var rows = new List<FeatureRow>((int)Math.Min(candidates, _options.TrainingExamples * 11L / 10));
        for (var s = 0; s < history.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = history.Keys[s];
            for (var origin = ForecastFeatures.MinHistoryDays; origin < n; origin++)
            {
                var level = frame.Level(s, origin);
                for (var h = 1; h <= maxHorizon && origin + h - 1 < n; h++)
                {
                    if (rate < 1 && random.NextDouble() >= rate)
                        continue;
                    var row = FeatureRow.For(key);
                    frame.Fill(s, origin, h, row.Numeric);
                    row.Label = history[s, origin + h - 1] / level;
                    // Weighted by level, the squared error of the ratio counts for a busy series as for a quiet one
                    // in proportion to its counts: closer to the pooled absolute error the backtest reports.
                    row.Weight = level;
                    rows.Add(row);
                }
            }
        }
        return rows;
    }
}

internal sealed record Fitted(ITransformer Model, DataViewSchema Schema, int Examples);

/// <summary>One example as ML.NET reads it: the numeric features, the series identity (one-hot encoded by the pipeline), label and weight.</summary>
internal sealed class FeatureRow
{
    [VectorType(ForecastFeatures.Count)]
    public float[] Numeric { get; set; } = [];

    public string Series { get; set; } = "";

    public string Station { get; set; } = "";

    public string Category { get; set; } = "";

    public float Label { get; set; }

    public float Weight { get; set; } = 1;

    public static FeatureRow For(SeriesKey key) =>
        new() { Numeric = new float[ForecastFeatures.Count], Series = key.Name, Station = key.Station, Category = key.Category };
}
