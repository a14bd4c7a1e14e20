using System.Globalization;
using GuoduActors.Grains;
using static GuoduActors.Silo.Api.CsvFile;

namespace GuoduActors.Silo.Api;

/// <summary>
/// A weekly report as the API shows it: the figures, the parts each rate is computed from, and the station's names.
/// Medians are in minutes, rates are decimals rounded to 4 places (<c>null</c> when nothing was counted).
/// </summary>
public sealed record WeeklyReportDto(
    DateOnly WeekStart, string IsoWeek, string StationId, string? StationNameZh, string? StationNameEn, StationLevel Level,
    WeeklyReportKind Kind, IReadOnlyList<string> Covers,
    int Received, int Resolved, int ResolvedOnTime, int Overdue, int Escalated,
    double? MedianFirstResponseMinutes, double? MedianResolutionMinutes,
    double? ResponseRate, double? ResolutionRate, double? SatisfactionRate, int RatingCount,
    int FirstResponses, int FirstResponsesOnTime, int AwaitingResponseOverdue, int AwaitingResolutionOverdue, int OpenOverdue, int Satisfied,
    DateTimeOffset GeneratedAt)
{
    public static WeeklyReportDto From(WeeklyReport r, IReadOnlyDictionary<string, StationInfo> stations)
    {
        var station = stations.GetValueOrDefault(r.StationId);
        return new(r.WeekStart, r.IsoWeek, r.StationId, station?.NameZh, station?.NameEn, r.Level, r.Kind, r.Covers,
            r.Received, r.Resolved, r.ResolvedOnTime, r.Overdue, r.Escalated,
            Minutes(r.MedianFirstResponse), Minutes(r.MedianResolution),
            Round(r.ResponseRate), Round(r.ResolutionRate), Round(r.SatisfactionRate), r.RatingCount,
            r.FirstResponses, r.FirstResponsesOnTime, r.AwaitingResponseOverdue, r.AwaitingResolutionOverdue, r.OpenOverdue, r.Satisfied,
            r.GeneratedAt);
    }

    private static double? Minutes(TimeSpan? median) => median is { } m ? Math.Round(m.TotalMinutes, 1) : null;

    private static double? Round(double? rate) => rate is { } r ? Math.Round(r, 4) : null;
}

