using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Station;

/// <summary>One week's bars: received and resolved.</summary>
public sealed record WeekBar(string Week, int Received, int Resolved);

/// <summary>A station's weekly reports (周汇总) of the last weeks: the figures it sent up, newest first, and their trend.</summary>
public sealed partial class StationWeeklyReports : ComponentBase
{
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;

    /// <summary>Newest first.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<WeeklyReport> Reports { get; set; } = [];

    private IReadOnlyList<WeekBar> Chronological { get; set; } = [];

    protected override void OnParametersSet() =>
        Chronological = Reports.OrderBy(r => r.WeekStart).Select(r => new WeekBar(r.IsoWeek, r.Received, r.Resolved)).ToList();
}
