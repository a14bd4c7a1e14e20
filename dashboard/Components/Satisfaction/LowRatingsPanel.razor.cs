using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Satisfaction;

/// <summary>The residents' own words behind the most recent ratings of 1 or 2, newest first.</summary>
public sealed partial class LowRatingsPanel : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<LowRating> Ratings { get; set; } = [];

    /// <summary>The comments could not be read (the ratings themselves are shown).</summary>
    [Parameter] public bool CommentsFailed { get; set; }

    private static void DescribeRow(RowRenderEventArgs<LowRating> row)
    {
        if (row.Data is { } rating)
            row.Attributes["data-ticket"] = rating.TicketId;
    }
}
