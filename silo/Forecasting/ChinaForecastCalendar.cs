using System.Collections.Concurrent;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Grains.Sla;

namespace GuoduActors.Silo.Forecasting;

/// <summary>
/// Mainland China's holidays for the forecaster: the official arrangement (<c>calendars/cn-YYYY.json</c>, with its
/// make-up working days) where a file exists, and <see cref="HolidayApproximation"/> by rule for any other year.
/// </summary>
public sealed class ChinaForecastCalendar(HolidayCalendar official) : IForecastCalendar
{
    private readonly ConcurrentDictionary<int, HolidayCalendar> _approximated = new();

    public string Name => "cn";

    public HolidayCalendar Official => official;

    /// <summary>Whether <paramref name="year"/>'s holidays come from an official file rather than the approximation.</summary>
    public bool IsOfficial(int year) => official.Covers(year);

    public CalendarDay Describe(DateOnly date)
    {
        var calendar = official.Covers(date.Year)
            ? official
            : _approximated.GetOrAdd(date.Year, year => new HolidayCalendar([HolidayApproximation.Year(year)]));
        var holiday = calendar.HolidayOn(date);
        return new CalendarDay(holiday is not null, calendar.IsMakeUpWorkday(date), holiday is null ? 0 : Code(holiday.NameZh));
    }

    /// <summary>One number per festival, stable across years; a combined break counts as its first-named festival.</summary>
    public static int Code(string nameZh) => nameZh switch
    {
        _ when nameZh.StartsWith("元旦", StringComparison.Ordinal) => 1,
        _ when nameZh.StartsWith("春节", StringComparison.Ordinal) => 2,
        _ when nameZh.StartsWith("清明", StringComparison.Ordinal) => 3,
        _ when nameZh.StartsWith("劳动", StringComparison.Ordinal) => 4,
        _ when nameZh.StartsWith("端午", StringComparison.Ordinal) => 5,
        _ when nameZh.StartsWith("中秋", StringComparison.Ordinal) => 6,
        _ when nameZh.StartsWith("国庆", StringComparison.Ordinal) => 7,
        _ => 8,
    };
}
