using System.Globalization;
using GuoduActors.Benchmarks;

// dotnet run -c Release --project tests/GuoduActors.Benchmarks -- sweep [--open 100000] [--overdue 1000] [--repeat 200] [--out path]
const string Usage = "Usage: sweep [--open 100000] [--overdue 1000] [--repeat 200] [--out artifacts/benchmarks/sweep.json]";
if (args is not ["sweep", .. var rest])
{
    Console.Error.WriteLine(Usage);
    return 2;
}
if (!SweepOptions.TryParse(rest, out var options, out var error))
{
    Console.Error.WriteLine($"{error} {Usage}");
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var report = await SweepBenchmark.RunAsync(options);
report.Print(Console.Out);
report.Save(options.OutputPath);
Console.WriteLine($"Written to {options.OutputPath}");
return report.Problems.Count == 0 ? 0 : 1;
