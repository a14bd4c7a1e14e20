namespace GuoduActors.Dashboard.Forecasting;

/// <summary>One day's forecast with its prediction interval (<see cref="ForecastOptions.Coverage"/>, 80 % by default).</summary>
public sealed record DailyForecast(DateOnly Date, float Point, float Lower, float Upper);

/// <summary>One week's total (<see cref="WeekStart"/> and the six days after it) with its prediction interval.</summary>
public sealed record WeeklyForecast(DateOnly WeekStart, float Point, float Lower, float Upper);

/// <summary>A series' forecast from <see cref="Origin"/>, the first day forecast (the day after the last count).</summary>
public sealed record SeriesForecast(SeriesKey Series, DateOnly Origin, IReadOnlyList<DailyForecast> Daily, IReadOnlyList<WeeklyForecast> Weekly);

/// <summary>
/// What a forecasting method returns for one backtest window: per series (in the order of the history's keys) the
/// point forecasts of the next days and, if the method has them, the interval bounds.
/// </summary>
public sealed record WindowForecast(float[][] Point, float[][]? Lower, float[][]? Upper);

/// <summary>A way to forecast, as the backtester sees it.</summary>
public interface IForecastMethod
{
    string Name { get; }

    /// <summary>Forecasts the <paramref name="horizon"/> days after <paramref name="history"/>'s last day, seeing nothing else.</summary>
    WindowForecast Forecast(DailySeriesSet history, int horizon, CancellationToken cancellationToken = default);
}
