namespace GuoduActors.Dashboard.Forecasting;

/// <summary>How the global model is trained and what it forecasts.</summary>
public sealed record ForecastOptions
{
    /// <summary>Days forecast daily.</summary>
    public int Horizon { get; init; } = 28;

    /// <summary>Weeks forecast as weekly totals (0 for none).</summary>
    public int Weeks { get; init; } = 8;

    /// <summary>The prediction interval's nominal coverage.</summary>
    public double Coverage { get; init; } = 0.8;

    /// <summary>
    /// Training examples to sample from all (series, origin, horizon) triples: bounds training time whatever the
    /// number of series, at a sampling rate of 100 % for small sets.
    /// </summary>
    public int TrainingExamples { get; init; } = 100_000;

    public int Iterations { get; init; } = 200;

    public int Leaves { get; init; } = 31;

    public double LearningRate { get; init; } = 0.05;

    public int MinExamplesPerLeaf { get; init; } = 50;

    public int Seed { get; init; } = 20240101;

    /// <summary>
    /// Out-of-sample forecasts scored to calibrate the interval, at most: above it a seeded sample of the series is
    /// scored. A whole roster (3 400 series × 16 origins × 56 days) would otherwise score 2.4 million forecasts, more
    /// than the two trainings take, for quantiles that 200 000 residuals already pin down.
    /// </summary>
    public int CalibrationForecasts { get; init; } = 200_000;
    /// <summary>Days between the origins whose residuals calibrate the interval.</summary>
    public int CalibrationOriginStride { get; init; } = 7;

    /// <summary>The longest horizon, in days, the model is trained for.</summary>
    public int MaxHorizon => Math.Max(Horizon, 7 * Weeks);
}
