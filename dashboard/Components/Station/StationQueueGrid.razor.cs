using GuoduActors.Dashboard.Localization;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Station;

/// <summary>A station's open tickets, soonest deadline first, overdue ones highlighted, each linking to its ticket page.</summary>
public sealed partial class StationQueueGrid : ComponentBase
{
    public const int PageSize = 10;

    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;

    /// <summary>The queue as the station orders it: soonest deadline first.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<TicketRow> Rows { get; set; } = [];

    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    private void DescribeRow(RowRenderEventArgs<TicketRow> row)
    {
        if (row.Data is not { } ticket)
            return;
        row.Attributes["data-ticket"] = ticket.TicketId;
        if (ticket.IsOverdue(Now))
            row.Attributes["class"] = "queue-overdue";
    }

    private void ColourCell(DataGridCellRenderEventArgs<TicketRow> cell)
    {
        if (cell.Data is { } ticket && ticket.IsOverdue(Now))
            cell.Attributes["style"] = "background-color: var(--rz-danger-lighter)";
    }

    /// <summary>Which promise the next deadline is: the first response or the resolution.</summary>
    private string ClockOf(TicketRow row) => row.FirstResponseDue is { } first && first == row.NextDue ? T["ClockFirstResponse"] : T["ClockResolution"];
}
