using GuoduActors.Dashboard.Forecasting;

namespace GuoduActors.Dashboard.Services.Forecasting;

/// <summary>What the planner page reads: the current model, its accuracy and forecasts, and the state of training.</summary>
public interface IPlannerForecasts
{
    /// <summary>The latest state; replaced as a whole, never changed in place.</summary>
    ForecastSnapshot Current { get; }

    /// <summary>Raised (on a background thread) whenever <see cref="Current"/> is replaced.</summary>
    event Action? Changed;

    /// <summary>Starts a training in the background now; <c>false</c> when one is already running (one at a time).</summary>
    bool RequestRetrain();
}

/// <summary>One series as the planner sees it: its recent daily counts, its forecast and its backtest accuracy.</summary>
/// <param name="Key">The series: a station or the sub-district, with a category or all.</param>
/// <param name="RecentStart">The first day of <paramref name="Recent"/>.</param>
/// <param name="Recent">The daily counts of the last weeks before the forecast origin.</param>
/// <param name="Forecast">28 days daily and 8 weeks weekly from the day after the last count, with 80 % intervals.</param>
/// <param name="Accuracy">The series' backtest figures; null when the series was not in the backtest (new since).</param>
public sealed record SeriesView(SeriesKey Key, DateOnly RecentStart, IReadOnlyList<float> Recent, SeriesForecast Forecast, SeriesAccuracy? Accuracy);

/// <summary>A training that did not produce a model, and why (the previous model, if any, stays in use).</summary>
public sealed record TrainingFailure(DateTimeOffset At, string Message);

/// <summary>Too little history to train: <paramref name="Days"/> days since the first count (0: none at all), <paramref name="DaysNeeded"/> needed.</summary>
public sealed record HistoryShortfall(DateTimeOffset At, int Days, int DaysNeeded);

/// <summary>
/// The forecasting service's state at one moment. <see cref="Model"/> says when the model in use was trained and on which
/// window; <see cref="Series"/> holds its forecasts by series name (<see cref="ForecastHierarchy.SeriesName"/>) from
/// <see cref="ForecastedAt"/>. <see cref="TrainingSince"/> is set while a training runs; <see cref="Failure"/> and
/// <see cref="Shortfall"/> tell what became of the last training that did not succeed.
/// </summary>
public sealed record ForecastSnapshot
{
    public static readonly ForecastSnapshot Empty = new();

    public ForecastModelInfo? Model { get; init; }

    public BacktestReport? Backtest { get; init; }

    public string SubDistrictId { get; init; } = "";

    public IReadOnlyDictionary<string, SeriesView> Series { get; init; } = new Dictionary<string, SeriesView>(StringComparer.Ordinal);

    public DateTimeOffset? ForecastedAt { get; init; }

    public DateTimeOffset? TrainingSince { get; init; }

    public TrainingFailure? Failure { get; init; }

    public HistoryShortfall? Shortfall { get; init; }

    /// <summary>The first training waits while a simulated history is being seeded.</summary>
    public bool WaitingForSeeding { get; init; }

    /// <summary>Whether the service has finished its start (loaded a model or tried to train one).</summary>
    public bool Started { get; init; }

    public bool IsTraining => TrainingSince is not null;

    public bool HasForecasts => Model is not null && Series.Count > 0;

    /// <summary>The series of a station (or the sub-district id) and a category (or <see cref="ForecastHierarchy.AllCategories"/>), if it has one.</summary>
    public SeriesView? Find(string stationId, string categoryCode) =>
        Series.GetValueOrDefault(ForecastHierarchy.SeriesName(stationId, categoryCode));
}
