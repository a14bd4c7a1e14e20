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
        new("/my-station", "storefront", "NavMyStation", ActorRole.StationStaff),
    ];

    private IReadOnlyList<NavEntry> VisibleEntries { get; set; } = [];

    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private IStringLocalizerFactory Localizers { get; set; } = null!;

    /// <summary>
    /// The dashboard's resource files (the marker classes <c>*Resource</c> in <c>Localization</c>), shared texts first: a
    /// page's menu text may live in the page's own file.
    /// </summary>
    private static readonly Type[] TextSources = [.. typeof(SharedResource).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(SharedResource).Namespace && t.Name.EndsWith("Resource", StringComparison.Ordinal))
        .OrderBy(t => t != typeof(SharedResource)).ThenBy(t => t.Name, StringComparer.Ordinal)];

    private string Text(NavEntry entry) =>
        TextSources.Select(type => Localizers.Create(type)[entry.TextKey]).FirstOrDefault(text => !text.ResourceNotFound) ?? L[entry.TextKey];

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Current.GetAsync();
        VisibleEntries = Entries.Where(e => e.Roles.Length == 0 || (actor is not null && e.Roles.Contains(actor.Role))).ToList();
    }
}
