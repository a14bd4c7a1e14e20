using Microsoft.AspNetCore.Components;
using Radzen;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>One headline figure of the overview.</summary>
public sealed partial class StatTile : ComponentBase
{
    /// <summary>A stable, language-independent name for the figure.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter, EditorRequired] public string Value { get; set; } = "";
    [Parameter, EditorRequired] public string Icon { get; set; } = "";

    /// <summary>A line under the label, e.g. what "today" means.</summary>
    [Parameter] public string? Caption { get; set; }

    /// <summary>Draws attention to a figure that means work is waiting.</summary>
    [Parameter] public bool Highlight { get; set; }

    /// <summary>Draws alarm to a figure that means a promise to residents was broken.</summary>
    [Parameter] public bool Danger { get; set; }

    private string IconColor => Danger ? Colors.Danger : Highlight ? Colors.Warning : Colors.Primary;
}
