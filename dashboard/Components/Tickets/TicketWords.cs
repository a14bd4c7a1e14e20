using System.Globalization;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Sla;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>
/// How the ticket pages name things in the reader's language: statuses, commands, stations, teams, categories,
/// priority classes and timeline lines, for staff or in a resident's words. Times are China Standard Time.
/// </summary>
public sealed class TicketWords
{
    private readonly IStringLocalizer<TicketsResource> _l;
    private readonly IStringLocalizer<SharedResource> _shared;
    private readonly Dictionary<string, string> _stations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _teams = new(StringComparer.Ordinal);

    public TicketWords(IStringLocalizer<TicketsResource> l, IStringLocalizer<SharedResource> shared, Catalogue catalogue, Roster? roster)
    {
        _l = l;
        _shared = shared;
        Catalogue = catalogue;
        if (roster is null)
            return;
        // The Small Affairs Office owns what was escalated to the top; it is keyed by the sub-district's id.
        _stations[roster.SubDistrict.Id] = DashboardCultures.Pick(roster.SubDistrict.OfficeNameZh, roster.SubDistrict.OfficeNameEn);
        foreach (var station in roster.Stations)
            _stations[station.Id] = DashboardCultures.Pick(station.NameZh, station.NameEn);
        foreach (var team in roster.Teams)
            _teams[team.Id] = DashboardCultures.Pick(team.NameZh, team.NameEn);
    }

    public Catalogue Catalogue { get; }

    public string Text(string key) => _l[key];

    public string Text(string key, params object[] arguments) => _l[key, arguments];

    public string Status(TicketStatus status) => _l["Status." + status];

    public string Command(TicketCommand command) => _l["Command." + command];

    /// <summary>A station's (or the office's) name; an id the roster does not know is shown as it is.</summary>
    public string Station(string? id) => id is null ? "—" : _stations.GetValueOrDefault(id, id);

    public string Team(string? id) => id is null ? "—" : _teams.GetValueOrDefault(id, id);

    public string Category(string? code) =>
        Catalogue.Find(code) is { } category ? DashboardCultures.Pick(category.NameZh, category.NameEn) : code ?? "—";

    /// <summary>A category with its group, for pickers: “居家维修 · 下水道堵塞”.</summary>
    public string CategoryWithGroup(ServiceCategory category)
    {
        var group = Catalogue.Groups.FirstOrDefault(g => g.Code == category.Group);
        var name = DashboardCultures.Pick(category.NameZh, category.NameEn);
        return group is null ? name : $"{DashboardCultures.Pick(group.NameZh, group.NameEn)} · {name}";
    }

    public string Priority(string? code) =>
        Catalogue.FindPriorityClass(code) is { } priority ? DashboardCultures.Pick(priority.NameZh, priority.NameEn) : code is { Length: > 0 } ? code : "—";

    public string Skill(string code) => _shared["Skill." + code] is { ResourceNotFound: false } name ? name.Value : code;

    public string Stars(int rating) => _l["Stars", rating];

    /// <summary>Who made a timeline entry; residents see “staff” rather than the staff member's account.</summary>
    public string Who(string userId, bool forResident) => userId switch
    {
        "system" => _l["ActorSystem"],
        "resident" => _l["ActorResident"],
        "station-desk" => _l["ActorDesk"],
        _ => forResident ? _l["ActorStaff"] : userId,
    };

    /// <summary>What a timeline entry did, e.g. “流转至铂琅峯小区”, or in a resident's words.</summary>
    public string What(TimelineEntry entry, bool forResident)
    {
        var (verb, detail) = Split(entry.Action);
        var argument = verb switch
        {
            "classify" => Category(detail),
            "assign-to-station" or "hand-back" or "escalate" => Station(detail),
            "assign-to-team" => Team(detail),
            "close" => detail is not null && int.TryParse(detail.Replace("rating", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var stars)
                ? Stars(stars)
                : detail ?? "",
            _ => detail ?? "",
        };
        var text = _l[(forResident ? "Resident." : "Action.") + verb, argument];
        return text.ResourceNotFound ? entry.Action : text.Value;
    }

    /// <summary>Whether a resident should read the entry's note: what staff tell or ask them, not internal hand-offs.</summary>
    public static bool NoteIsForResident(TimelineEntry entry) =>
        Split(entry.Action).Verb is "resolve" or "wait-on-resident" or "cancel" or "reopen" or "close";

    /// <summary>An instant as China Standard Time wall-clock time, <c>yyyy-MM-dd HH:mm</c>.</summary>
    public static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TicketIds.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static (string Verb, string? Detail) Split(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (action, null) : (action[..colon], action[(colon + 1)..]);
    }
}