/// <summary>
/// Weekly reports (周汇总): the week's reports as JSON or CSV, scoped to what the caller may see, and the leaders'
/// explicit compilation (the schedule compiles every Monday 00:00 China Standard Time by itself).
/// </summary>
internal static class WeeklyReportEndpoints
{
    public static RouteGroupBuilder MapWeeklyReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/weekly", (HttpContext http, IGrainFactory grains, SiteContext site, TimeProvider time) =>
            ReadAsync(http, grains, site, time, (_, reports) => TypedResults.Ok(reports)))
            .WithName("WeeklyReports")
            .WithSummary("The weekly reports of ?week=yyyy-MM-dd (a Monday; default: the last completed week), office → level-1 → level-2; station staff see their stations only.");

        api.MapGet("/reports/weekly.csv", (HttpContext http, IGrainFactory grains, SiteContext site, TimeProvider time) =>
            ReadAsync(http, grains, site, time, (week, reports) =>
                TypedResults.File(Csv(reports), CsvFile.ContentType, string.Create(CultureInfo.InvariantCulture, $"weekly-reports-{week:yyyy-MM-dd}.csv"))))
            .WithName("WeeklyReportsCsv")
            .WithSummary("The same reports as a CSV attachment (UTF-8 with BOM, invariant numbers, rates as decimals).");

        api.MapPost("/reports/weekly/compile", async (HttpContext http, IGrainFactory grains, SiteContext site, TimeProvider time) =>
        {
            var actor = http.User.ToActor();
            if (actor is null)
                return Problems.Problem(StatusCodes.Status401Unauthorized, "Sign in", "Sign in to compile weekly reports.");
            if (actor.Role is not (ActorRole.Leader or ActorRole.System))
                return Problems.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only sub-district leaders compile weekly reports.");
            var (week, problem) = ParseWeek(http.Request.Query["week"], time);
            if (problem is not null)
                return problem;
            return await Problems.Guard(async () =>
            {
                var reports = await grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).CompileWeeklyReportsAsync(week);
                var stations = await StationsAsync(grains, site);
                return TypedResults.Ok(reports.Select(r => WeeklyReportDto.From(r, stations)).ToList());
            });
        })
        .WithName("CompileWeeklyReports")
        .WithSummary("Leaders: compiles ?week= (default: the last completed week) through the hierarchy now; idempotent.");
        return api;
    }

    private static async Task<IResult> ReadAsync(
        HttpContext http, IGrainFactory grains, SiteContext site, TimeProvider time, Func<DateOnly, IReadOnlyList<WeeklyReportDto>, IResult> answer)
    {
        var viewer = http.User.ToActor();
        if (viewer is null)
            return Problems.Problem(StatusCodes.Status401Unauthorized, "Sign in", "Sign in to read weekly reports.");
        if (viewer.Role is not (ActorRole.Leader or ActorRole.Planner or ActorRole.StationStaff or ActorRole.System))
            return Problems.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Weekly reports are for leaders, planners and station staff.");
        var (week, problem) = ParseWeek(http.Request.Query["week"], time);
        if (problem is not null)
            return problem;
        var station = http.Request.Query["station"].ToString() is { Length: > 0 } s ? s : null;
        if (station is not null && !MaySee(viewer, station))
            return Problems.Problem(StatusCodes.Status403Forbidden, "Forbidden", $"'{viewer.UserId}' does not work for station '{station}'.");

        return await Problems.Guard(async () =>
        {
            // The Small Affairs Office holds every report of the week: one grain call answers the whole list.
            var reports = await grains.GetGrain<IStationGrain>(site.SubDistrictId).GetWeeklyReportsAsync(week);
            var stations = await StationsAsync(grains, site);
            var visible = reports
                .Where(r => (station is null || r.StationId == station) && MaySee(viewer, r.StationId))
                .Select(r => WeeklyReportDto.From(r, stations))
                .ToList();
            return answer(week, visible);
        });
    }

    /// <summary>Leaders and planners see every station; staff the stations they work for (a level-1 station's include its level-2 ones).</summary>
    private static bool MaySee(Actor viewer, string stationId) => viewer.Role != ActorRole.StationStaff || viewer.Manages(stationId);

    private static (DateOnly Week, IResult? Problem) ParseWeek(string? value, TimeProvider time)
    {
        if (string.IsNullOrEmpty(value))
            return (ReportWeeks.LastCompleted(time.GetUtcNow()), null);
        return ReportWeeks.TryParse(value, out var week, out var error)
            ? (week, null)
            : (default, Problems.Validation(new Dictionary<string, string[]> { ["week"] = [error!] }));
    }

    private static async Task<IReadOnlyDictionary<string, StationInfo>> StationsAsync(IGrainFactory grains, SiteContext site)
    {
        var roster = await grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetRosterAsync();
        if (roster is null)
            return new Dictionary<string, StationInfo>();
        return roster.Stations.Append(SubDistrictGrain.Office(roster)).ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    private static readonly string[] CsvHeader =
    [
        "week_start", "iso_week", "station_id", "station_name_zh", "station_name_en", "level", "kind", "covers",
        "received", "resolved", "resolved_on_time", "overdue", "escalated",
        "median_first_response_minutes", "median_resolution_minutes",
        "response_rate", "resolution_rate", "satisfaction_rate", "rating_count",
        "first_responses", "first_responses_on_time", "awaiting_response_overdue", "awaiting_resolution_overdue", "open_overdue", "satisfied",
        "generated_at",
    ];

    /// <summary>
    /// RFC 4180 CSV with a header row. The UTF-8 byte order mark makes Excel read the Chinese names correctly; numbers use
    /// the invariant culture whatever the server's; times are China Standard Time.
    /// </summary>
    internal static byte[] Csv(IReadOnlyList<WeeklyReportDto> reports)
    {
        return CsvFile.Encode(CsvHeader, reports.Select(r => (IEnumerable<string>)
            [
                Text(Date(r.WeekStart)), Text(r.IsoWeek), Text(r.StationId),
                Text(r.StationNameZh), Text(r.StationNameEn), Text(r.Level.ToString().ToLowerInvariant()), Text(r.Kind.ToString().ToLowerInvariant()),
                Text(string.Join(';', r.Covers)),
                Number(r.Received), Number(r.Resolved), Number(r.ResolvedOnTime), Number(r.Overdue), Number(r.Escalated),
                Number(r.MedianFirstResponseMinutes), Number(r.MedianResolutionMinutes),
                Number(r.ResponseRate), Number(r.ResolutionRate), Number(r.SatisfactionRate), Number(r.RatingCount),
                Number(r.FirstResponses), Number(r.FirstResponsesOnTime), Number(r.AwaitingResponseOverdue), Number(r.AwaitingResolutionOverdue),
                Number(r.OpenOverdue), Number(r.Satisfied),
                Text(TimeZoneInfo.ConvertTime(r.GeneratedAt, TicketIds.ChinaStandardTime).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)),
            ]));
    }
}
