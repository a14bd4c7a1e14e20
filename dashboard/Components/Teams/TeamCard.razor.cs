using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>One team on the teams page: load, jobs, hours and skills, with a link to its own page.</summary>
public sealed partial class TeamCard : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Parameter, EditorRequired] public TeamSummary Team { get; set; } = null!;
}
