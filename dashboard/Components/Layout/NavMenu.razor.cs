using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Layout;

/// <summary>One menu entry: its page, its icon, its text's resource key, and the roles that may use it (empty: everyone).</summary>
public sealed record NavEntry(string Path, string Icon, string TextKey, params ActorRole[] Roles);

public sealed partial class NavMenu : ComponentBase
{
    /// <summary>Every page of the dashboard, in menu order. Add a page here only when it exists.</summary>
    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("/", "dashboard", "NavOverview"),
        new("/teams", "volunteer_activism", "NavTeams", ActorRole.Leader, ActorRole.Planner, ActorRole.TeamLead),
        new("/satisfaction", "sentiment_satisfied", "NavSatisfaction", ActorRole.Leader, ActorRole.Planner),
        new("/reports", "summarize", "NavReports", ActorRole.Leader, ActorRole.Planner, ActorRole.StationStaff),
    ];

    private IReadOnlyList<NavEntry> VisibleEntries { get; set; } = [];

    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Current.GetAsync();
        VisibleEntries = Entries.Where(e => e.Roles.Length == 0 || (actor is not null && e.Roles.Contains(actor.Role))).ToList();
    }
}
