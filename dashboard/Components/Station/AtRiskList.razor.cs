using GuoduActors.Dashboard.Localization;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Station;

/// <summary>The open tickets whose next deadline falls in the next 24 hours, soonest first, with the time left.</summary>
public sealed partial class AtRiskList : ComponentBase
{
    /// <summary>Less time than this left is shown in red.</summary>
    private static readonly TimeSpan Urgent = TimeSpan.FromHours(2);

    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;

    /// <summary>Tickets not yet overdue whose next deadline is within the window, soonest first.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<TicketRow> Rows { get; set; } = [];

    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    private string Remaining(DateTimeOffset due)
    {
        var left = due - Now;
        return left.TotalHours >= 1 ? T["DueInHours", (int)left.TotalHours, left.Minutes] : T["DueInMinutes", Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))];
    }

    private string ClockOf(TicketRow row) => row.FirstResponseDue is { } first && first == row.NextDue ? T["ClockFirstResponse"] : T["ClockResolution"];
}
