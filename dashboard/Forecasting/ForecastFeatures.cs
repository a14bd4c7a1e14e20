namespace GuoduActors.Dashboard.Forecasting;

/// <summary>
/// The features of one (series, origin, horizon) example of the direct multi-horizon model. The origin is the first
/// forecast day; everything taken from the counts comes from days before it, whatever the horizon, so one model
/// predicts every day of the window from the same information. Counts are divided by the series' level (its mean over
/// the 28 days before the origin, plus a small floor) so that a ward of 2 a day and a city of 50 share one model;
/// the label is the target day's count divided by the same level.
/// </summary>
public static class ForecastFeatures
{
    /// <summary>Added to the 28-day mean so that a series that was silent for four weeks still has a usable scale.</summary>
    public const float LevelFloor = 0.2f;

    /// <summary>The fewest days before an origin that make a training example.</summary>
    public const int MinHistoryDays = 28;

    /// <summary>Changes whenever a feature is added, removed or redefined: a saved model only loads with its own.</summary>
    public const int Version = 1;

    public static readonly IReadOnlyList<string> Names =
    [
        "Horizon", "Weekday", "Month", "DayOfYear", "DayOfMonth",
        "IsHoliday", "IsMakeUpWorkday", "IsWorkingDay", "HolidayCode", "DaysToHoliday", "DaysSinceHoliday", "HolidayRunDay",
        "OriginWeekday", "LogLevel", "ZeroShare28", "Trend28",
        "Lag1", "Lag7", "Lag14", "Lag28",
        "SameWeekday1", "SameWeekday2", "SameWeekday3", "SameWeekday4", "SameWeekdayMean4",
        "Mean7", "Mean14", "Mean91", "Mean364", "WeekdayProfile52",
        "LastYear7", "LastYear28", "LastYearRatio7", "LastYearRatio28", "TwoYearsRatio28",
    ];

    public const int Count = 35;
}

/// <summary>
/// Precomputed sums and calendar flags of one view of a series set, from which examples are cut in O(1). Reads only
/// the days the view shows; each example reads only the days before its own origin.
/// </summary>
internal sealed class FeatureFrame
{
    // Beyond a fortnight a holiday no longer changes the day's demand.
    private const int CalendarReach = 15;

    private readonly DailySeriesSet _set;
    private readonly double[][] _prefix;
    private readonly double[][] _weekdayPrefix;
    private readonly int[][] _zeroPrefix;
    private readonly CalendarDay[] _calendar;
    private readonly DateOnly[] _dates;
    private readonly int[] _toHoliday, _sinceHoliday, _runDay;
    private readonly int _calendarOffset;

    public FeatureFrame(DailySeriesSet set, IForecastCalendar calendar, int maxHorizon)
    {
        _set = set;
        var n = set.Days;
        _prefix = new double[set.Count][];
        _weekdayPrefix = new double[set.Count][];
        _zeroPrefix = new int[set.Count][];
        for (var s = 0; s < set.Count; s++)
        {
            var values = set.Values(s);
            var prefix = new double[n + 1];
            var zeros = new int[n + 1];
            // weekdayPrefix[i] = values[i] + values[i-7] + ...: a weekday's sum over k weeks is one subtraction.
            var weekday = new double[n];
            for (var i = 0; i < n; i++)
            {
                prefix[i + 1] = prefix[i] + values[i];
                zeros[i + 1] = zeros[i] + (values[i] == 0 ? 1 : 0);
                weekday[i] = values[i] + (i >= 7 ? weekday[i - 7] : 0);
            }
            _prefix[s] = prefix;
            _weekdayPrefix[s] = weekday;
            _zeroPrefix[s] = zeros;
        }

        // Calendar days from a fortnight before the first day to a fortnight after the last forecast day.
        _calendarOffset = CalendarReach;
        var length = n + maxHorizon + 2 * CalendarReach;
        _calendar = new CalendarDay[length];
        _dates = new DateOnly[length];
        for (var i = 0; i < length; i++)
        {
            _dates[i] = set.Start.AddDays(i - _calendarOffset);
            _calendar[i] = calendar.Describe(_dates[i]);
        }
        _toHoliday = new int[length];
        _sinceHoliday = new int[length];
        _runDay = new int[length];
        var since = CalendarReach + 1;
        var run = -1;
        for (var i = 0; i < length; i++)
        {
            _sinceHoliday[i] = since;
            run = _calendar[i].IsHoliday ? run + 1 : -1;
            _runDay[i] = run;
            since = _calendar[i].IsHoliday ? 1 : Math.Min(since + 1, CalendarReach + 1);
        }
        var to = CalendarReach + 1;
        for (var i = length - 1; i >= 0; i--)
        {
            _toHoliday[i] = to;
            to = _calendar[i].IsHoliday ? 1 : Math.Min(to + 1, CalendarReach + 1);
        }
    }

    public DailySeriesSet Set => _set;

    /// <summary>The series' scale at an origin: mean of the 28 days before it (fewer if the history is shorter) plus the floor.</summary>
    public float Level(int s, int origin)
    {
        var from = Math.Max(0, origin - 28);
        var mean = origin > from ? (_prefix[s][origin] - _prefix[s][from]) / (origin - from) : 0;
        return (float)mean + ForecastFeatures.LevelFloor;
    }

