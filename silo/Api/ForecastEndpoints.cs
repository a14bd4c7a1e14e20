using System.Globalization;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Dashboard.Services.Analytics;
using GuoduActors.Dashboard.Services.Forecasting;
using GuoduActors.Sla;
using static GuoduActors.Silo.Api.CsvFile;

namespace GuoduActors.Silo.Api;

/// <summary>The forecasting model's state as the API shows it (planners and leaders).</summary>
public sealed record ForecastStatusDto(
    DateTimeOffset? TrainedAt, DateOnly? FirstDay, DateOnly? LastDay, int SeriesCount, DateTimeOffset? ForecastedAt, DateOnly? Origin,
    bool Training, DateTimeOffset? TrainingSince, bool WaitingForSeeding, string? Failure, DateTimeOffset? FailedAt,
    int? HistoryDays, int? HistoryDaysNeeded, SeriesAccuracy? Overall);

/// <summary>
/// The planner's forecasts over HTTP: <c>GET /api/forecast</c> (the model: when trained, on which window, its backtest)
/// and <c>GET /api/forecast/weekly.csv?station=&amp;category=</c> (the planner page's 8-week table).
/// </summary>
internal static class ForecastEndpoints
{
    private static readonly string[] CsvHeader =
        ["week_start", "week_end", "station", "category", "expected", "lower_80", "upper_80", "hours", "hours_lower_80", "hours_upper_80"];

    public static RouteGroupBuilder MapForecastEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/forecast", (HttpContext http, IPlannerForecasts forecasts) =>
        {
            if (Refuse(http) is { } refusal)
                return refusal;
            var now = forecasts.Current;
            return TypedResults.Ok(new ForecastStatusDto(
                now.Model?.TrainedAt, now.Model?.FirstDay, now.Model?.LastDay, now.Series.Count, now.ForecastedAt,
                now.Series.Values.FirstOrDefault()?.Forecast.Origin,
                now.IsTraining, now.TrainingSince, now.WaitingForSeeding, now.Failure?.Message, now.Failure?.At,
                now.Shortfall?.Days, now.Shortfall?.DaysNeeded, now.Backtest?.Overall));
        })
        .WithName("ForecastStatus")
        .WithSummary("Planners and leaders: when the forecasting model was trained, on which window, its overall backtest accuracy and whether a training runs.");

        api.MapGet("/forecast/weekly.csv", (HttpContext http, IPlannerForecasts forecasts, Catalogue catalogue, SiteContext site) =>
        {
            if (Refuse(http) is { } refusal)
                return refusal;
            var station = http.Request.Query["station"].ToString() is { Length: > 0 } s ? s : site.SubDistrictId;
            // "all" as the CSV writes it, "*" as the series are keyed, or nothing: every category.
            var category = http.Request.Query["category"].ToString() is { Length: > 0 } c and not ("all" or ForecastHierarchy.AllCategories) ? c : ForecastHierarchy.AllCategories;
            var snapshot = forecasts.Current;
            if (!snapshot.HasForecasts)
                return Problems.Problem(StatusCodes.Status404NotFound, "No forecast yet", "The forecasting model has not been trained yet: see GET /api/forecast.");
            if (snapshot.Find(station, category) is null)
                return Problems.Problem(StatusCodes.Status404NotFound, "Not found",
                    $"No forecast for station '{station}' and category '{category}': the station or category is unknown or had no tickets in the training window.");
            var weeks = PlannerTable.Build(snapshot, station, category, catalogue);
            return TypedResults.File(Csv(station, category, weeks), ContentType,
                string.Create(CultureInfo.InvariantCulture, $"forecast-{station}-{(category == ForecastHierarchy.AllCategories ? "all" : category)}-{weeks[0].WeekStart:yyyy-MM-dd}.csv"));
        })
        .WithName("ForecastWeeklyCsv")
        .WithSummary("Planners and leaders: the next 8 weeks of ?station= (default: the sub-district) and ?category= (default: all) as CSV — expected tickets, 80 % interval and the staff hours they imply.");
        return api;
    }

    /// <summary>The 8-week table as CSV: one row per week; counts and hours with one decimal, invariant culture.</summary>
    internal static byte[] Csv(string station, string category, IReadOnlyList<PlannerWeek> weeks) =>
        Encode(CsvHeader, weeks.Select(w => (IEnumerable<string>)
        [
            Date(w.WeekStart), Date(w.WeekStart.AddDays(6)), Text(station), Text(category == ForecastHierarchy.AllCategories ? "all" : category),
            Number(w.Expected, 1), Number(w.Lower, 1), Number(w.Upper, 1), Number(w.Hours, 1), Number(w.HoursLower, 1), Number(w.HoursUpper, 1),
        ]));

    private static IResult? Refuse(HttpContext http)
    {
        var viewer = http.User.ToActor();
        if (viewer is null)
            return Problems.SignInRequired("read the forecasts");
        return AnalyticsAccess.MaySeePlanner(viewer) ? null : Problems.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Forecasts are for planners and leaders.");
    }
}
