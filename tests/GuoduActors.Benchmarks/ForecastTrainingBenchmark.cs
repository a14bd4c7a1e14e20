using System.Diagnostics;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Grains.Simulation;
using GuoduActors.Grains.Sla;
using GuoduActors.Silo.Forecasting;
using GuoduActors.Silo.Roster;

namespace GuoduActors.Benchmarks;

/// <summary>
/// Seconds to backtest and train the global forecaster on two years of simulated history for the whole roster (every
/// station × category, with station and sub-district totals), as <c>silo forecast train</c> does it; the baseline in
/// the same run is the same backtest with seasonal-naive in the model's place.
/// </summary>
public static class ForecastTrainingBenchmark
{
    public const string Name = "forecast";

    public static Task<BenchmarkReport> RunAsync(BenchmarkArgs args)
    {
        var days = args.Int("days", args.Quick ? 400 : 730, 200, HistoryGenerator.MaxDays);
        var origins = args.Int("origins", args.Quick ? 2 : 8, 1, 52);
        var report = new BenchmarkReport(Name, "Forecast training: backtest and train on two years of simulated history", args.CommandLine);
        var clock = Stopwatch.StartNew();

        var calendars = HolidayCalendar.Load(Path.Combine(Repo.Root, "silo", "calendars"));
        var policy = new SlaPolicy(CatalogueFile.Load(Path.Combine(Repo.Root, "silo", "catalogue.json")), calendars);
        var roster = RosterFile.Load(Repo.ShippedRosterPath);
        var plan = HistoryGenerator.PlanEndingOn(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero), days, seed: 2026, dailyTicketsPerStation: 3.5);
        var watch = Stopwatch.StartNew();
        var history = new HistoryGenerator(roster, policy).Generate(plan);
        report.Figure("generateSeconds", "Generating the simulated history", watch.Elapsed.TotalSeconds, "s");

        // The 71 stations' own counts: the Small Affairs Office (keyed by the sub-district's id) resolves only escalated
        // matters, and its id would collide with the sub-district total's series.
        var stationIds = roster.Stations.Where(s => s.Level != StationLevel.Office).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var counts = history.DailyCounts.Where(station => stationIds.Contains(station.Key)).SelectMany(station => station.Value.Select(c => new StationCategoryCount(station.Key, c.CategoryCode, c.Day, c.Received))).ToList();
        var (from, to) = (counts.Min(c => c.Day), counts.Max(c => c.Day));
        var set = ForecastHierarchy.Build(roster.SubDistrict.Id, counts, from, to);
        report.Parameters["history"] = $"{history.Tickets.Count:N0} simulated tickets, {from:yyyy-MM-dd}..{to:yyyy-MM-dd} ({set.Days} days)";
        report.Parameters["series"] = $"{set.Count:N0} (station × category, station totals, sub-district total)";
        report.Parameters["backtest"] = $"{origins} origins × 28-day horizon";
        var forecaster = new GlobalForecaster(new ChinaForecastCalendar(calendars));

        watch.Restart();
        var baseline = Backtester.Run(set, new SeasonalNaive(), forecaster.Options.Horizon, origins);
        var baselineSeconds = watch.Elapsed.TotalSeconds;
        report.Figure("seasonalNaiveBacktestSeconds", "Baseline: the same backtest with seasonal-naive as the model", baselineSeconds, "s");

        watch.Restart();
        var backtest = Backtester.Run(set, forecaster, forecaster.Options.Horizon, origins);
        var backtestSeconds = watch.Elapsed.TotalSeconds;
        report.Figure("backtestSeconds", "Backtest of the global model (one training per origin)", backtestSeconds, "s");

        watch.Restart();
        var model = forecaster.Train(set);
        var trainSeconds = watch.Elapsed.TotalSeconds;
        report.Figure("trainSeconds", $"Training the global model on all {set.Days} days ({model.Info.TrainingExamples:N0} sampled examples)", trainSeconds, "s");
        report.Figure("trainAndBacktestSeconds", "Backtest plus training: what `forecast train` takes", backtestSeconds + trainSeconds, "s");

        report.Ratio("trainAndBacktestOverSeasonalNaive", "Backtest + training ÷ seasonal-naive backtest (seconds)", backtestSeconds + trainSeconds, baselineSeconds);
        if (backtest.Overall.RelMae is not null)
            report.Ratio("modelMaeOverSeasonalNaive", "Accuracy: the model's MAE ÷ seasonal-naive's MAE over the same windows (below 1 is better)",
                backtest.Overall.Mae, baseline.Overall.Mae, "< 1", atMost: 1);
        else
            report.Problems.Add("The backtest gave no relative MAE.");
        report.Notes.Add($"{Environment.ProcessorCount} processor(s): the backtest forecasts its windows in parallel; training one model uses ML.NET's own threads.");
        report.Notes.Add("The history is simulated (grains/GuoduActors.Grains/Simulation), not measured: the timing is what matters here; the accuracy figure only shows that the model learned something.");
        report.Finish(clock.Elapsed);
        return Task.FromResult(report);
    }
}
