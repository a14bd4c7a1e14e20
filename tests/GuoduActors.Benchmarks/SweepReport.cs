using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuoduActors.Benchmarks;

/// <summary>One timing: what was measured and its samples in milliseconds, summarised.</summary>
public sealed record Timing(string Key, string What, int Samples, double MedianMs, double P95Ms, double MinMs, double MaxMs, double MeanMs)
{
    public static Timing Of(string key, string what, IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return new(key, what, sorted.Count, At(0.5), At(0.95), sorted[0], sorted[^1], sorted.Average());
    }
}

/// <summary>Where the numbers were taken: a shared machine's load matters as much as its processor.</summary>
public sealed record Machine(int ProcessorCount, string CpuModel, string LoadAverage, string Runtime, string Os, bool ServerGc)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount, ReadCpuModel(), ReadLoadAverage(), RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription,
        GCSettings.IsServerGC);

    public static string ReadLoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string ReadCpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "n/a"
            : RuntimeInformation.ProcessArchitecture.ToString();
}

/// <summary>Everything one run measured, printed as a table and saved as JSON.</summary>
public sealed class SweepReport(SweepOptions options, Machine machine)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public SweepOptions Options { get; } = options;
    public Machine Machine { get; } = machine;
    public string? LoadAverageAfter { get; private set; }
    public DateTimeOffset RunAt { get; } = DateTimeOffset.UtcNow;
    public List<Timing> Timings { get; } = [];
    public Dictionary<string, double> Setup { get; } = [];
    public Dictionary<string, double> Memory { get; } = [];
    public Dictionary<string, int> Counts { get; } = [];
    /// <summary>Scan time over find time, both medians: how many times faster the index answers than a linear scan.</summary>
    public double? SpeedupOverLinearScan { get; private set; }
    /// <summary>The same over the fastest samples: on a loaded machine the longer scan is preempted more often than the short find.</summary>
    public double? SpeedupOverLinearScanFastest { get; private set; }
    public List<string> Problems { get; } = [];

    public void Add(string key, string what, IReadOnlyList<double> samples) => Timings.Add(Timing.Of(key, what, samples));

    public void Finish()
    {
        LoadAverageAfter = Machine.ReadLoadAverage();
        var find = Timings.Find(t => t.Key == "find");
        var scan = Timings.Find(t => t.Key == "linearScan");
        if (find is { MedianMs: > 0, MinMs: > 0 } && scan is not null)
        {
            SpeedupOverLinearScan = scan.MedianMs / find.MedianMs;
            SpeedupOverLinearScanFastest = scan.MinMs / find.MinMs;
        }
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Sweep benchmark: {Options.Open:N0} open tickets at one level-2 station, {Options.Overdue:N0} of them overdue");
        output.WriteLine($"Machine: {Machine.ProcessorCount} processor(s), {Machine.CpuModel}; {Machine.Runtime}; {Machine.Os}; server GC {Machine.ServerGc}");
        output.WriteLine($"Load average before / after: {Machine.LoadAverage} / {LoadAverageAfter}");
        output.WriteLine();
        output.WriteLine($"| {"measurement",-78} | {"n",4} | {"median ms",10} | {"p95 ms",10} | {"min ms",10} | {"max ms",10} |");
        output.WriteLine($"|{new string('-', 80)}|{new string('-', 6)}|{new string('-', 12)}|{new string('-', 12)}|{new string('-', 12)}|{new string('-', 12)}|");
        foreach (var t in Timings)
            output.WriteLine($"| {t.What,-78} | {t.Samples,4} | {t.MedianMs,10:0.000} | {t.P95Ms,10:0.000} | {t.MinMs,10:0.000} | {t.MaxMs,10:0.000} |");
        output.WriteLine();
        if (SpeedupOverLinearScan is { } speedup)
            output.WriteLine($"Index find vs linear scan: {speedup:0.0}x faster (medians), {SpeedupOverLinearScanFastest:0.0}x (fastest samples)");
        output.WriteLine($"Index rebuild on activation: {Setup.GetValueOrDefault("activationSeconds"):0.00} s for {Counts.GetValueOrDefault("openAfterActivation"):N0} open tickets");
        output.WriteLine($"Memory per open ticket: {Memory.GetValueOrDefault("activationBytesPerTicket"):0} B on activation = "
            + $"{Memory.GetValueOrDefault("rowBytesPerTicket"):0} B the row itself + {Memory.GetValueOrDefault("indexBytesPerTicket"):0} B the index (dictionary entry and sorted-set deadlines)");
        output.WriteLine($"Sweep: checked {Counts.GetValueOrDefault("sweepChecked")}, escalated {Counts.GetValueOrDefault("sweepEscalated")}, stale {Counts.GetValueOrDefault("sweepStale")}; "
            + $"afterwards the compound holds {Counts.GetValueOrDefault("compoundOpenAfterSweep"):N0} and the community {Counts.GetValueOrDefault("communityOpenAfterSweep"):N0} open tickets");
        foreach (var problem in Problems.Distinct())
            output.WriteLine($"PROBLEM: {problem}");
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }
}
