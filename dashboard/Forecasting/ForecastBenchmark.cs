using System.Diagnostics;

namespace GuoduActors.Dashboard.Forecasting;

/// <summary>How long training takes on a sub-district-shaped set of synthetic series.</summary>
public sealed record ForecastBenchmarkResult(int Series, int Days, int TrainingExamples, double TrainingSeconds, double ForecastSeconds)
{
    public override string ToString() =>
        $"Trained the global model (with its interval-calibration model) on {Series} series × {Days} days " +
        $"({TrainingExamples} sampled examples) in {TrainingSeconds:0.0} s; forecast {Series} series × 28 days + 8 weeks in {ForecastSeconds:0.00} s.";
}

public static class ForecastBenchmark
{
    /// <summary>
    /// Synthetic counts shaped like the sub-district (stations × categories, plus station and sub-district totals),
    /// then one full training as the scheduled retraining does it, timed with a stopwatch.
    /// </summary>
    public static ForecastBenchmarkResult Run(int stations, int categories, int days, IForecastCalendar calendar, ForecastOptions? options = null)
    {
        var end = new DateOnly(2025, 12, 31);
        var start = end.AddDays(1 - days);
        var set = ForecastHierarchy.Build("guodu", SyntheticCounts.Generate(stations, categories, start, end, seed: 42), start, end);
        var forecaster = new GlobalForecaster(calendar, options);
        var clock = Stopwatch.StartNew();
        var model = forecaster.Train(set);
        var training = clock.Elapsed.TotalSeconds;
        clock.Restart();
        model.Forecast(set);
        return new ForecastBenchmarkResult(set.Count, set.Days, model.Info.TrainingExamples, Math.Round(training, 2), Math.Round(clock.Elapsed.TotalSeconds, 2));
    }
}

/// <summary>Reproducible Poisson counts with a weekly and a yearly cycle, for benchmarks and tests.</summary>
public static class SyntheticCounts
{
    public static IEnumerable<StationCategoryCount> Generate(int stations, int categories, DateOnly start, DateOnly end, int seed)
    {
        var random = new Random(seed);
        for (var s = 0; s < stations; s++)
        {
            var stationRate = 0.5 + 3 * random.NextDouble();
            for (var c = 0; c < categories; c++)
            {
                var rate = stationRate * Math.Exp(-0.3 * c);
                for (var day = start; day <= end; day = day.AddDays(1))
                {
                    var weekly = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.5 : 1.1;
                    var yearly = 1 + 0.3 * Math.Sin(2 * Math.PI * day.DayOfYear / 365.25);
                    var count = Poisson(random, rate * weekly * yearly);
                    if (count > 0)
                        yield return new StationCategoryCount($"S{s + 1:00}", $"c{c + 1:00}", day, count);
                }
            }
        }
    }

    /// <summary>Knuth's method: fine for the small rates of a station's category.</summary>
    public static int Poisson(Random random, double rate)
    {
        var limit = Math.Exp(-rate);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }
        return count;
    }
}
