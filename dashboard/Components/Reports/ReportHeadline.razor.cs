using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Reports;

/// <summary>The widest total the reader may see, as headline figures: volumes and the three rates.</summary>
public sealed partial class ReportHeadline : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public ReportLine Line { get; set; } = null!;
}
