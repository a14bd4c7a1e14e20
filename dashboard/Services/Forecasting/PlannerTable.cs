using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Sla;

namespace GuoduActors.Dashboard.Services.Forecasting;

/// <summary>
/// One forecast week for a planner: the expected tickets with their 80 % interval, and the staff/volunteer hours they
/// imply, with the interval scaled the same way.
/// </summary>
public sealed record PlannerWeek(DateOnly WeekStart, double Expected, double Lower, double Upper, double Hours, double HoursLower, double HoursUpper);

/// <summary>
/// The planner's 8-week table. Hours are tickets × each category's median hands-on handling time from the catalogue
/// (<see cref="ServiceCategory.MedianHandlingHours"/>, a staffing figure; a ticket's registered→resolved time is mostly
/// waiting, not work). For all categories, the hours per ticket are the forecast category mix's at that station (or in
/// the whole sub-district) in that week.
/// </summary>
public static class PlannerTable
{
    /// <summary>
    /// The weeks of <paramref name="stationId"/> (or the sub-district's id) and <paramref name="categoryCode"/> (or
    /// <see cref="ForecastHierarchy.AllCategories"/>); empty when the snapshot has no such series.
    /// </summary>
    public static IReadOnlyList<PlannerWeek> Build(ForecastSnapshot snapshot, string stationId, string categoryCode, Catalogue catalogue)
    {
        if (snapshot.Find(stationId, categoryCode) is not { } series)
            return [];
        var mix = categoryCode == ForecastHierarchy.AllCategories
            ? snapshot.Series.Values.Where(v => v.Key.Station == stationId && v.Key.Category != ForecastHierarchy.AllCategories).ToList()
            : null;
        var weeks = new List<PlannerWeek>(series.Forecast.Weekly.Count);
        for (var w = 0; w < series.Forecast.Weekly.Count; w++)
        {
            var week = series.Forecast.Weekly[w];
            var perTicket = mix is null ? catalogue.Resolve(categoryCode).MedianHandlingHours : MixHoursPerTicket(mix, w, catalogue);
            weeks.Add(new PlannerWeek(week.WeekStart, week.Point, week.Lower, week.Upper, week.Point * perTicket, week.Lower * perTicket, week.Upper * perTicket));
        }
        return weeks;
    }

    /// <summary>The hours per ticket of the categories' forecast mix in week <paramref name="week"/>; 0 when none is expected.</summary>
    private static double MixHoursPerTicket(IReadOnlyList<SeriesView> categories, int week, Catalogue catalogue)
    {
        double tickets = 0, hours = 0;
        foreach (var category in categories)
        {
            if (week >= category.Forecast.Weekly.Count)
                continue;
            var expected = category.Forecast.Weekly[week].Point;
            tickets += expected;
            hours += expected * catalogue.Resolve(category.Key.Category).MedianHandlingHours;
        }
        return tickets > 0 ? hours / tickets : 0;
    }
}
