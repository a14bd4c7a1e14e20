using System.Globalization;
using GuoduActors.Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Analytics;

/// <summary>How the analytics pages write numbers, rates, durations, weeks and times (always China Standard Time).</summary>
public static class AnalyticsFormat
{
    /// <summary>A rate as a percentage with one decimal, or a dash when there was nothing to count (never 0 %).</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.0", CultureInfo.CurrentCulture) + "%" : "—";

    /// <summary>A change of rates in percentage points, signed.</summary>
    public static string Points(double? change, IStringLocalizer<AnalyticsResource> text) =>
        change is { } c ? text["PercentagePoints", (c * 100).ToString("+0.0;−0.0;0.0", CultureInfo.CurrentCulture)] : "—";

    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Hours(double hours) => hours.ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>A forecast count: expected values are rarely whole, one decimal at most.</summary>
    public static string Expected(double count) => count.ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>A median duration: minutes below an hour, else hours with one decimal.</summary>
    public static string Duration(TimeSpan? duration, IStringLocalizer<AnalyticsResource> text) => duration switch
    {
        null => "—",
        { TotalMinutes: < 60 } d => text["DurationMinutes", Math.Round(d.TotalMinutes).ToString("0", CultureInfo.CurrentCulture)],
        var d => text["DurationHours", d.Value.TotalHours.ToString("0.0", CultureInfo.CurrentCulture)],
    };

    /// <summary>The instant as a wall-clock time in Guodu.</summary>
    public static DateTime ChinaTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TicketIds.ChinaStandardTime).DateTime;

    /// <summary><c>yyyy-MM-dd HH:mm</c>, China Standard Time.</summary>
    public static string ChinaDateTime(DateTimeOffset at) => ChinaTime(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>HH:mm:ss</c>, China Standard Time.</summary>
    public static string ChinaClock(DateTimeOffset at) => ChinaTime(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A report week: its ISO label and its Monday-to-Sunday dates, e.g. <c>2026-W48 · 2026-11-23 – 11-29</c>.</summary>
    public static string Week(DateOnly weekStart) => string.Create(CultureInfo.InvariantCulture,
        $"{ReportWeeks.IsoLabel(weekStart)} · {weekStart:yyyy-MM-dd} – {weekStart.AddDays(6):MM-dd}");

    /// <summary>The name of a week day in the reader's language.</summary>
    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);
}
