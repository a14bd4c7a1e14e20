using System.Globalization;

namespace GuoduActors.Dashboard.Forecasting;

/// <summary>Input the forecaster cannot use; the message names the file, the line and what is wrong, for one error line.</summary>
public sealed class ForecastInputException(string message) : Exception(message);

/// <summary>
/// Reads daily counts in the backtest format: header <c>date,series,count</c>, one row per series per day
/// (<c>yyyy-MM-dd</c>, a name, a non-negative count). A day a series has no row for counts as zero.
/// </summary>
public static class DailyCountsCsv
{
    public const string Header = "date,series,count";

    public static DailySeriesSet Load(string path)
    {
        if (!File.Exists(path))
            throw new ForecastInputException($"CSV file '{path}' does not exist (looked for {Path.GetFullPath(path)}; `dotnet run --project silo` runs in silo/, so give a path from there or an absolute one).");
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static DailySeriesSet Read(TextReader reader, string source)
    {
        var header = reader.ReadLine();
        if (header is null)
            throw new ForecastInputException($"{source}: the file is empty; expected the header '{Header}'.");
        var columns = header.TrimStart('\uFEFF').Split(',').Select(c => c.Trim().ToLowerInvariant()).ToArray();
        if (columns is not ["date", "series", "count"])
            throw new ForecastInputException($"{source}, line 1: expected the header '{Header}', found '{header}'.");

        var counts = new Dictionary<string, Dictionary<DateOnly, float>>(StringComparer.Ordinal);
        DateOnly? first = null, last = null;
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var fields = line.Split(',');
            if (fields.Length != 3)
                throw new ForecastInputException($"{source}, line {lineNumber}: expected 3 fields (date,series,count), found {fields.Length}.");
            var (dateText, name, countText) = (Unquote(fields[0]), Unquote(fields[1]), Unquote(fields[2]));
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new ForecastInputException($"{source}, line {lineNumber}: '{dateText}' is not a date (yyyy-MM-dd).");
            if (name.Length == 0)
                throw new ForecastInputException($"{source}, line {lineNumber}: the series name is empty.");
            if (!double.TryParse(countText, NumberStyles.Float, CultureInfo.InvariantCulture, out var count) || !double.IsFinite(count))
                throw new ForecastInputException($"{source}, line {lineNumber}: '{countText}' is not a count.");
            if (count < 0)
                throw new ForecastInputException($"{source}, line {lineNumber}: the count {countText} is negative.");
            if (!counts.TryGetValue(name, out var series))
                counts[name] = series = [];
            if (!series.TryAdd(date, (float)count))
                throw new ForecastInputException($"{source}, line {lineNumber}: series '{name}' has a second row for {dateText}.");
            first = first is null || date < first ? date : first;
            last = last is null || date > last ? date : last;
        }
        if (first is not { } start || last is not { } end)
            throw new ForecastInputException($"{source}: the file has a header but no rows.");

        var days = end.DayNumber - start.DayNumber + 1;
        var names = counts.Keys.Order(StringComparer.Ordinal).ToList();
        var values = names.Select(name =>
        {
            var array = new float[days];
            foreach (var (date, count) in counts[name])
                array[date.DayNumber - start.DayNumber] = count;
            return array;
        }).ToList();
        return new DailySeriesSet(start, [.. names.Select(SeriesKey.Named)], values);
    }

    private static string Unquote(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }
}
