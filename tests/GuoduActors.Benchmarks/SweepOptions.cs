using System.Globalization;

namespace GuoduActors.Benchmarks;

/// <summary>What to measure: one station's open tickets, how many of them are overdue, how often to repeat each timing.</summary>
public sealed record SweepOptions(int Open, int Overdue, int Repeat, string OutputPath)
{
    public static bool TryParse(IReadOnlyList<string> args, out SweepOptions options, out string? error)
    {
        options = new SweepOptions(100_000, 1_000, 200, Path.Combine(Repo.Root, "artifacts", "benchmarks", "sweep.json"));
        error = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            int Number() => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new FormatException($"{args[i]} needs a positive whole number.");
            try
            {
                options = args[i] switch
                {
                    "--open" => options with { Open = Number() },
                    "--overdue" => options with { Overdue = Number() },
                    "--repeat" => options with { Repeat = Number() },
                    "--out" when value is not null => options with { OutputPath = Path.GetFullPath(value) },
                    _ => throw new FormatException($"Unknown option '{args[i]}'."),
                };
            }
            catch (FormatException e)
            {
                error = e.Message;
                return false;
            }
        }
        if (options.Overdue > options.Open)
        {
            error = "--overdue cannot exceed --open.";
            return false;
        }
        return true;
    }
}
