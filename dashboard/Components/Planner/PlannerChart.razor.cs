using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Planner;

/// <summary>One chart: the recent daily counts, the daily forecast after them and its 80 % interval as a band.</summary>
public sealed partial class PlannerChart : ComponentBase
{
    private const string HistoryColour = "var(--rz-series-1)";
    private const string ForecastColour = "var(--rz-series-2)";
    private const string BandColour = "rgba(128, 128, 200, 0.25)";

    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public PlannerSelection Selection { get; set; } = null!;
}
