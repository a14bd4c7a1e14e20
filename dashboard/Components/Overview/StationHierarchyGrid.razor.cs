using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>
/// The community (level-1) stations, each expandable to the compound (level-2) stations attached to it, with
/// their live counters.
/// </summary>
public sealed partial class StationHierarchyGrid : ComponentBase
{
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<CommunityLine> Communities { get; set; } = [];

    private static void DescribeCommunityRow(RowRenderEventArgs<CommunityLine> row)
    {
        if (row.Data is not { } community)
            return;
        // Only a community with compounds has anything to expand.
        row.Expandable = community.CompoundCount > 0;
        row.Attributes["data-station"] = community.Id;
    }

    private static void DescribeCompoundRow(RowRenderEventArgs<StationLine> row)
    {
        if (row.Data is { } compound)
            row.Attributes["data-station"] = compound.Id;
    }
}
