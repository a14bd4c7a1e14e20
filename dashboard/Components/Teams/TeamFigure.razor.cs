using Microsoft.AspNetCore.Components;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>A small figure of a team: its value over its label.</summary>
public sealed partial class TeamFigure : ComponentBase
{
    /// <summary>A stable, language-independent name for the figure.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter, EditorRequired] public string Value { get; set; } = "";
}