    /// <summary>
    /// The series' noise at an origin, which scales its prediction interval: the mean absolute week-on-week change over
    /// the 364 days before it (fewer if the history is shorter), plus a floor so a silent series still gets an interval.
    /// </summary>
    public float NoiseScale(int s, int origin)
    {
        var from = Math.Max(7, origin - 364);
        var sum = 0.0;
        for (var t = from; t < origin; t++)
            sum += Math.Abs(_set[s, t] - _set[s, t - 7]);
        return (float)(origin > from ? sum / (origin - from) : 0) + 0.25f;
    }

    /// <summary>Writes the features of series <paramref name="s"/> for day <paramref name="origin"/> + <paramref name="horizon"/> − 1, seen from <paramref name="origin"/>.</summary>
    public void Fill(int s, int origin, int horizon, Span<float> f)
    {
        if (origin > _set.Days)
            throw new ArgumentOutOfRangeException(nameof(origin), "An origin can be at most the day after the history.");
        var target = origin + horizon - 1;
        var level = Level(s, origin);
        var inverse = 1f / level;
        var c = target + _calendarOffset;
        var date = _dates[c];
        var day = _calendar[c];

        var i = 0;
        f[i++] = horizon;
        f[i++] = ((int)date.DayOfWeek + 6) % 7;
        f[i++] = date.Month;
        f[i++] = date.DayOfYear;
        f[i++] = date.Day;
        f[i++] = day.IsHoliday ? 1 : 0;
        f[i++] = day.IsMakeUpWorkday ? 1 : 0;
        f[i++] = day.IsWorkingDay(date) ? 1 : 0;
        f[i++] = day.HolidayCode;
        f[i++] = _toHoliday[c];
        f[i++] = _sinceHoliday[c];
        f[i++] = _runDay[c];
        f[i++] = ((int)_dates[origin + _calendarOffset].DayOfWeek + 6) % 7;
        f[i++] = MathF.Log(level);
        f[i++] = origin >= 28 ? (_zeroPrefix[s][origin] - _zeroPrefix[s][origin - 28]) / 28f : float.NaN;
        f[i++] = Ratio(Mean(s, origin - 28, origin, origin), Mean(s, origin - 56, origin - 28, origin));

        f[i++] = At(s, origin - 1, origin) * inverse;
        f[i++] = At(s, origin - 7, origin) * inverse;
        f[i++] = At(s, origin - 14, origin) * inverse;
        f[i++] = At(s, origin - 28, origin) * inverse;

        // The same weekday as the target in the last four weeks before the origin.
        var sameWeekday = target - 7 * ((horizon + 6) / 7);
        f[i++] = At(s, sameWeekday, origin) * inverse;
        f[i++] = At(s, sameWeekday - 7, origin) * inverse;
        f[i++] = At(s, sameWeekday - 14, origin) * inverse;
        f[i++] = At(s, sameWeekday - 21, origin) * inverse;
        f[i++] = WeekdayMean(s, sameWeekday, 4, origin) * inverse;

        f[i++] = Mean(s, origin - 7, origin, origin) * inverse;
        f[i++] = Mean(s, origin - 14, origin, origin) * inverse;
        f[i++] = Mean(s, origin - 91, origin, origin) * inverse;
        var mean364 = Mean(s, origin - 364, origin, origin);
        f[i++] = mean364 * inverse;
        f[i++] = Ratio(WeekdayMean(s, sameWeekday, 52, origin), mean364);

        // Last year's season: its level around the target day, and how it moved from the origin's equivalent to it.
        var lastYear7 = Mean(s, target - 364 - 3, target - 364 + 4, origin);
        var lastYear28 = Mean(s, target - 364 - 14, target - 364 + 14, origin);
        var lastYearBase = Mean(s, origin - 364 - 28, origin - 364, origin);
        f[i++] = lastYear7 * inverse;
        f[i++] = lastYear28 * inverse;
        f[i++] = Ratio(lastYear7, lastYearBase);
        f[i++] = Ratio(lastYear28, lastYearBase);
        f[i++] = Ratio(Mean(s, target - 728 - 14, target - 728 + 14, origin), Mean(s, origin - 728 - 28, origin - 728, origin));
    }

    private float At(int s, int day, int origin)
    {
        Guard(day + 1, origin);
        return day >= 0 ? _set[s, day] : float.NaN;
    }

    /// <summary>Mean over days [from, to); NaN when the window starts before the data.</summary>
    private float Mean(int s, int from, int to, int origin)
    {
        Guard(to, origin);
        return from < 0 ? float.NaN : (float)((_prefix[s][to] - _prefix[s][from]) / (to - from));
    }

    /// <summary>Mean of <paramref name="weeks"/> values of one weekday, the latest on day <paramref name="last"/>.</summary>
    private float WeekdayMean(int s, int last, int weeks, int origin)
    {
        Guard(last + 1, origin);
        var first = last - 7 * (weeks - 1);
        if (first < 0)
            return float.NaN;
        var sum = _weekdayPrefix[s][last] - (first >= 7 ? _weekdayPrefix[s][first - 7] : 0);
        return (float)(sum / weeks);
    }

    private static float Ratio(float a, float b) =>
        float.IsNaN(a) || float.IsNaN(b) ? float.NaN : (a + ForecastFeatures.LevelFloor) / (b + ForecastFeatures.LevelFloor);

    // The one rule that keeps backtests honest: nothing on or after the origin is read.
    private static void Guard(int endExclusive, int origin)
    {
        if (endExclusive > origin)
            throw new InvalidOperationException($"Feature read day {endExclusive - 1}, at or after the origin {origin}.");
    }
}
