using System.Globalization;
using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Components.Analytics;
using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Satisfaction;

/// <summary>The stations the decline test flagged, with the evidence and the test stated in words.</summary>
public sealed partial class DecliningStationsPanel : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public SatisfactionModel Model { get; set; } = null!;

    [Parameter, EditorRequired] public DeclineTestOptions Options { get; set; } = null!;

    private string Rate(double? rate, int ratings) => $"{AnalyticsFormat.Percent(rate)} ({T["RatingsCount", ratings]})";

    private static string PValue(double? p) => p switch
    {
        null => "—",
        < 0.001 => "< 0.001",
        var v => v.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    private static void DescribeRow(RowRenderEventArgs<DecliningStation> row)
    {
        if (row.Data is { } station)
            row.Attributes["data-station"] = station.StationId;
    }
}
