using System.Globalization;
using System.Text;
using GuoduActors.Benchmarks;

// dotnet run -c Release --project tests/GuoduActors.Benchmarks -- all [--quick] [--out artifacts/benchmarks]
// or one of: intake, escalation, freshness, forecast (each with its options), or the single-station sweep.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

(string Name, string[] Options, Func<BenchmarkArgs, Task<BenchmarkReport>> Run)[] benchmarks =
[
    (IntakeBenchmark.Name, ["tickets", "concurrency"], IntakeBenchmark.RunAsync),
    (SweepBenchmark.ScaleName, ["open", "hours", "step"], SweepBenchmark.RunAtScaleAsync),
    (FreshnessBenchmark.Name, ["rate", "seconds", "rest"], FreshnessBenchmark.RunAsync),
    (ForecastTrainingBenchmark.Name, ["days", "origins"], ForecastTrainingBenchmark.RunAsync),
];
var usage = "Usage: all [--quick] [--out FOLDER] | " + string.Join(" | ", benchmarks.Select(b => $"{b.Name} {string.Join(' ', b.Options.Select(o => $"[--{o} N]"))} [--quick] [--out FOLDER]"))
    + " | sweep [--open 100000] [--overdue 1000] [--repeat 200] [--out FILE]";

if (args is ["sweep", .. var sweepArgs])
    return await Sweep(sweepArgs);
if (args is not [var command, .. var rest] || (command != "all" && benchmarks.All(b => b.Name != command)))
{
    Console.Error.WriteLine(usage);
    return 2;
}

var reports = new List<BenchmarkReport>();
try
{
    foreach (var benchmark in benchmarks.Where(b => command == "all" || b.Name == command))
    {
        var options = BenchmarkArgs.Parse(command, rest, command == "all" ? [] : benchmark.Options);
        Console.WriteLine($"== {benchmark.Name} ({DateTimeOffset.UtcNow:HH:mm:ss} UTC, load {Machine.ReadLoadAverage()})");
        var report = await benchmark.Run(options);
        report.Save(options.OutputFolder);
        Console.WriteLine(report.ToMarkdown());
        Console.WriteLine($"Written to {Path.Combine(options.OutputFolder, report.Name)}.json and .md");
        reports.Add(report);
    }
}
catch (FormatException e)
{
    Console.Error.WriteLine($"{e.Message}{Environment.NewLine}{usage}");
    return 2;
}
if (command == "all")
{
    var folder = BenchmarkArgs.Parse(command, rest, []).OutputFolder;
    var summary = new StringBuilder().AppendLine("# GuoduActors benchmarks").AppendLine();
    foreach (var report in reports)
        summary.AppendLine(report.ToMarkdown());
    File.WriteAllText(Path.Combine(folder, "summary.md"), summary.ToString());
    Console.WriteLine($"Summary written to {Path.Combine(folder, "summary.md")}");
}
return reports.All(r => r.Problems.Count == 0) ? 0 : 1;

static async Task<int> Sweep(string[] rest)
{
    const string Usage = "Usage: sweep [--open 100000] [--overdue 1000] [--repeat 200] [--out artifacts/benchmarks/sweep.json]";
    if (!SweepOptions.TryParse(rest, out var options, out var error))
    {
        Console.Error.WriteLine($"{error} {Usage}");
        return 2;
    }
    var report = await SweepBenchmark.RunAsync(options);
    report.Print(Console.Out);
    report.Save(options.OutputPath);
    Console.WriteLine($"Written to {options.OutputPath}");
    return report.Problems.Count == 0 ? 0 : 1;
}
