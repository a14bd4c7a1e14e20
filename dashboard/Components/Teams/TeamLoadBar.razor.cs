using GuoduActors.Dashboard.Components.Analytics;
using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>A team's jobs in hand against its capacity, as a bar coloured by how close it is to full.</summary>
public sealed partial class TeamLoadBar : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public TeamSummary Team { get; set; } = null!;

    private string LoadText => T["LoadOfCapacity", Team.Load, Team.Capacity, AnalyticsFormat.Percent(Team.LoadShare)];

    private ProgressBarStyle Style => Team.LoadLevel switch
    {
        TeamLoad.Full => ProgressBarStyle.Danger,
        TeamLoad.High => ProgressBarStyle.Warning,
        _ => ProgressBarStyle.Success,
    };
}
