using System.Globalization;

namespace GuoduActors.Silo.Api;

/// <summary>
/// Ticket lists and searches over HTTP: parses the query string and hands it to <see cref="TicketList"/>, which the
/// dashboard's ticket page calls too, so both apply the same filters, scope, sorting and paging.
/// </summary>
internal static class TicketListEndpoints
{
    private static readonly Dictionary<string, TicketSort> Sorts = new(StringComparer.Ordinal)
    {
        ["registeredAt"] = TicketSort.RegisteredAt,
        ["due"] = TicketSort.Due,
        ["updatedAt"] = TicketSort.UpdatedAt,
        ["status"] = TicketSort.Status,
        ["station"] = TicketSort.Station,
    };

    public static RouteGroupBuilder MapTicketListEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/tickets", ListAsync)
            .WithName("ListTickets")
            .WithSummary("Tickets by station, status, category, priority, registration date range (yyyy-MM-dd, China Standard Time), overdue and free text; paged and sorted.");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ITicketProjectionStore projection, TimeProvider time, CancellationToken cancellationToken)
    {
        var viewer = http.User.ToActor();
        if (viewer is null)
            return Problems.Problem(StatusCodes.Status401Unauthorized, "Sign in", "Sign in to list tickets.");
        if (viewer.Role is ActorRole.TeamLead)
            return Problems.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Team leads see their team's jobs under /api/teams/{teamId}.");

        var query = http.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var sortName = query["sort"].ToString() is { Length: > 0 } s ? s : "registeredAt";
        if (!Sorts.TryGetValue(sortName, out var sort))
            errors["sort"] = ["sort must be one of registeredAt, due, updatedAt, status, station."];
        var list = new TicketListQuery
        {
            Station = NullIfEmpty(query["station"]),
            Status = ParseEnum<TicketStatus>(query["status"], "status", errors),
            Category = NullIfEmpty(query["category"]),
            Priority = NullIfEmpty(query["priority"]),
            From = ParseDay(query["from"], "from", errors),
            To = ParseDay(query["to"], "to", errors),
            Overdue = query["overdue"].ToString() switch { "" => null, "true" => true, "false" => false, _ => Invalid(errors, "overdue", "overdue must be true or false.") },
            Text = query["q"].ToString(),
            Page = ParseInt(query["page"], "page", 1, 1, TicketListQuery.MaxPage, errors),
            PageSize = ParseInt(query["pageSize"], "pageSize", TicketListQuery.DefaultPageSize, 1, TicketListQuery.MaxPageSize, errors),
            Sort = sort,
            Descending = query["desc"].ToString() != "false",
        };
        foreach (var (field, messages) in list.Validate())
            errors.TryAdd(field, messages);
        if (errors.Count > 0)
            return Problems.Validation(errors);

        return await Problems.Guard(async () =>
            TypedResults.Ok(await TicketList.QueryAsync(projection, viewer, list, time.GetUtcNow(), cancellationToken)));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool? Invalid(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }

    private static T? ParseEnum<T>(string? value, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        errors[field] = [$"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}."];
        return null;
    }

    /// <summary>A calendar day (China Standard Time, as <see cref="TicketList"/> reads it).</summary>
    private static DateOnly? ParseDay(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors[field] = [$"{field} must be a date as yyyy-MM-dd."];
        return null;
    }

    private static int ParseInt(string? value, string field, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
            return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
            return parsed;
        errors[field] = [$"{field} must be a whole number from {min} to {max}."];
        return fallback;
    }
}
