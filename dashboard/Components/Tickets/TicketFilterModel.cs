using GuoduActors.Dashboard.Services;

namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>
/// The filters of the ticket list as the reader sets them; dates are calendar days in China Standard Time. The list starts
/// with a window of the last <see cref="DefaultWindowDays"/> days (<see cref="DefaultFrom"/>), to which resetting returns:
/// an unfiltered list would read every ticket of the projection (a seeded history holds 176 000), a dated one only its
/// days. The reader may still clear the date and ask for all.
/// </summary>
public sealed class TicketFilterModel
{
    /// <summary>How many days, today included, the list shows unless the reader asks otherwise.</summary>
    public const int DefaultWindowDays = 30;

    public string? Station { get; set; }
    public TicketStatus? Status { get; set; }
    public string? Category { get; set; }
    public string? Priority { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public bool? Overdue { get; set; }
    public string? Text { get; set; }

    /// <summary>The first day of the default window, or null if the list has none.</summary>
    public DateTime? DefaultFrom { get; private set; }

    public bool IsEmpty =>
        Station is null && Status is null && Category is null && Priority is null && From is null && To is null && Overdue is null
        && string.IsNullOrWhiteSpace(Text);

    /// <summary>Nothing but the default window is set: resetting would change nothing.</summary>
    public bool IsDefault =>
        Station is null && Status is null && Category is null && Priority is null && From == DefaultFrom && To is null && Overdue is null
        && string.IsNullOrWhiteSpace(Text);

    /// <summary>Whether the list shows just the default window: the date is the default's, nothing else narrows it.</summary>
    public bool ShowsDefaultWindow => DefaultFrom is not null && IsDefault;

    /// <summary>The first day of the <see cref="DefaultWindowDays"/> days up to and including the day of <paramref name="now"/>.</summary>
    public static DateTime WindowStart(DateTimeOffset now) => ChinaTime.StartOfDay(now).Date.AddDays(1 - DefaultWindowDays);

    /// <summary>Gives the list its default window as of <paramref name="now"/>; <paramref name="apply"/> also sets it now.</summary>
    public void UseDefaultWindow(DateTimeOffset now, bool apply)
    {
        DefaultFrom = WindowStart(now);
        if (apply)
            From = DefaultFrom;
    }

    /// <summary>Back to the start: the default window, if any, and nothing else.</summary>
    public void Reset()
    {
        Station = Category = Priority = Text = null;
        Status = null;
        From = DefaultFrom;
        To = null;
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
