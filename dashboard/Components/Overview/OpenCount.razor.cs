using Microsoft.AspNetCore.Components;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>A count of open matters, coloured when work is waiting so a reader finds it at a glance.</summary>
public sealed partial class OpenCount : ComponentBase
{
    [Parameter, EditorRequired] public int Count { get; set; }
}
