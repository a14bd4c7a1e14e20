using GuoduActors.Grains.Sla;
using GuoduActors.Sla;

namespace GuoduActors.Tests.Sla;

/// <summary>The shipped data files, as copied next to the tests from the silo project.</summary>
internal static class SlaTestData
{
    public static readonly string CataloguePath = Path.Combine(AppContext.BaseDirectory, "catalogue.json");
    public static readonly string CalendarsPath = Path.Combine(AppContext.BaseDirectory, "calendars");

    public static readonly Catalogue ShippedCatalogue = CatalogueFile.Load(CataloguePath);
    public static readonly HolidayCalendar Holidays = HolidayCalendar.Load(CalendarsPath);
    public static readonly BusinessHoursClock BusinessClock = new(Holidays, ShippedCatalogue.BusinessHours);

    /// <summary>An instant given as China Standard Time wall-clock time.</summary>
    public static DateTimeOffset Cst(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
