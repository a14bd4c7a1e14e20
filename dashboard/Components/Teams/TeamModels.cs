using GuoduActors.Dashboard.Localization;
using GuoduActors.Sla;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>How full a team is: capacity counts the jobs offered to it and the ones it works on.</summary>
public enum TeamLoad
{
    Light = 0,
    /// <summary>Three quarters of the capacity or more.</summary>
    High = 1,
    /// <summary>At capacity: the team takes no more offers.</summary>
    Full = 2,
}

/// <summary>A volunteer team's headline figures, in the reader's language.</summary>
public sealed record TeamSummary(
    string Id,
    string Name,
    bool IsPlaceholder,
    string HomeStationName,
    IReadOnlyList<string> Skills,
    int Capacity,
    int Offered,
    int Active,
    long Completed,
    double HoursServed)
{
    /// <summary>Jobs holding capacity: offered and active.</summary>
    public int Load => Offered + Active;

    /// <summary>The load as a share of the capacity, 0–1 (a team over capacity after a roster change shows full).</summary>
    public double LoadShare => Capacity <= 0 ? 1 : Math.Min(1, (double)Load / Capacity);

    public TeamLoad LoadLevel => Load >= Capacity ? TeamLoad.Full : Load * 4 >= Capacity * 3 ? TeamLoad.High : TeamLoad.Light;

    public static TeamSummary From(TeamView view, IReadOnlyDictionary<string, StationInfo> stations)
    {
        var info = view.Info;
        var home = stations.TryGetValue(info.HomeStationId, out var station) ? DashboardCultures.Pick(station.NameZh, station.NameEn) : info.HomeStationId;
        return new TeamSummary(info.Id, DashboardCultures.Pick(info.NameZh, info.NameEn), info.IsPlaceholder, home, info.Skills,
            info.Capacity, view.Offered, view.Active, view.Completed, view.HoursServed);
    }
}

/// <summary>A member with the jobs and hours credited to them. Hours of a job with no named members are credited to the team.</summary>
public sealed record MemberLine(string Id, string Name, IReadOnlyList<string> Skills, int Jobs, double Hours, MemberKind Kind);

public enum MemberKind
{
    Member = 0,
    /// <summary>Hours of jobs completed without naming members.</summary>
    WholeTeam = 1,
    /// <summary>Someone credited with hours who is no longer on the member list.</summary>
    FormerMember = 2,
}

/// <summary>A recurring duty slot, China Standard Time.</summary>
public sealed record DutyLine(DayOfWeek Day, TimeOnly From, TimeOnly To, string? Activity, IReadOnlyList<string> MemberNames);

/// <summary>One job of the team, with the names the reader reads.</summary>
public sealed record JobLine(
    string TicketId,
    JobStatus Status,
    string CategoryName,
    string RoutingStationName,
    DateTimeOffset OfferedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? FinishedAt,
    double Hours,
    IReadOnlyList<string> MemberNames,
    string? Note)
{
    public bool IsOpen => Status is JobStatus.Offered or JobStatus.Active;
}

/// <summary>Everything the page of one team shows.</summary>
public sealed record TeamDetail(TeamSummary Summary, IReadOnlyList<MemberLine> Members, IReadOnlyList<DutyLine> Duty, IReadOnlyList<JobLine> Jobs)
{
    public static TeamDetail From(TeamView view, IReadOnlyDictionary<string, StationInfo> stations, Catalogue catalogue)
    {
        var names = view.Members.ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal);
        string NameOf(string memberId) => names.GetValueOrDefault(memberId, memberId);

        var members = view.Members
            .Select(m => new MemberLine(m.Id, m.Name, m.Skills, view.JobsByMember.GetValueOrDefault(m.Id), view.HoursByMember.GetValueOrDefault(m.Id), MemberKind.Member))
            .ToList();
        // Hours stay credited to whoever earned them, also after they left the list.
        foreach (var (id, hours) in view.HoursByMember.Where(h => !names.ContainsKey(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal))
            members.Add(new MemberLine(id, id, [], view.JobsByMember.GetValueOrDefault(id), hours, id == view.Info.Id ? MemberKind.WholeTeam : MemberKind.FormerMember));

        var duty = view.Duty
            .OrderBy(d => ((int)d.Day + 6) % 7).ThenBy(d => d.From)
            .Select(d => new DutyLine(d.Day, d.From, d.To, d.Activity, d.MemberIds.Select(NameOf).ToList()))
            .ToList();

        string StationName(string id) => stations.TryGetValue(id, out var s) ? DashboardCultures.Pick(s.NameZh, s.NameEn) : id;
        string CategoryName(string? code) => catalogue.Find(code) is { } c ? DashboardCultures.Pick(c.NameZh, c.NameEn) : code ?? "—";
        // Work in hand first, oldest offer first; then what finished, most recent first.
        var jobs = view.Jobs
            .OrderBy(j => j.Status is JobStatus.Offered or JobStatus.Active ? 0 : 1)
            .ThenBy(j => j.Status is JobStatus.Offered or JobStatus.Active ? j.OfferedAt.UtcTicks : -(j.FinishedAt ?? j.OfferedAt).UtcTicks)
            .Select(j => new JobLine(j.TicketId, j.Status, CategoryName(j.CategoryCode), StationName(j.RoutingStationId), j.OfferedAt, j.AcceptedAt,
                j.FinishedAt, j.Hours, j.MemberIds.Select(NameOf).ToList(), j.Note))
            .ToList();

        return new TeamDetail(TeamSummary.From(view, stations), members, duty, jobs);
    }
}

/// <summary>Which pushed ticket events can change a team's figures.</summary>
public static class TeamLiveEvents
{
    /// <summary>
    /// Offers, acceptances (start), completions (resolve) and declines move a team's jobs; cancellations, hand-backs and
    /// escalations release a job a team held. Other events (registrations, classifications…) leave every team as it was.
    /// </summary>
    public static readonly IReadOnlyList<string> Actions = ["assign-to-team", "start", "resolve", "team-decline", "cancel", "hand-back", "escalate"];

    public static bool Concerns(LiveBatch batch) =>
        batch.Events.Any(e => Actions.Any(a => e.Action == a || e.Action.StartsWith(a + ":", StringComparison.Ordinal)));
}
