using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>The team's load against its capacity as a gauge, with the same figures in words for every reader.</summary>
public sealed partial class TeamLoadGauge : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public TeamSummary Team { get; set; } = null!;

    private int Step => Team.Capacity <= 10 ? 1 : (int)Math.Ceiling(Team.Capacity / 10.0);

    private string Fill => Team.LoadLevel switch
    {
        TeamLoad.Full => "var(--rz-danger)",
        TeamLoad.High => "var(--rz-warning)",
        _ => "var(--rz-success)",
    };

    private string Explanation => Team.LoadLevel == TeamLoad.Full ? T["LoadFullExplanation"] : T["LoadExplanation"];
}
