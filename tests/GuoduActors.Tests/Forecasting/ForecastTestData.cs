using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Silo.Forecasting;
using GuoduActors.Tests.Sla;

namespace GuoduActors.Tests.Forecasting;

/// <summary>Small series sets and quick model options for the forecasting tests.</summary>
internal static class ForecastTestData
{
    public static readonly ChinaForecastCalendar China = new(SlaTestData.Holidays);

    /// <summary>Few examples and trees: seconds to train, enough to exercise every path.</summary>
    public static readonly ForecastOptions QuickOptions = new() { Horizon = 14, Weeks = 2, TrainingExamples = 8_000, Iterations = 40 };

    public static DailySeriesSet Set(DateOnly start, params (string Name, float[] Values)[] series) =>
        new(start, [.. series.Select(s => SeriesKey.Named(s.Name))], [.. series.Select(s => s.Values)]);

    /// <summary>Two reproducible Poisson series with a weekday cycle: busy on working days, quiet at weekends.</summary>
    public static DailySeriesSet Synthetic(DateOnly start, int days, int seed = 7)
    {
        var random = new Random(seed);
        float[] Series(double rate) => [.. Enumerable.Range(0, days).Select(d =>
        {
            var weekend = start.AddDays(d).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            return (float)SyntheticCounts.Poisson(random, weekend ? rate / 3 : rate);
        })];
        return Set(start, ("busy", Series(12)), ("quiet", Series(2)));
    }

    /// <summary>A copy of <paramref name="set"/> whose counts from <paramref name="from"/> on are replaced by <paramref name="value"/>.</summary>
    public static DailySeriesSet WithFutureChanged(DailySeriesSet set, DateOnly from, float value) =>
        new(set.Start, set.Keys, [.. Enumerable.Range(0, set.Count).Select(s =>
        {
            var values = set.Values(s);
            for (var d = Math.Max(0, set.DayIndex(from)); d < values.Length; d++)
                values[d] = value;
            return values;
        })]);

    public static string WriteCsv(string folder, DailySeriesSet set)
    {
        var path = Path.Combine(folder, "counts.csv");
        using var writer = new StreamWriter(path);
        writer.WriteLine(DailyCountsCsv.Header);
        for (var d = 0; d < set.Days; d++)
        {
            for (var s = 0; s < set.Count; s++)
                writer.WriteLine($"{set.Start.AddDays(d):yyyy-MM-dd},{set.Keys[s].Name},{set[s, d]}");
        }
        return path;
    }
}

/// <summary>A temporary folder deleted with the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("guodu-forecast-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
