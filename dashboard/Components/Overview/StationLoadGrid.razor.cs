using System.Globalization;
using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>
/// Stations with their open and overdue tickets, their load against their peers and a severity, each row coloured by
/// it: where a leader should look first.
/// </summary>
public sealed partial class StationLoadGrid : ComponentBase
{
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<StationLoadLine> Lines { get; set; } = [];

    /// <summary>Shows each station's level and parent (the sub-district table); a station's own children need neither.</summary>
    [Parameter] public bool ShowLevel { get; set; } = true;

    [Parameter] public int PageSize { get; set; } = 12;

    [Parameter] public string? Caption { get; set; }

    [Parameter] public string? EmptyText { get; set; }

    private IReadOnlyList<StationLoadLine> Ordered { get; set; } = [];

    protected override void OnParametersSet() =>
        Ordered = Lines.OrderByDescending(l => l.Severity).ThenByDescending(l => l.Overdue).ThenByDescending(l => l.Load ?? 0).ToList();

    private static void DescribeRow(RowRenderEventArgs<StationLoadLine> row)
    {
        if (row.Data is not { } line)
            return;
        row.Attributes["data-load-station"] = line.Id;
        row.Attributes["class"] = "severity-" + line.Severity.ToString().ToLowerInvariant();
    }

    // The cells carry the colour: the theme paints cell backgrounds, which would hide a row's.
    private static void ColourCell(DataGridCellRenderEventArgs<StationLoadLine> cell)
    {
        if (cell.Data is { Severity: not Severity.Normal } line)
            cell.Attributes["style"] = $"background-color: var(--rz-{(line.Severity == Severity.Critical ? "danger" : "warning")}-lighter)";
    }

    private string LevelText(StationLevel level) => T["Level." + level];

    private string SeverityText(Severity severity) => T["Severity." + severity];

    private static string Multiple(double load) => load.ToString("0.0", CultureInfo.CurrentCulture) + "×";

    private static BadgeStyle BadgeStyleOf(Severity severity) => severity switch
    {
        Severity.Critical => BadgeStyle.Danger,
        Severity.Warning => BadgeStyle.Warning,
        _ => BadgeStyle.Success,
    };

    private static ProgressBarStyle BarStyle(Severity severity) => severity switch
    {
        Severity.Critical => ProgressBarStyle.Danger,
        Severity.Warning => ProgressBarStyle.Warning,
        _ => ProgressBarStyle.Success,
    };
}
