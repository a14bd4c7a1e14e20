using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Layout;

/// <summary>One menu entry: its page, its icon, its text's resource key, and the roles that may use it (empty: everyone).</summary>
public sealed record NavEntry(string Path, string Icon, string TextKey, params ActorRole[] Roles)
{
    /// <summary>The resource file that holds <see cref="TextKey"/>, so each page's texts can stay in its own file.</summary>
    public Type Resource { get; init; } = typeof(SharedResource);
}

public sealed partial class NavMenu : ComponentBase
{
    /// <summary>Every page of the dashboard, in menu order. Add a page here only when it exists.</summary>
    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("/", "dashboard", "NavOverview"),
        new("/my-station", "storefront", "NavMyStation", ActorRole.StationStaff) { Resource = typeof(OverviewResource) },
        new("/tickets", "assignment", "NavTickets", ActorRole.Leader, ActorRole.StationStaff, ActorRole.Planner) { Resource = typeof(TicketsResource) },
        new("/report", "edit_note", "NavReport") { Resource = typeof(TicketsResource) },
        new("/track", "manage_search", "NavTrack") { Resource = typeof(TicketsResource) },
        new("/teams", "volunteer_activism", "NavTeams", ActorRole.Leader, ActorRole.Planner, ActorRole.TeamLead),
        new("/satisfaction", "sentiment_satisfied", "NavSatisfaction", ActorRole.Leader, ActorRole.Planner),
        new("/reports", "summarize", "NavReports", ActorRole.Leader, ActorRole.Planner, ActorRole.StationStaff),
        new("/planner", "insights", "NavPlanner", ActorRole.Leader, ActorRole.Planner) { Resource = typeof(AnalyticsResource) },
    ];

    private IReadOnlyList<NavEntry> VisibleEntries { get; set; } = [];

    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IStringLocalizerFactory Localizers { get; set; } = null!;

    private string TextOf(NavEntry entry) => Localizers.Create(entry.Resource)[entry.TextKey];

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Current.GetAsync();
        VisibleEntries = Entries.Where(e => e.Roles.Length == 0 || (actor is not null && e.Roles.Contains(actor.Role))).ToList();
    }
}
