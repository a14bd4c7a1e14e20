using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>The team's jobs: work in hand first, then the most recent finished ones.</summary>
public sealed partial class TeamJobsPanel : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<JobLine> Jobs { get; set; } = [];

    private static BadgeStyle StatusStyle(JobStatus status) => status switch
    {
        JobStatus.Offered => BadgeStyle.Warning,
        JobStatus.Active => BadgeStyle.Info,
        JobStatus.Completed => BadgeStyle.Success,
        _ => BadgeStyle.Base,
    };

    private static void DescribeRow(RowRenderEventArgs<JobLine> row)
    {
        if (row.Data is { } job)
            row.Attributes["data-job"] = job.TicketId;
    }
}
