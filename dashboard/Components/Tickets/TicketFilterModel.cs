namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>The filters of the ticket list as the reader sets them; dates are calendar days in China Standard Time.</summary>
public sealed class TicketFilterModel
{
    public string? Station { get; set; }
    public TicketStatus? Status { get; set; }
    public string? Category { get; set; }
    public string? Priority { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public bool? Overdue { get; set; }
    public string? Text { get; set; }

    public bool IsEmpty =>
        Station is null && Status is null && Category is null && Priority is null && From is null && To is null && Overdue is null
        && string.IsNullOrWhiteSpace(Text);

    public void Clear()
    {
        Station = Category = Priority = Text = null;
        Status = null;
        From = To = null;
        Overdue = null;
    }

    /// <summary>The list query for these filters and one page of the grid, in the order the grid asks for.</summary>
    public TicketListQuery ToQuery(int skip, int take, TicketSort sort, bool descending) => new()
    {
        Station = Station,
        Status = Status,
        Category = Category,
        Priority = Priority,
        From = From is { } from ? DateOnly.FromDateTime(from) : null,
        To = To is { } to ? DateOnly.FromDateTime(to) : null,
        Overdue = Overdue,
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
        Page = take > 0 ? skip / take + 1 : 1,
        PageSize = take > 0 ? take : TicketListQuery.DefaultPageSize,
        Sort = sort,
        Descending = descending,
    };
}
