using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuoduActors.Benchmarks;

/// <summary>One measured value: what it is, the number and its unit.</summary>
public sealed record Figure(string Key, string What, double Value, string Unit);

/// <summary>
/// A figure against its baseline, both measured in the same run: on a shared machine absolute numbers move from run to
/// run, the ratio much less. <see cref="Met"/> is null where the issue sets no target.
/// </summary>
public sealed record Ratio(string Key, string What, double Measured, double Baseline, double Value, string? Target, bool? Met);

/// <summary>Everything one benchmark measured, saved as <c>NAME.json</c> and <c>NAME.md</c>.</summary>
public sealed class BenchmarkReport(string name, string title, string command)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Name { get; } = name;
    public string Title { get; } = title;
    public string Command { get; } = command;
    public Machine Machine { get; } = Machine.Describe();
    public DateTimeOffset RunAt { get; } = DateTimeOffset.UtcNow;
    public string? LoadAverageAfter { get; private set; }
    public double Seconds { get; private set; }
    public Dictionary<string, string> Parameters { get; } = [];
    public List<Figure> Figures { get; } = [];
    public List<Ratio> Ratios { get; } = [];
    public List<string> Notes { get; } = [];
    public List<string> Problems { get; } = [];

    public void Figure(string key, string what, double value, string unit) => Figures.Add(new(key, what, value, unit));

    /// <summary>Adds the figures of a latency sample: p50, p95 and p99 in milliseconds.</summary>
    public void Latencies(string key, string what, IReadOnlyList<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            Problems.Add($"No samples for {what}.");
            return;
        }
        Figure($"{key}P50", $"{what}, p50", Percentile(milliseconds, 0.50), "ms");
        Figure($"{key}P95", $"{what}, p95", Percentile(milliseconds, 0.95), "ms");
        Figure($"{key}P99", $"{what}, p99", Percentile(milliseconds, 0.99), "ms");
    }

    /// <summary><paramref name="measured"/> over <paramref name="baseline"/>; with a target, whether the ratio reaches <paramref name="atLeast"/> or stays under <paramref name="atMost"/>.</summary>
    public Ratio Ratio(string key, string what, double measured, double baseline, string? target = null, double? atLeast = null, double? atMost = null)
    {
        var value = baseline == 0 ? double.NaN : measured / baseline;
        bool? met = atLeast is { } min ? value >= min : atMost is { } max ? value <= max : null;
        var ratio = new Ratio(key, what, measured, baseline, value, target, met);
        Ratios.Add(ratio);
        return ratio;
    }

    public double Value(string key) => Figures.Find(f => f.Key == key)?.Value ?? double.NaN;

    public void Finish(TimeSpan elapsed)
    {
        Seconds = Math.Round(elapsed.TotalSeconds, 1);
        LoadAverageAfter = Machine.ReadLoadAverage();
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="q"/> of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"## {Title}").AppendLine();
        md.AppendLine(c, $"`{Command}` — run {RunAt:yyyy-MM-dd HH:mm} UTC, {Seconds:0} s; {Machine.ProcessorCount} processor(s), {Machine.CpuModel}; " +
            $"load average before {Machine.LoadAverage}, after {LoadAverageAfter}.").AppendLine();
        if (Parameters.Count > 0)
            md.AppendLine("Parameters: " + string.Join(", ", Parameters.Select(p => $"{p.Key} = {p.Value}")) + ".").AppendLine();
        if (Ratios.Count > 0)
        {
            md.AppendLine("| ratio | measured | baseline | ratio | target | met |").AppendLine("|---|---:|---:|---:|---|---|");
            foreach (var r in Ratios)
                md.AppendLine(c, $"| {r.What} | {Number(r.Measured)} | {Number(r.Baseline)} | {r.Value:0.000} | {r.Target ?? "—"} | {(r.Met is null ? "—" : r.Met.Value ? "yes" : "**no**")} |");
            md.AppendLine();
        }
        md.AppendLine("| figure | value | unit |").AppendLine("|---|---:|---|");
        foreach (var f in Figures)
            md.AppendLine(c, $"| {f.What} | {Number(f.Value)} | {f.Unit} |");
        md.AppendLine();
        foreach (var note in Notes)
            md.AppendLine(c, $"- {note}");
        foreach (var problem in Problems.Distinct())
            md.AppendLine(c, $"- **PROBLEM:** {problem}");
        return md.ToString();
    }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{Name}.json"), JsonSerializer.Serialize(this, Json));
        File.WriteAllText(Path.Combine(folder, $"{Name}.md"), ToMarkdown());
    }

    private static string Number(double value) => value switch
    {
        double.NaN => "n/a",
        >= 1000 or <= -1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 or <= -10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
