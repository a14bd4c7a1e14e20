namespace GuoduActors;

/// <summary>The orders a ticket list can be sorted in.</summary>
public enum TicketSort
{
    RegisteredAt,
    /// <summary>The earliest unmet deadline; tickets without one come last in ascending order.</summary>
    Due,
    UpdatedAt,
    Status,
    /// <summary>The owning station's id.</summary>
    Station,
}

/// <summary>One page of a ticket list and the number of tickets matching in all.</summary>
public sealed record TicketPage(int Total, int Page, int PageSize, IReadOnlyList<TicketRow> Items);

/// <summary>
/// A ticket list request, as the HTTP API (<c>GET /api/tickets</c>) and the dashboard's ticket page both make it.
/// Days are calendar days in China Standard Time; <see cref="To"/> includes its whole day.
/// </summary>
public sealed record TicketListQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 100_000;
    public const int MaxTextLength = 100;

    /// <summary>Tickets owned by or registered at this station.</summary>
    public string? Station { get; init; }
    public TicketStatus? Status { get; init; }
    public string? Category { get; init; }
    public string? Priority { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Only overdue tickets (<c>true</c>), only tickets not overdue (<c>false</c>), or both.</summary>
    public bool? Overdue { get; init; }
    /// <summary>Part of the description or of the ticket id, ignoring case.</summary>
    public string? Text { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;
    public TicketSort Sort { get; init; } = TicketSort.RegisteredAt;
    public bool Descending { get; init; } = true;

    /// <summary>Field name → messages; empty when the query can run.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Page is < 1 or > MaxPage)
            errors["page"] = [$"page must be a whole number from 1 to {MaxPage}."];
        if (PageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"pageSize must be a whole number from 1 to {MaxPageSize}."];
        if (Text is { Length: > MaxTextLength })
            errors["q"] = [$"The search text must be at most {MaxTextLength} characters."];
        if (From is { } from && To is { } to && to < from)
            errors["to"] = ["to must not be before from."];
        return errors;
    }
}

/// <summary>
/// Ticket lists and searches from the query projection, never by activating ticket grains: the filters a store can
/// apply go to storage; free text, overdue, sorting and paging are applied to the matching rows. The viewer's scope
/// is applied here, once, for every caller.
/// </summary>
public static class TicketList
{
    /// <summary>
    /// Refuses (<see cref="RefusalKind.Forbidden"/>) a viewer who may not list tickets, or staff who name a station
    /// outside their scope; otherwise the storage-side filter of the query, narrowed to what the viewer may see.
    /// </summary>
    public static TicketFilter FilterFor(Actor viewer, TicketListQuery query)
    {
        if (viewer.Role is not (ActorRole.Leader or ActorRole.Planner or ActorRole.StationStaff))
            throw new DomainRefusalException(RefusalKind.Forbidden, viewer.Role == ActorRole.TeamLead
                ? "Team leads see their team's jobs under /api/teams/{teamId}."
                : $"'{viewer.UserId}' may not list tickets.");
        if (viewer.Role == ActorRole.StationStaff && query.Station is { } station && !viewer.Manages(station))
            throw new DomainRefusalException(RefusalKind.Forbidden, $"'{viewer.UserId}' does not work for station '{station}'.");

        return new TicketFilter
        {
            InvolvingStationId = query.Station,
            // Staff see the tickets their stations own; leaders and planners see everything.
            OwnerIds = viewer.Role == ActorRole.StationStaff && query.Station is null ? viewer.StationScope : null,
            Status = query.Status,
            CategoryCode = query.Category,
            PriorityClass = query.Priority,
            RegisteredFrom = query.From is { } from ? StartOfDay(from) : null,
            RegisteredTo = query.To is { } to ? StartOfDay(to.AddDays(1)) : null,
        };
    }

    /// <summary>The page of tickets the query asks for, as <paramref name="viewer"/> may see them, overdue as of <paramref name="now"/>.</summary>
    public static async Task<TicketPage> QueryAsync(
        ITicketProjectionStore store, Actor viewer, TicketListQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
            throw DomainRefusalException.Invalid(string.Join(" ", errors.Values.SelectMany(v => v)));
        var filter = FilterFor(viewer, query);
        var text = query.Text ?? "";
        var matches = new List<TicketRow>();
        await foreach (var row in store.QueryAsync(filter, cancellationToken))
        {
            if (query.Overdue is { } wanted && row.IsOverdue(now) != wanted)
                continue;
            if (text.Length > 0 && !row.Description.Contains(text, StringComparison.OrdinalIgnoreCase) && !row.TicketId.Contains(text, StringComparison.OrdinalIgnoreCase))
                continue;
            matches.Add(row);
        }

        var descending = query.Descending;
        IEnumerable<TicketRow> ordered = query.Sort switch
        {
            TicketSort.Due => Order(matches, r => r.NextDue ?? DateTimeOffset.MaxValue, descending),
            TicketSort.UpdatedAt => Order(matches, r => r.UpdatedAt, descending),
            TicketSort.Status => Order(matches, r => r.Status, descending),
            TicketSort.Station => Order(matches, r => r.OwnerId, descending),
            _ => Order(matches, r => r.RegisteredAt, descending),
        };
        var items = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new TicketPage(matches.Count, query.Page, query.PageSize, items);
    }

    /// <summary>The instant a calendar day starts in China Standard Time.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TicketIds.ChinaStandardTime.GetUtcOffset(local));
    }

    private static IOrderedEnumerable<TicketRow> Order<TKey>(IEnumerable<TicketRow> rows, Func<TicketRow, TKey> key, bool descending) =>
        (descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ThenBy(r => r.TicketId, StringComparer.Ordinal);
}
