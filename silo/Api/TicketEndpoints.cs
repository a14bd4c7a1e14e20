using GuoduActors.Grains;

namespace GuoduActors.Silo.Api;

/// <summary>A ticket as the public API shows it; the resident's contact is masked unless the caller may see it.</summary>
public sealed record TicketDto(
    string Id, string StationId, string OwnerStationId, TicketStatus Status, string Description, string? CategoryCode,
    string PriorityClass, string? TeamId, string? ResidentName, string ResidentPhone, string? Address,
    DateTimeOffset RegisteredAt, DateTimeOffset? FirstResponseDue, DateTimeOffset? ResolutionDue,
    DateTimeOffset? FirstRespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, int? Rating, string? RatingComment,
    int EscalationCount, string? CancelReason, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<string> AllowedActions)
{
    public static TicketDto From(TicketSnapshot t, Actor? viewer)
    {
        var showContact = viewer is not null && viewer.MaySeeContact(t.OwnerStationId, t.ResidentPhone);
        var actions = viewer is not null && (viewer.Manages(t.OwnerStationId) || (viewer.Role == ActorRole.TeamLead && viewer.TeamId == t.TeamId))
            ? TicketLifecycle.CommandsFrom(t.Status).Select(c => c.ToString()).ToList()
            : [];
        return new(t.Id, t.StationId, t.OwnerStationId, t.Status, t.Description, t.CategoryCode, t.PriorityClass, t.TeamId,
            showContact || t.ResidentName is null ? t.ResidentName : TicketRules.MaskName(t.ResidentName),
            showContact ? t.ResidentPhone : TicketRules.MaskPhone(t.ResidentPhone),
            t.Address, t.RegisteredAt, t.FirstResponseDue, t.ResolutionDue, t.FirstRespondedAt, t.ResolvedAt, t.ClosedAt,
            t.Rating, t.RatingComment, t.EscalationCount, t.CancelReason, t.Timeline, actions);
    }
}

public sealed record NoteBody(string? Note);
public sealed record ReasonBody(string? Reason, string? Phone);
public sealed record ClassifyBody(string? CategoryCode, string? Note);
public sealed record AssignStationBody(string? StationId, string? Note);
public sealed record AssignTeamBody(string? TeamId, string? Note);
public sealed record CloseBody(int? Rating, string? Comment, string? Phone);

