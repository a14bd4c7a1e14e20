using System.Globalization;

namespace GuoduActors.Grains.Sla;

/// <summary>
/// Gregorian dates of the lunar festivals, for years the holiday files do not cover yet (forecasting) and to check
/// those files. These are the festival days themselves, not the official breaks around them.
/// Valid for 1901–2100, the range of <see cref="ChineseLunisolarCalendar"/>.
/// </summary>
public static class ChineseHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>Spring Festival (春节), the first day of the first lunar month of <paramref name="year"/>.</summary>
    public static DateOnly SpringFestival(int year) => FromLunar(year, 1, 1);

    /// <summary>New Year's Eve (除夕), the last day of the lunar year that ends in <paramref name="year"/>; a statutory holiday since 2025.</summary>
    public static DateOnly LunarNewYearsEve(int year) => SpringFestival(year).AddDays(-1);

    /// <summary>Dragon Boat Festival (端午节), the fifth day of the fifth lunar month.</summary>
    public static DateOnly DragonBoat(int year) => FromLunar(year, 5, 5);

    /// <summary>Mid-Autumn Festival (中秋节), the fifteenth day of the eighth lunar month.</summary>
    public static DateOnly MidAutumn(int year) => FromLunar(year, 8, 15);

    /// <summary>The Gregorian date of a day in an ordinary (non-leap) lunar month of the lunar year beginning in <paramref name="year"/>.</summary>
    public static DateOnly FromLunar(int year, int month, int day)
    {
        // The calendar numbers months through the year, leap month included: after a leap month
        // (GetLeapMonth returns its position) every later month sits one position further on.
        var leap = Lunar.GetLeapMonth(year);
        var position = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, position, day, 0, 0, 0, 0));
    }
}
