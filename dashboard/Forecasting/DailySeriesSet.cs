namespace GuoduActors.Dashboard.Forecasting;

/// <summary>
/// The identity of one daily count series. <see cref="Name"/> is unique in a set; <see cref="Station"/> and
/// <see cref="Category"/> are the categorical features the global model learns per-group effects from
/// (for a generic CSV both are derived from the name: station = name, category = empty).
/// </summary>
public sealed record SeriesKey(string Name, string Station, string Category)
{
    /// <summary>A series known only by its name, as in a <c>date,series,count</c> file.</summary>
    public static SeriesKey Named(string name) => new(name, name, "");
}

/// <summary>
/// Daily counts of several series over one common run of days (a missing day is a zero). A set can be a view of
/// its first days (<see cref="Before"/>): the forecasting code receives such views, so nothing at or after the
/// forecast origin can reach it.
/// </summary>
public sealed class DailySeriesSet
{
    private readonly float[][] _values;

    /// <summary>A set over <paramref name="start"/> and the following days, one array of counts per key, all the same length.</summary>
    public DailySeriesSet(DateOnly start, IReadOnlyList<SeriesKey> keys, IReadOnlyList<float[]> values)
        : this(start, keys, [.. values], values.Count == 0 ? 0 : values[0].Length)
    {
        if (keys.Count != values.Count)
            throw new ArgumentException("One array of counts per series key.", nameof(values));
        if (values.Any(v => v.Length != Days))
            throw new ArgumentException("Every series must cover the same days.", nameof(values));
        if (keys.Select(k => k.Name).Distinct(StringComparer.Ordinal).Count() != keys.Count)
            throw new ArgumentException("Series names must be unique.", nameof(keys));
    }

    private DailySeriesSet(DateOnly start, IReadOnlyList<SeriesKey> keys, float[][] values, int days)
    {
        Start = start;
        Keys = keys;
        _values = values;
        Days = days;
    }

    public DateOnly Start { get; }

    /// <summary>How many days the set shows, from <see cref="Start"/>.</summary>
    public int Days { get; }

    /// <summary>The last day shown.</summary>
    public DateOnly End => Start.AddDays(Days - 1);

    public IReadOnlyList<SeriesKey> Keys { get; }

    public int Count => Keys.Count;

    /// <summary>The count of series <paramref name="series"/> on day number <paramref name="day"/> (0 = <see cref="Start"/>).</summary>
    public float this[int series, int day] => day < Days ? _values[series][day] : throw new ArgumentOutOfRangeException(nameof(day), "The day is not in this view of the set.");

    /// <summary>The counts shown of one series (a copy).</summary>
    public float[] Values(int series) => _values[series][..Days];

    /// <summary>The day number of <paramref name="date"/> (negative before <see cref="Start"/>).</summary>
    public int DayIndex(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>
    /// The same series up to the day before <paramref name="origin"/>: what a forecast made at that origin may see.
    /// It shares the storage of this set, which <see cref="SameData"/> uses to recognise models trained on it.
    /// </summary>
    public DailySeriesSet Before(DateOnly origin)
    {
        var days = Math.Clamp(DayIndex(origin), 0, Days);
        return new DailySeriesSet(Start, Keys, _values, days);
    }

    /// <summary>Whether both are views of the same stored counts (their common days are the same numbers).</summary>
    public bool SameData(DailySeriesSet other) => ReferenceEquals(_values, other._values) && Start == other.Start;

    public int IndexOf(string name)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            if (string.Equals(Keys[i].Name, name, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}
