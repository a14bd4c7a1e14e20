namespace GuoduActors.Dashboard.Forecasting;

/// <summary>
/// What the forecaster knows about a day besides its date: public holidays and make-up working days.
/// <see cref="HolidayCode"/> says which holiday (a small number stable per calendar, 0 for none), so the model can
/// learn each festival's own effect.
/// </summary>
public readonly record struct CalendarDay(bool IsHoliday, bool IsMakeUpWorkday, int HolidayCode)
{
    public static readonly CalendarDay Ordinary = default;

    public bool IsWorkingDay(DateOnly date) =>
        IsMakeUpWorkday || (!IsHoliday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
}

/// <summary>The holiday calendar of the place the counts come from. Must answer for any date, past or future.</summary>
public interface IForecastCalendar
{
    /// <summary>A short name for reports and the model's metadata, e.g. <c>cn</c>.</summary>
    string Name { get; }

    CalendarDay Describe(DateOnly date);
}

/// <summary>No holidays at all: Monday to Friday work, weekends off.</summary>
public sealed class WeekdayOnlyCalendar : IForecastCalendar
{
    public static readonly WeekdayOnlyCalendar Instance = new();

    public string Name => "none";

    public CalendarDay Describe(DateOnly date) => CalendarDay.Ordinary;
}

/// <summary>
/// United States federal holidays as observed (Saturday → Friday, Sunday → Monday), computed from the rules; Juneteenth
/// from 2021. For data recorded in the US, such as the DC 311 requests the backtest is demonstrated on.
/// </summary>
public sealed class UsFederalHolidayCalendar : IForecastCalendar
{
    public static readonly UsFederalHolidayCalendar Instance = new();

    private readonly Dictionary<int, Dictionary<DateOnly, int>> _years = [];
    private readonly Lock _lock = new();

    public string Name => "us";

    public CalendarDay Describe(DateOnly date)
    {
        Dictionary<DateOnly, int> year;
        lock (_lock)
        {
            if (!_years.TryGetValue(date.Year, out year!))
                _years[date.Year] = year = Holidays(date.Year);
        }
        return year.TryGetValue(date, out var code) ? new CalendarDay(true, false, code) : CalendarDay.Ordinary;
    }

    private static Dictionary<DateOnly, int> Holidays(int year)
    {
        var days = new Dictionary<DateOnly, int>
        {
            [Observed(new DateOnly(year, 1, 1))] = 1,
            [Nth(year, 1, DayOfWeek.Monday, 3)] = 2,
            [Nth(year, 2, DayOfWeek.Monday, 3)] = 3,
            [Last(year, 5, DayOfWeek.Monday)] = 4,
            [Observed(new DateOnly(year, 7, 4))] = 6,
            [Nth(year, 9, DayOfWeek.Monday, 1)] = 7,
            [Nth(year, 10, DayOfWeek.Monday, 2)] = 8,
            [Observed(new DateOnly(year, 11, 11))] = 9,
            [Nth(year, 11, DayOfWeek.Thursday, 4)] = 10,
            [Observed(new DateOnly(year, 12, 25))] = 11,
        };
        if (year >= 2021)
            days[Observed(new DateOnly(year, 6, 19))] = 5;
        return days;
    }

    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly Nth(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    private static DateOnly Last(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }
}
