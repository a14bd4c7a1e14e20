using Microsoft.AspNetCore.Components;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>One headline figure of the overview.</summary>
public sealed partial class StatTile : ComponentBase
{
    /// <summary>A stable, language-independent name for the figure.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter, EditorRequired] public string Value { get; set; } = "";
    [Parameter, EditorRequired] public string Icon { get; set; } = "";

    /// <summary>Draws attention to a figure that means work is waiting.</summary>
    [Parameter] public bool Highlight { get; set; }
}
