using System.Globalization;
using GuoduActors.Grains;

namespace GuoduActors.Silo.Api;

public sealed record TicketPage(int Total, int Page, int PageSize, IReadOnlyList<TicketRow> Items);

/// <summary>
/// Ticket lists and searches, answered from the query projection: filters go to storage, the rest (free text,
/// overdue, sorting, paging) is applied to the matching rows. No ticket grain is activated.
/// </summary>
internal static class TicketListEndpoints
{
    private const int MaxPageSize = 200;

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
        var status = ParseEnum<TicketStatus>(query["status"], "status", errors);
        var from = ParseDay(query["from"], "from", errors);
        var to = ParseDay(query["to"], "to", errors);
        var page = ParseInt(query["page"], "page", 1, 1, 100_000, errors);
        var pageSize = ParseInt(query["pageSize"], "pageSize", 50, 1, MaxPageSize, errors);
        var sort = query["sort"].ToString() is { Length: > 0 } s ? s : "registeredAt";
        if (sort is not ("registeredAt" or "due" or "updatedAt" or "status" or "station"))
            errors["sort"] = ["sort must be one of registeredAt, due, updatedAt, status, station."];
        var overdue = query["overdue"].ToString() switch { "" => (bool?)null, "true" => true, "false" => false, _ => Invalid(errors, "overdue", "overdue must be true or false.") };
        var text = query["q"].ToString();
        if (text.Length > 100)
            errors["q"] = ["The search text must be at most 100 characters."];
        if (from is not null && to is not null && to < from)
            errors["to"] = ["to must not be before from."];
        if (errors.Count > 0)
            return Problems.Validation(errors);

        var station = query["station"].ToString() is { Length: > 0 } st ? st : null;
        if (viewer.Role == ActorRole.StationStaff && station is not null && !viewer.Manages(station))
            return Problems.Problem(StatusCodes.Status403Forbidden, "Forbidden", $"'{viewer.UserId}' does not work for station '{station}'.");

        var filter = new TicketFilter
        {
            InvolvingStationId = station,
            // Staff see the tickets their stations own; leaders and planners see everything.
            OwnerIds = viewer.Role == ActorRole.StationStaff && station is null ? viewer.StationScope : null,
            Status = status,
            CategoryCode = NullIfEmpty(query["category"]),
            PriorityClass = NullIfEmpty(query["priority"]),
            RegisteredFrom = from,
            RegisteredTo = to?.AddDays(1),
        };
        var now = time.GetUtcNow();
        var matches = new List<TicketRow>();
        await foreach (var row in projection.QueryAsync(filter, cancellationToken))
        {
            if (overdue is { } wanted && row.IsOverdue(now) != wanted)
                continue;
            if (text.Length > 0 && !row.Description.Contains(text, StringComparison.OrdinalIgnoreCase) && !row.TicketId.Contains(text, StringComparison.OrdinalIgnoreCase))
                continue;
            matches.Add(row);
        }

        var descending = query["desc"].ToString() != "false";
        IEnumerable<TicketRow> ordered = sort switch
        {
            "due" => Order(matches, r => r.NextDue ?? DateTimeOffset.MaxValue, descending),
            "updatedAt" => Order(matches, r => r.UpdatedAt, descending),
            "status" => Order(matches, r => r.Status, descending),
            "station" => Order(matches, r => r.OwnerId, descending),
            _ => Order(matches, r => r.RegisteredAt, descending),
        };
        var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return TypedResults.Ok(new TicketPage(matches.Count, page, pageSize, items));
    }

    private static IOrderedEnumerable<TicketRow> Order<TKey>(IEnumerable<TicketRow> rows, Func<TicketRow, TKey> key, bool descending) =>
        (descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ThenBy(r => r.TicketId, StringComparer.Ordinal);

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

    /// <summary>A calendar day in China Standard Time, as the instant it starts.</summary>
    private static DateTimeOffset? ParseDay(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, TicketIds.ChinaStandardTime.GetUtcOffset(local));
        }
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
