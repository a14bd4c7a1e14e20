using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>The members with their skills, jobs and hours served, and the hours as a bar chart.</summary>
public sealed partial class MemberHoursPanel : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<MemberLine> Members { get; set; } = [];

    // Radzen draws a bar chart's first category at the top: the most hours first.
    private IEnumerable<MemberLine> Charted => Members.Where(m => m.Hours > 0).OrderByDescending(m => m.Hours);

    private int ChartHeight => 90 + 36 * Members.Count(m => m.Hours > 0);

    private static void DescribeRow(RowRenderEventArgs<MemberLine> row)
    {
        if (row.Data is { } member)
            row.Attributes["data-member"] = member.Id;
    }
}
