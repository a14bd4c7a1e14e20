namespace GuoduActors.Dashboard.Forecasting;

/// <summary>Tickets received at one station in one category on one day (China Standard Time).</summary>
public sealed record StationCategoryCount(string StationId, string CategoryCode, DateOnly Day, int Received);

/// <summary>
/// The series the sub-district forecasts: every station × category, every station's total, every category over the
/// whole sub-district and the whole sub-district's total, each forecast by the same global model (not reconciled: a
/// station's forecast is not forced to equal the sum of its categories'). A planner can pick any station or the whole
/// sub-district with any category or all, and each such choice is one series with its own calibrated interval.
/// </summary>
public static class ForecastHierarchy
{
    /// <summary>The category of a total over all categories.</summary>
    public const string AllCategories = "*";

    /// <summary>The series of a station (or the sub-district's id for all stations) and a category (or <see cref="AllCategories"/>).</summary>
    public static string SeriesName(string stationId, string categoryCode) =>
        categoryCode == AllCategories ? stationId : $"{stationId}/{categoryCode}";

    /// <summary>The four kinds of series over <paramref name="from"/>–<paramref name="to"/>; counts outside are ignored, missing days are zeros.</summary>
    public static DailySeriesSet Build(string subDistrictId, IEnumerable<StationCategoryCount> counts, DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        if (days < 1)
            throw new ForecastInputException($"The window {from:yyyy-MM-dd}–{to:yyyy-MM-dd} is empty.");
        var series = new SortedDictionary<string, (SeriesKey Key, float[] Values)>(StringComparer.Ordinal);
        var total = new float[days];
        foreach (var count in counts)
        {
            var day = count.Day.DayNumber - from.DayNumber;
            if (day < 0 || day >= days)
                continue;
            Add(series, new SeriesKey(SeriesName(count.StationId, count.CategoryCode), count.StationId, count.CategoryCode), days)[day] += count.Received;
            Add(series, new SeriesKey(count.StationId, count.StationId, AllCategories), days)[day] += count.Received;
            Add(series, new SeriesKey(SeriesName(subDistrictId, count.CategoryCode), subDistrictId, count.CategoryCode), days)[day] += count.Received;
            total[day] += count.Received;
        }
        var keys = series.Values.Select(v => v.Key).Prepend(new SeriesKey(subDistrictId, subDistrictId, AllCategories)).ToList();
        var values = series.Values.Select(v => v.Values).Prepend(total).ToList();
        return new DailySeriesSet(from, keys, values);
    }

    private static float[] Add(SortedDictionary<string, (SeriesKey Key, float[] Values)> series, SeriesKey key, int days)
    {
        if (!series.TryGetValue(key.Name, out var entry))
            series[key.Name] = entry = (key, new float[days]);
        return entry.Values;
    }
}
