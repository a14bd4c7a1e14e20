using System.Globalization;

namespace GuoduActors.Silo.Api;

public sealed record InspectionBody(string? InspectedStationId, string? Date, string? Findings, int? Score);
public sealed record MembersBody(List<TeamMember>? Members, List<DutySlot>? Duty);
public sealed record AcceptBody(List<string>? MemberIds);
public sealed record CompleteBody(double? Hours, string? Note);

/// <summary>A station's queue, counters and records, and the volunteer teams' jobs.</summary>
internal static class StationOperationsEndpoints
{
    public static RouteGroupBuilder MapStationOperationsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/overview", (HttpContext http, IGrainFactory grains, SiteContext site) => Problems.AsActor(http, "see the overview", async _ =>
            TypedResults.Ok(await grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetOverviewAsync())))
            .WithName("Overview").WithSummary("Every station with its live counters, in one call.");

        api.MapGet("/stations/{stationId}/queue", (string stationId, string? max, HttpContext http, IGrainFactory grains) =>
            Problems.AsActor(http, "see a station's queue", async _ =>
            {
                // Read by hand: a bound int? that does not parse throws (a 500 in Development) instead of answering 400.
                var count = 100;
                if (!string.IsNullOrEmpty(max) && !int.TryParse(max, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count))
                    return Problems.Validation(new Dictionary<string, string[]> { ["max"] = ["max must be a whole number."] });
                return TypedResults.Ok(await grains.GetGrain<IStationGrain>(stationId).GetQueueAsync(count));
            }))
            .WithName("StationQueue").WithSummary("The open tickets a station owns, soonest deadline first.");

        api.MapGet("/stations/{stationId}/counters", (string stationId, HttpContext http, IGrainFactory grains) =>
            Problems.AsActor(http, "see a station's counters", async _ =>
                TypedResults.Ok(await grains.GetGrain<IStationGrain>(stationId).GetCountersAsync())))
            .WithName("StationCounters");

        api.MapGet("/stations/{stationId}/daily-counts", (string stationId, string? from, string? to, HttpContext http, IGrainFactory grains, TimeProvider time) =>
            Problems.AsActor(http, "see daily counts", async _ =>
            {
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TicketIds.ChinaStandardTime).DateTime);
                if (!TryDay(from, today.AddDays(-90), out var first) || !TryDay(to, today, out var last) || last < first)
                    return Problems.Problem(StatusCodes.Status400BadRequest, "Invalid dates", "from and to must be yyyy-MM-dd dates, from not after to.");
                return TypedResults.Ok(await grains.GetGrain<IStationGrain>(stationId).GetDailyCountsAsync(first, last));
            }))
            .WithName("StationDailyCounts").WithSummary("Received and resolved tickets per category and day (China Standard Time).");

        api.MapGet("/stations/{stationId}/service-list", async (string stationId, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IStationGrain>(stationId).GetServiceListAsync()))
            .WithName("StationServiceList").WithSummary("A level-2 station's standard service list (public).");

        api.MapPut("/stations/{stationId}/service-list", async (string stationId, HttpRequest request, IGrainFactory grains) =>
        {
            var (items, problem) = await JsonBody.ReadAsync<List<ServiceItem>>(request);
            return problem ?? await Problems.AsActor(request.HttpContext, "publish a service list", async actor =>
                TypedResults.Ok(await grains.GetGrain<IStationGrain>(stationId).PublishServiceListAsync(actor, items!)));
        }).WithName("PublishServiceList");

        api.MapGet("/stations/{stationId}/inspections", (string stationId, HttpContext http, IGrainFactory grains) =>
            Problems.AsActor(http, "see inspections", async _ =>
                TypedResults.Ok(await grains.GetGrain<IStationGrain>(stationId).GetInspectionsAsync())))
            .WithName("StationInspections");

        api.MapPost("/stations/{stationId}/inspections", async (string stationId, HttpRequest request, IGrainFactory grains) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<InspectionBody>(request);
            if (problem is not null)
                return problem;
            if (!TryDay(body!.Date, default, out var date) || body.Date is null)
                return Problems.Problem(StatusCodes.Status400BadRequest, "Invalid date", "date must be a yyyy-MM-dd date.");
            return await Problems.AsActor(request.HttpContext, "record an inspection", async actor =>
            {
                var inspection = await grains.GetGrain<IStationGrain>(stationId)
                    .RecordInspectionAsync(actor, body.InspectedStationId ?? "", date, body.Findings ?? "", body.Score ?? -1);
                return TypedResults.Created($"/api/stations/{stationId}/inspections", inspection);
            });
        }).WithName("RecordInspection").WithSummary("A level-1 station records an inspection of one of its level-2 stations.");

        api.MapGet("/teams/{teamId}", (string teamId, HttpContext http, IGrainFactory grains) =>
            Problems.AsActor(http, "see a team", async _ => TypedResults.Ok(await grains.GetGrain<IVolunteerTeamGrain>(teamId).GetAsync())))
            .WithName("GetTeam").WithSummary("A team's members, duty schedule, jobs, hours served and load.");

        api.MapPut("/teams/{teamId}/members", async (string teamId, HttpRequest request, IGrainFactory grains) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<MembersBody>(request);
            return problem ?? await Problems.AsActor(request.HttpContext, "edit a team", async actor =>
                TypedResults.Ok(await grains.GetGrain<IVolunteerTeamGrain>(teamId).UpdateMembersAsync(actor, body!.Members ?? [], body.Duty ?? [])));
        }).WithName("UpdateTeamMembers");

        MapJob<AcceptBody>(api, "accept", (team, actor, ticketId, body) => team.AcceptJobAsync(actor, ticketId, body.MemberIds ?? []));
        MapJob<ReasonBody>(api, "decline", (team, actor, ticketId, body) => team.DeclineJobAsync(actor, ticketId, body.Reason ?? ""));
        MapJob<CompleteBody>(api, "complete", (team, actor, ticketId, body) => team.CompleteJobAsync(actor, ticketId, body.Hours ?? 0, body.Note ?? ""));
        return api;
    }

    private static void MapJob<TBody>(RouteGroupBuilder api, string action, Func<IVolunteerTeamGrain, Actor, string, TBody, Task<TeamView>> call) where TBody : class
    {
        api.MapPost($"/teams/{{teamId}}/jobs/{{ticketId}}/{action}", async (string teamId, string ticketId, HttpRequest request, IGrainFactory grains) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<TBody>(request);
            return problem ?? await Problems.AsActor(request.HttpContext, $"{action} a job", async actor =>
                TypedResults.Ok(await call(grains.GetGrain<IVolunteerTeamGrain>(teamId), actor, ticketId, body!)));
        }).WithName($"Job-{action}").WithSummary($"The team lead {action}s a job offered to the team.");
    }

    private static bool TryDay(string? value, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        return string.IsNullOrEmpty(value) || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
