using System.Globalization;

namespace GuoduActors.Dashboard.Services;

/// <summary>The sub-district's clock: every day boundary and every time shown is China Standard Time, whatever the server's zone.</summary>
public static class ChinaTime
{
    public static DateTimeOffset ToChina(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TicketIds.ChinaStandardTime);

    /// <summary>Midnight, China Standard Time, of the day that contains <paramref name="at"/>.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset at)
    {
        var local = ToChina(at);
        return new DateTimeOffset(local.Date, local.Offset);
    }

    /// <summary><c>HH:mm:ss</c>: a time of today, e.g. in the live feed.</summary>
    public static string Time(DateTimeOffset at) => ToChina(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary><c>MM-dd HH:mm</c>: a time within a few days, e.g. a deadline.</summary>
    public static string DayAndTime(DateTimeOffset at) => ToChina(at).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
