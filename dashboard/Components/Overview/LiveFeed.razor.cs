using System.Globalization;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>
/// The latest ticket events, newest first: when, what (in the reader's language), which ticket (linking to its page),
/// where. Descriptions are residents' words: shown only to readers who may see the ticket.
/// </summary>
public sealed partial class LiveFeed : ComponentBase
{
    public const string SignInLink = "signin?returnUrl=%2F";

    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;

    /// <summary>The events to show, newest first.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<LiveEvent> Events { get; set; } = [];

    /// <summary>Station and team names by id, in the reader's language.</summary>
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, string> Names { get; set; } = new Dictionary<string, string>();

    [Parameter] public bool SignedIn { get; set; }

    /// <summary>Whether the reader may read the resident's description of this event's ticket.</summary>
    [Parameter] public Func<LiveEvent, bool> ShowDescription { get; set; } = _ => false;

    /// <summary>A timeline action is <c>verb</c> or <c>verb:detail</c>, e.g. <c>escalate:fenglin</c> or <c>close:rating 5</c>.</summary>
    public static (string Verb, string? Detail) Split(string action) =>
        action.IndexOf(':') is var colon and > 0 ? (action[..colon], action[(colon + 1)..]) : (action, null);

    private string VerbText(string verb) => T["Action." + verb] is { ResourceNotFound: false } text ? text.Value : verb;

    private string Describe(LiveEvent e, string verb, string? detail)
    {
        // A move names its target; when the target is the new owner, naming the owner again would say it twice.
        var where = verb is "assign-to-station" or "escalate" or "hand-back" && detail == e.OwnerId ? null : Name(e.OwnerId);
        var category = e.CategoryCode is null ? null : CategoryNames.ShortName(Catalogue, e.CategoryCode);
        var what = verb switch
        {
            "assign-to-station" or "assign-to-team" or "escalate" or "hand-back" when detail is not null => T["ActionTo", Name(detail)].Value,
            "close" when detail is not null && int.TryParse(detail.Replace("rating", "", StringComparison.Ordinal).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var stars)
                => T["ActionRated", stars].Value,
            _ => null,
        };
        return string.Join(" · ", new[] { what, where, category }.Where(part => !string.IsNullOrEmpty(part)));
    }

    private string Name(string id) => Names.TryGetValue(id, out var name) ? name : id;

    private static BadgeStyle StyleOf(string verb) => verb switch
    {
        "register" => BadgeStyle.Info,
        "escalate" => BadgeStyle.Danger,
        "resolve" or "close" => BadgeStyle.Success,
        "reopen" or "hand-back" or "team-decline" or "wait-on-resident" => BadgeStyle.Warning,
        "cancel" => BadgeStyle.Base,
        _ => BadgeStyle.Primary,
    };
}
