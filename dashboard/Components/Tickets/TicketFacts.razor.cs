using Microsoft.AspNetCore.Components;

namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>The facts of one ticket: the matter, the contact, the handling, the deadlines and the rating.</summary>
public sealed partial class TicketFacts : ComponentBase
{
    [Parameter, EditorRequired] public TicketSnapshot Ticket { get; set; } = null!;
    [Parameter, EditorRequired] public TicketWords Words { get; set; } = null!;
    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    /// <summary>Whether the reader may see the resident's name and phone (<see cref="Actor.MaySeeContact"/>).</summary>
    [Parameter] public bool ShowContact { get; set; }

    private string? ResidentName => Ticket.ResidentName is null || ShowContact ? Ticket.ResidentName : TicketRules.MaskName(Ticket.ResidentName);

    private string ResidentPhone => ShowContact ? Ticket.ResidentPhone : TicketRules.MaskPhone(Ticket.ResidentPhone);
}
