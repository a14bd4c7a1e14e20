using Microsoft.ML;
using Microsoft.ML.Data;

namespace GuoduActors.Dashboard.Forecasting;

/// <summary>
/// What a saved model was trained on and how good it was; stored beside the model file as JSON.
/// <see cref="FeatureVersion"/> is the <see cref="ForecastFeatures.Version"/> it was trained with; the training window
/// is <see cref="FirstDay"/>–<see cref="LastDay"/> (forecasts start the day after); <see cref="Calibration"/> holds the
/// interval quantiles and <see cref="Backtest"/> the overall backtest figures, when one was run before saving.
/// </summary>
public sealed record ForecastModelInfo(
    int FeatureVersion,
    DateTimeOffset TrainedAt,
    DateOnly FirstDay,
    DateOnly LastDay,
    int Horizon,
    int Weeks,
    string Calendar,
    int SeriesCount,
    int TrainingExamples,
    double TrainingSeconds,
    IntervalCalibration Calibration,
    BacktestSummary? Backtest);

/// <summary>A trained global model: forecasts any series set laid out like the one it was trained on.</summary>
public sealed class TrainedForecastModel
{
    private readonly MLContext _ml;
    private readonly IForecastCalendar _calendar;

    internal TrainedForecastModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, ForecastModelInfo info, IForecastCalendar calendar)
    {
        _ml = ml;
        _calendar = calendar;
        Transformer = transformer;
        InputSchema = inputSchema;
        Info = info;
    }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    public ForecastModelInfo Info { get; private set; }

    /// <summary>Records the backtest the model was checked with, for the sidecar file.</summary>
    public TrainedForecastModel WithBacktest(BacktestSummary backtest)
    {
        Info = Info with { Backtest = backtest };
        return this;
    }

    /// <summary>
    /// Forecasts each series of <paramref name="history"/> from the day after its last day: <c>Info.Horizon</c>
    /// days and <c>Info.Weeks</c> weekly totals, each with its prediction interval. Thread-safe: one batch transform, no prediction engine.
    /// </summary>
    public IReadOnlyList<SeriesForecast> Forecast(DailySeriesSet history)
    {
        var days = Math.Max(Info.Horizon, 7 * Info.Weeks);
        var points = PredictPoints(history, days);
        var scales = NoiseScales(history);
        var origin = history.End.AddDays(1);
        var forecasts = new List<SeriesForecast>(history.Count);
        for (var s = 0; s < history.Count; s++)
        {
            var daily = new List<DailyForecast>(Info.Horizon);
            for (var h = 1; h <= Info.Horizon; h++)
            {
                var (lower, upper) = Info.Calibration.DailyInterval(h, points[s][h - 1], scales[s]);
                daily.Add(new DailyForecast(origin.AddDays(h - 1), points[s][h - 1], lower, upper));
            }
            var weekly = new List<WeeklyForecast>(Info.Weeks);
            for (var w = 1; w <= Info.Weeks; w++)
            {
                var sum = 0f;
                for (var d = 0; d < 7; d++)
                    sum += points[s][7 * (w - 1) + d];
                var (lower, upper) = Info.Calibration.WeeklyInterval(w, sum, scales[s]);
                weekly.Add(new WeeklyForecast(origin.AddDays(7 * (w - 1)), sum, lower, upper));
            }
            forecasts.Add(new SeriesForecast(history.Keys[s], origin, daily, weekly));
        }
        return forecasts;
    }

    /// <summary>Each series' noise scale at the day after the history, which sizes its intervals.</summary>
    public float[] NoiseScales(DailySeriesSet history)
    {
        var frame = new FeatureFrame(history, _calendar, 1);
        return [.. Enumerable.Range(0, history.Count).Select(s => frame.NoiseScale(s, history.Days))];
    }

    /// <summary>Point forecasts of the <paramref name="horizon"/> days after the history, per series.</summary>
    public float[][] PredictPoints(DailySeriesSet history, int horizon)
    {
        if (history.Days < 1)
            throw new ForecastInputException("Forecasting needs at least one day of counts.");
        var frame = new FeatureFrame(history, _calendar, horizon);
        var requests = new List<(int, int, int)>(history.Count * horizon);
        for (var s = 0; s < history.Count; s++)
        {
            for (var h = 1; h <= horizon; h++)
                requests.Add((s, history.Days, h));
        }
        var flat = Score(_ml, Transformer, frame, requests);
        var points = new float[history.Count][];
        for (var s = 0; s < history.Count; s++)
            points[s] = flat[(s * horizon)..((s + 1) * horizon)];
        return points;
    }

    /// <summary>Scores a batch of (series, origin, horizon) requests in one transform and scales them back to counts.</summary>
    internal static float[] Score(MLContext ml, ITransformer transformer, FeatureFrame frame, IReadOnlyList<(int Series, int Origin, int Horizon)> requests)
    {
        var rows = new FeatureRow[requests.Count];
        var levels = new float[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var (s, origin, h) = requests[i];
            var row = FeatureRow.For(frame.Set.Keys[s]);
            frame.Fill(s, origin, h, row.Numeric);
            rows[i] = row;
            levels[i] = frame.Level(s, origin);
        }
        var scored = transformer.Transform(ml.Data.LoadFromEnumerable(rows));
        var scores = scored.GetColumn<float>("Score").ToArray();
        var points = new float[scores.Length];
        for (var i = 0; i < scores.Length; i++)
            points[i] = Math.Max(0, scores[i] * levels[i]);
        return points;
    }
}
