using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services.Forecasting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Planner;

/// <summary>The next 8 weeks: expected tickets with their 80 % interval and the staff hours they imply.</summary>
public sealed partial class PlannerWeeksTable : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<PlannerWeek> Weeks { get; set; } = [];
}
