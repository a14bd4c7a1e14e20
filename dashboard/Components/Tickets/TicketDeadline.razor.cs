using Microsoft.AspNetCore.Components;
using Radzen;

namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>One SLA clock of a ticket: done (on time or late), due (highlighted once overdue while open), paused, or none.</summary>
public sealed partial class TicketDeadline : ComponentBase
{
    /// <summary>A stable name for the clock: <c>first-response</c> or <c>resolution</c>.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter] public DateTimeOffset? Due { get; set; }
    [Parameter] public DateTimeOffset? DoneAt { get; set; }
    [Parameter] public bool Late { get; set; }
    [Parameter, EditorRequired] public TicketSnapshot Ticket { get; set; } = null!;
    [Parameter, EditorRequired] public TicketWords Words { get; set; } = null!;
    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    private bool Overdue => DoneAt is null && Due is { } due && due <= Now && Ticket.IsOpen;

    private string Text => (DoneAt, Due) switch
    {
        ({ } done, _) => Words.Text("DoneAt", TicketWords.Time(done)),
        (null, { } due) => Words.Text("DueAt", TicketWords.Time(due)),
        _ when Ticket.Status == TicketStatus.WaitingOnResident => Words.Text("Paused"),
        _ => Words.Text("NoDeadline"),
    };

    private string? Badge => DoneAt is not null
        ? Words.Text(Late ? "Late" : "OnTime")
        : Overdue ? Words.Text("OverdueBadge") : Late ? Words.Text("Late") : null;

    private BadgeStyle BadgeStyleOf => DoneAt is not null && !Late ? BadgeStyle.Success : BadgeStyle.Danger;
}
