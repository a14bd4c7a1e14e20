using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Grains.Sla;

namespace GuoduActors.Silo.Forecasting;

/// <summary>
/// <c>dotnet run --project silo -- forecast …</c>: the forecaster from the command line, before (and instead of) the web host.
/// <list type="bullet">
/// <item><c>forecast backtest --csv FILE [--horizon DAYS] [--origins N] [--json] [--calendar cn|us|none]</c></item>
/// <item><c>forecast train --csv FILE --model PATH [--origins N] [--calendar cn|us|none]</c></item>
/// <item><c>forecast bench [--stations N] [--categories N] [--days N]</c></item>
/// </list>
/// A usage or input problem prints one line to standard error and exits with 2.
/// </summary>
internal static class ForecastCommand
{
    public const int UsageError = 2;

    private const string Usage =
        "usage: forecast backtest --csv FILE [--horizon DAYS] [--origins N] [--json] [--calendar cn|us|none] | " +
        "forecast train --csv FILE --model PATH [--origins N] [--calendar cn|us|none] | " +
        "forecast bench [--stations N] [--categories N] [--days N]";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Runs the verb after <c>forecast</c>; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            var arguments = Arguments.Parse(args);
            return arguments.Verb switch
            {
                "backtest" => Backtest(arguments, output),
                "train" => Train(arguments, output),
                "bench" => Bench(arguments, output),
                _ => throw new ForecastInputException(Usage),
            };
        }
        catch (ForecastInputException e)
        {
            error.WriteLine($"forecast: {e.Message}");
            return UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HolidayCalendarException)
        {
            error.WriteLine($"forecast: {e.Message}");
            return UsageError;
        }
    }

    private static int Backtest(Arguments arguments, TextWriter output)
    {
        arguments.Allow("csv", "horizon", "origins", "json", "calendar");
        var data = DailyCountsCsv.Load(arguments.Required("csv"));
        var horizon = arguments.Int("horizon", 28, 1, 366);
        var origins = arguments.Int("origins", 8, 1, 1000);
        var forecaster = new GlobalForecaster(Calendar(arguments), new ForecastOptions { Horizon = horizon, Weeks = 0 });
        var report = Backtester.Run(data, forecaster, horizon, origins);
        if (arguments.Flag("json"))
            output.WriteLine(JsonSerializer.Serialize(report, Json));
        else
            output.Write(Table(report, data, forecaster.Calendar.Name));
        return 0;
    }

    private static int Train(Arguments arguments, TextWriter output)
    {
        arguments.Allow("csv", "model", "origins", "calendar");
        var data = DailyCountsCsv.Load(arguments.Required("csv"));
        var path = arguments.Required("model");
        var origins = arguments.Int("origins", 8, 0, 1000);
        var forecaster = new GlobalForecaster(Calendar(arguments));
        BacktestSummary? summary = null;
        if (origins > 0)
        {
            var report = Backtester.Run(data, forecaster, forecaster.Options.Horizon, origins);
            output.Write(Table(report, data, forecaster.Calendar.Name));
            summary = report.Summary;
        }
        var model = forecaster.Train(data);
        if (summary is not null)
            model.WithBacktest(summary);
        new ForecastModelStore().Save(model, path);
        output.WriteLine($"Trained on {model.Info.FirstDay:yyyy-MM-dd}–{model.Info.LastDay:yyyy-MM-dd} ({model.Info.SeriesCount} series, {model.Info.TrainingExamples} examples) in {model.Info.TrainingSeconds:0.0} s; saved {path} and {ForecastModelStore.SidecarPath(path)}.");
        return 0;
    }

    private static int Bench(Arguments arguments, TextWriter output)
    {
        arguments.Allow("stations", "categories", "days");
        var result = ForecastBenchmark.Run(
            arguments.Int("stations", 71, 1, 1000), arguments.Int("categories", 10, 1, 100), arguments.Int("days", 730, 200, 5000), WeekdayOnlyCalendar.Instance);
        output.WriteLine(result.ToString());
        return 0;
    }

    private static IForecastCalendar Calendar(Arguments arguments) => arguments.Optional("calendar") switch
    {
        null or "cn" => new ChinaForecastCalendar(LoadOfficialCalendars()),
        "us" => UsFederalHolidayCalendar.Instance,
        "none" => WeekdayOnlyCalendar.Instance,
        var other => throw new ForecastInputException($"--calendar must be cn, us or none; got '{other}'."),
    };

    private static HolidayCalendar LoadOfficialCalendars()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "calendars");
        return Directory.Exists(folder) ? HolidayCalendar.Load(folder) : new HolidayCalendar([]);
    }

    /// <summary>The backtest as a fixed-width table: per series and overall, the model and both baselines.</summary>
    internal static string Table(BacktestReport report, DailySeriesSet data, string calendar)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Backtest: {data.Count} series, {data.Start:yyyy-MM-dd}..{data.End:yyyy-MM-dd}, {report.Origins.Count} origins {report.Origins[0]:yyyy-MM-dd}..{report.Origins[^1]:yyyy-MM-dd}, horizon {report.Horizon} days, calendar {calendar}, {report.Seconds:0.0} s");
        text.AppendLine("                      |            model                |  seasonal-naive (last week)  | mean28 x weekday profile");
        text.AppendLine("series           days |    MAE  relMAE   MASE  cover80 |    MAE   MASE  cover80       |    MAE  relMAE   MASE");
        foreach (var row in report.Series.Append(report.Overall))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{Cut(row.Series, 15),-15} {row.Points,5} | {row.Mae,6:0.000} {F(row.RelMae),7} {F(row.Mase),6} {P(row.Coverage80),8} | {row.SeasonalNaive.Mae,6:0.000} {F(row.SeasonalNaive.Mase),6} {P(row.SeasonalNaive.Coverage80),8}       | {row.Reference.Mae,6:0.000} {F(row.Reference.RelMae),7} {F(row.Reference.Mase),6}");
        }
        return text.ToString();

        static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
        static string P(double? value) => value is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "-";
        static string Cut(string s, int width) => s.Length <= width ? s : s[..width];
    }

    /// <summary><c>--name value</c> options and <c>--flag</c> switches after the verb.</summary>
    private sealed class Arguments
    {
        private static readonly HashSet<string> Switches = ["json"];
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

        public string Verb { get; private set; } = "";

        public static Arguments Parse(IReadOnlyList<string> args)
        {
            if (args.Count == 0)
                throw new ForecastInputException(Usage);
            var parsed = new Arguments { Verb = args[0] };
            for (var i = 1; i < args.Count; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
                    throw new ForecastInputException($"unexpected argument '{args[i]}'. {Usage}");
                var name = args[i][2..];
                if (Switches.Contains(name))
                    parsed._values[name] = null;
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    parsed._values[name] = args[++i];
                else
                    throw new ForecastInputException($"--{name} needs a value.");
            }
            return parsed;
        }

        public void Allow(params string[] names)
        {
            foreach (var name in _values.Keys.Where(n => !names.Contains(n)))
                throw new ForecastInputException($"forecast {Verb} has no option --{name}. {Usage}");
        }

        public string Required(string name) =>
            Optional(name) ?? throw new ForecastInputException($"forecast {Verb} needs --{name}.");

        public string? Optional(string name) => _values.GetValueOrDefault(name);

        public bool Flag(string name) => _values.ContainsKey(name);

        public int Int(string name, int fallback, int min, int max)
        {
            if (Optional(name) is not { } text)
                return fallback;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw new ForecastInputException($"--{name} must be a whole number from {min} to {max}; got '{text}'.");
            return value;
        }
    }
}
