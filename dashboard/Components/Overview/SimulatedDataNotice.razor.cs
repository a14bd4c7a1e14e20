using System.Globalization;
using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>
/// Says plainly that the figures come from a simulated history (and up to when), whenever the sub-district's data is
/// simulated: a leader must never take the demo data of a first run for real matters.
/// </summary>
public sealed partial class SimulatedDataNotice : ComponentBase
{
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Parameter] public SimulationStatus? Status { get; set; }

    private string Until => Status?.SimulatedUntil is { } until
        ? TimeZoneInfo.ConvertTime(until, TicketIds.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : "";
}
