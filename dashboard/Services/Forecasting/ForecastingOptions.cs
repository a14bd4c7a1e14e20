using System.ComponentModel.DataAnnotations;
using GuoduActors.Dashboard.Forecasting;

namespace GuoduActors.Dashboard.Services.Forecasting;

/// <summary>Section <c>Forecasting</c>: where the model is kept, when it is retrained and how much history it learns from.</summary>
public sealed class ForecastingOptions
{
    public const string Section = "Forecasting";

    /// <summary>
    /// The model file (its metadata and backtest are saved beside it). Relative paths are relative to the current
    /// directory, as the embedded Azurite's data is: <c>silo/data/forecast/</c> under <c>dotnet run --project silo</c>.
    /// </summary>
    [Required]
    public string ModelPath { get; set; } = Path.Combine("data", "forecast", "forecast.zip");

    /// <summary>The weekday of the scheduled retraining, China Standard Time.</summary>
    public DayOfWeek RetrainDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The time of day of the scheduled retraining, China Standard Time: after Monday's weekly reports, before the office opens.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan RetrainTime { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Days of daily counts a training reads, ending yesterday (the stations keep about 800).</summary>
    [Range(1, 800)]
    public int HistoryDays { get; set; } = 730;

    /// <summary>Rolling origins of the backtest that checks each new model (fewer when the history is short).</summary>
    [Range(1, 52)]
    public int BacktestOrigins { get; set; } = 8;

    /// <summary>Training examples sampled per model: bounds training time (see <see cref="ForecastOptions.TrainingExamples"/>).</summary>
    [Range(1_000, 1_000_000)]
    public int TrainingExamples { get; set; } = new ForecastOptions().TrainingExamples;

    /// <summary>Boosting iterations per model (see <see cref="ForecastOptions.Iterations"/>).</summary>
    [Range(10, 2_000)]
    public int Iterations { get; set; } = new ForecastOptions().Iterations;

    /// <summary>What the forecaster is trained with: 28 days daily and 8 weeks weekly, 80 % intervals.</summary>
    public ForecastOptions Forecaster => new() { TrainingExamples = TrainingExamples, Iterations = Iterations };
}
