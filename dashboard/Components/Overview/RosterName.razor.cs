using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>A station's or team's name, visibly marked when the roster only holds a placeholder for it.</summary>
public sealed partial class RosterName : ComponentBase
{
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Parameter, EditorRequired] public string Name { get; set; } = "";
    [Parameter] public bool IsPlaceholder { get; set; }
}