internal static class TicketEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapTicketEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/stations/{stationId}/tickets", RegisterAsync)
            .WithName("RegisterTicket")
            .WithSummary("Registers a resident's small matter at a station (登记). Send an Idempotency-Key header to make retries safe.");

        api.MapGet("/tickets/{ticketId}", (string ticketId, string? phone, HttpContext http, IGrainFactory grains, ITicketProjectionStore projection) => Problems.Guard(async () =>
        {
            var viewer = http.User.ToActor() ?? (phone is null ? null : Actor.Resident(phone));
            if (viewer is null)
                return Problems.Problem(StatusCodes.Status401Unauthorized, "Sign in or prove the phone", "Sign in, or pass the resident's phone number as ?phone= to track a ticket.");
            if (Grains.Simulation.SimulatedTickets.IsSimulatedId(ticketId))
                return await SimulationEndpoints.GetArchivedTicketAsync(ticketId, viewer, projection, http.RequestAborted);
            var ticket = TicketIds.IsWellFormed(ticketId) ? await grains.GetGrain<ITicketGrain>(ticketId).GetAsync() : null;
            // A resident who names the wrong phone learns nothing, not even that the ticket exists.
            if (ticket is null || (viewer.Role == ActorRole.Resident && !TicketRules.SamePhone(phone!, ticket.ResidentPhone)))
                return Problems.Problem(StatusCodes.Status404NotFound, "Not found", $"No ticket '{ticketId}' exists for these credentials.");
            return TypedResults.Ok(TicketDto.From(ticket, viewer));
        }))
        .WithName("GetTicket").WithSummary("One ticket with its timeline. Residents pass ?phone= to see their own.");

        MapCommand<ClassifyBody>(api, "classify", (t, a, b) => t.ClassifyAsync(a, b.CategoryCode ?? "", b.Note));
        MapCommand<AssignStationBody>(api, "assign", (t, a, b) => t.AssignToStationAsync(a, b.StationId ?? "", b.Note));
        MapCommand<AssignTeamBody>(api, "assign-team", (t, a, b) => t.AssignToTeamAsync(a, b.TeamId ?? "", b.Note));
        MapCommand<NoteBody>(api, "start", (t, a, b) => t.StartAsync(a, b.Note));
        MapCommand<NoteBody>(api, "wait", (t, a, b) => t.WaitOnResidentAsync(a, b.Note ?? ""));
        MapCommand<NoteBody>(api, "resume", (t, a, b) => t.ResumeAsync(a, b.Note));
        MapCommand<NoteBody>(api, "resolve", (t, a, b) => t.ResolveAsync(a, b.Note ?? ""));
        MapCommand<ReasonBody>(api, "cancel", (t, a, b) => t.CancelAsync(a, b.Reason ?? ""));
        MapCommand<ReasonBody>(api, "hand-back", (t, a, b) => t.HandBackAsync(a, b.Reason ?? ""));
        MapCommand<CloseBody>(api, "close", (t, a, b) => t.CloseAsync(a, b.Rating ?? 0, b.Comment), body => body.Phone);
        MapCommand<ReasonBody>(api, "reopen", (t, a, b) => t.ReopenAsync(a, b.Reason ?? ""), body => body.Phone);
        return api;
    }

    /// <summary>
    /// One lifecycle command over HTTP: authenticate (a signed-in user, or a resident proving the phone where the
    /// command allows it), read the body, let the ticket grain decide, and answer its refusal as a problem.
    /// </summary>
    private static void MapCommand<TBody>(RouteGroupBuilder api, string action,
        Func<ITicketGrain, Actor, TBody, Task<TicketSnapshot>> command, Func<TBody, string?>? residentPhone = null) where TBody : class
    {
        api.MapPost($"/tickets/{{ticketId}}/{action}", async (string ticketId, HttpRequest request, IGrainFactory grains) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<TBody>(request);
            if (problem is not null)
                return problem;
            var actor = request.HttpContext.User.ToActor()
                ?? (residentPhone?.Invoke(body!) is { Length: > 0 } phone ? Actor.Resident(phone) : null);
            if (actor is null)
                return Problems.Problem(StatusCodes.Status401Unauthorized, "Sign in", $"Sign in to {action} a ticket{(residentPhone is null ? "" : ", or give the resident's phone")}.");
            if (!TicketIds.IsWellFormed(ticketId))
                return Problems.Problem(StatusCodes.Status404NotFound, "Not found", $"No ticket '{ticketId}' exists.");
            return await Problems.Guard(async () =>
                TypedResults.Ok(TicketDto.From(await command(grains.GetGrain<ITicketGrain>(ticketId), actor, body!), actor)));
        })
        .WithName($"Ticket-{action}")
        .WithSummary($"Lifecycle command '{action}'; 409 if the ticket's status does not allow it, 403 outside the caller's scope.");
    }

    private static async Task<IResult> RegisterAsync(string stationId, HttpRequest request, IGrainFactory grains)
    {
        var requestKey = request.Headers[IdempotencyHeader].ToString();
        if (requestKey.Length == 0)
            requestKey = Guid.NewGuid().ToString("N");
        else if (!TicketRules.IsValidRequestKey(requestKey))
            return Problems.Validation(new Dictionary<string, string[]> { [IdempotencyHeader] = ["The Idempotency-Key must be 1 to 100 letters, digits or . _ : -"] });

        var (ticket, problem) = await JsonBody.ReadAsync<NewTicket>(request);
        if (problem is not null)
            return problem;
        var errors = TicketRules.Validate(ticket);
        if (errors.Count > 0)
            return Problems.Validation(errors);

        return await Problems.Guard(async () =>
        {
            var created = await grains.GetGrain<IStationGrain>(stationId).RegisterTicketAsync(ticket!, requestKey);
            // Whoever registered it (the desk, or the resident themself) sees it in full.
            var viewer = request.HttpContext.User.ToActor() ?? Actor.Resident(created.ResidentPhone);
            return TypedResults.Created($"/api/tickets/{created.Id}", TicketDto.From(created, viewer));
        });
    }
}
