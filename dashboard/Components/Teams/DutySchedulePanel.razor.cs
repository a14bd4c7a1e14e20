using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>The team's recurring duty slots, Monday first, China Standard Time.</summary>
public sealed partial class DutySchedulePanel : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<DutyLine> Duty { get; set; } = [];
}
