using GuoduActors.Dashboard.Components.Satisfaction;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services.Forecasting;
using GuoduActors.Sla;

namespace GuoduActors.Dashboard.Components.Planner;

/// <summary>One day's count on the chart: an actual one in the history, or the forecast's point.</summary>
public sealed record DayValue(DateTime Day, double Value);

/// <summary>One day of the forecast's 80 % interval, drawn as a band.</summary>
public sealed record DayBand(DateTime Day, double Lower, double Upper);

/// <summary>
/// What the planner page shows for the chosen station (or the whole sub-district) and category (or all): the chart's
/// history, forecast and band, the 8-week table and the series' backtest accuracy. Null parts mean the model has no
/// such series (nothing of that category was counted there in the training window).
/// </summary>
public sealed record PlannerSelection(
    SeriesView? Series,
    IReadOnlyList<DayValue> History,
    IReadOnlyList<DayValue> Forecast,
    IReadOnlyList<DayBand> Band,
    IReadOnlyList<PlannerWeek> Weeks)
{
    public static PlannerSelection For(ForecastSnapshot snapshot, string stationId, string categoryCode, Catalogue catalogue)
    {
        if (snapshot.Find(stationId, categoryCode) is not { } series)
            return new PlannerSelection(null, [], [], [], []);
        var history = series.Recent.Select((count, i) => new DayValue(Day(series.RecentStart.AddDays(i)), count)).ToList();
        var forecast = series.Forecast.Daily.Select(d => new DayValue(Day(d.Date), Math.Round(d.Point, 2))).ToList();
        var band = series.Forecast.Daily.Select(d => new DayBand(Day(d.Date), Math.Round(d.Lower, 2), Math.Round(d.Upper, 2))).ToList();
        return new PlannerSelection(series, history, forecast, band, PlannerTable.Build(snapshot, stationId, categoryCode, catalogue));
    }

    private static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}

/// <summary>The choices of the page's two pickers.</summary>
public static class PlannerChoices
{
    /// <summary>The whole sub-district first, then the level-1 and the level-2 stations in roster order.</summary>
    public static IReadOnlyList<SeriesOption> Stations(Roster roster) =>
    [
        new(roster.SubDistrict.Id, DashboardCultures.Pick(roster.SubDistrict.NameZh, roster.SubDistrict.NameEn)),
        .. roster.Stations.OrderBy(s => s.Level).Select(s => new SeriesOption(s.Id, DashboardCultures.Pick(s.NameZh, s.NameEn), s.IsPlaceholder)),
    ];

    /// <summary>All categories first, then the catalogue's in its order.</summary>
    public static IReadOnlyList<SeriesOption> Categories(Catalogue catalogue, string allCategories) =>
    [
        new(ForecastHierarchy.AllCategories, allCategories),
        .. catalogue.Categories.Select(c => new SeriesOption(c.Code, DashboardCultures.Pick(c.NameZh, c.NameEn))),
    ];
}
