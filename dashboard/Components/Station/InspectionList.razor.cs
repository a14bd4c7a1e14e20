using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Station;

/// <summary>Inspections (检查指导) a level-1 station recorded of its compounds, or a compound received: newest first.</summary>
public sealed partial class InspectionList : ComponentBase
{
    public const int Shown = 10;

    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<Inspection> Inspections { get; set; } = [];

    /// <summary>The level of the station whose page this is: a level-1 station names the compound inspected.</summary>
    [Parameter, EditorRequired] public StationLevel Level { get; set; }

    [Parameter, EditorRequired] public IReadOnlyDictionary<string, string> Names { get; set; } = new Dictionary<string, string>();
}
