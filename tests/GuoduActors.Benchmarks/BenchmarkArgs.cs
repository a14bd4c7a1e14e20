using System.Globalization;

namespace GuoduActors.Benchmarks;

/// <summary>
/// The options of one benchmark command: <c>--name value</c> pairs, the flag <c>--quick</c> (small sizes, for trying
/// the benchmark out) and <c>--out FOLDER</c> (where the reports go). Values are checked when a benchmark reads them.
/// </summary>
public sealed class BenchmarkArgs
{
    private readonly Dictionary<string, string> _values;

    private BenchmarkArgs(Dictionary<string, string> values, bool quick, string outputFolder, string commandLine)
    {
        _values = values;
        Quick = quick;
        OutputFolder = outputFolder;
        CommandLine = commandLine;
    }

    public bool Quick { get; }

    public string OutputFolder { get; }

    /// <summary>The command that reproduces the run, as the report prints it.</summary>
    public string CommandLine { get; }

    public static readonly string DefaultOutputFolder = Path.Combine("artifacts", "benchmarks");

    /// <summary>Parses <paramref name="args"/> (after the command), accepting only <paramref name="allowed"/> option names.</summary>
    public static BenchmarkArgs Parse(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> allowed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        var output = DefaultOutputFolder;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--quick")
            {
                quick = true;
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new FormatException($"Expected --option value, got '{arg}'.");
            var name = arg[2..];
            var value = args[++i];
            if (name == "out")
                output = value;
            else if (allowed.Contains(name))
                values[name] = value;
            else
                throw new FormatException($"'{command}' has no option --{name}; it takes {string.Join(", ", allowed.Select(a => "--" + a).Append("--quick").Append("--out"))}.");
        }
        var line = $"dotnet run -c Release --project tests/GuoduActors.Benchmarks -- {command}{(args.Count > 0 ? " " + string.Join(' ', args) : "")}";
        return new BenchmarkArgs(values, quick, Path.GetFullPath(output), line);
    }

    /// <summary>The option's whole-number value within [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback, int min, int max)
    {
        if (!_values.TryGetValue(name, out var text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"--{name} needs a whole number from {min} to {max}; got '{text}'.");
    }
}
