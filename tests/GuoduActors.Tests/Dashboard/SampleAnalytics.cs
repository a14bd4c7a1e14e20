using GuoduActors.Dashboard.Analytics;

namespace GuoduActors.Tests.Dashboard;

/// <summary>
/// The small sub-district of <see cref="SampleOverview"/> as a roster, its repair team's live figures, one week of reports
/// and a quarter of ratings. The clock stands at <see cref="SampleOverview.AsOf"/> (Saturday 2026-11-28, China Standard
/// Time), so the last completed week is the one starting Monday 2026-11-16.
/// </summary>
internal static class SampleAnalytics
{
    public static readonly DateOnly LastCompletedWeek = new(2026, 11, 16);

    public static readonly TeamInfo Repair = new("haoxiujiang", "“好修匠”服务队", "\"Good Craftsman\" Repair Team", "fenglin",
        ["plumbing", "electrical"], 4, false);

    public static readonly TeamInfo Sunset = new("team-02", "夕阳红服务队", "Sunset Glow Team", "community-02", ["census"], 2, true);

    public static readonly GuoduActors.Roster Roster = new(
        new SubDistrictInfo("guodu", "郭杜街道", "Guodu Sub-district", "郭杜街道“小事办”", "Guodu Small Affairs Office"),
        [SampleOverview.Fenglin, SampleOverview.Bolangfeng, SampleOverview.Jinxiu, SampleOverview.Dongfeng],
        [Repair, Sunset]);

    /// <summary>An instant given as China Standard Time wall-clock time.</summary>
    public static DateTimeOffset Cst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// The repair team with two members: two jobs in progress and one offered (3 of 4), five completed for 12.5 hours —
    /// 7.5 for Wang, 4 for Li and 1 for a job completed without naming members.
    /// </summary>
    public static TeamView RepairTeam(int offered = 1, int active = 2)
    {
        var jobs = new List<TeamJob>
        {
            new("GD-20261120-0001", JobStatus.Completed, "fenglin", "plumbing-drains", Cst(11, 20, 9), Cst(11, 20, 10), Cst(11, 20, 13), 3, ["m1", "m2"], "换了三通"),
            new("GD-20261125-0004", JobStatus.Declined, "bolangfeng", "electrical", Cst(11, 25, 9), null, Cst(11, 25, 11), 0, [], "人手不足"),
        };
        jobs.AddRange(Enumerable.Range(1, active).Select(i =>
            new TeamJob($"GD-20261127-000{i}", JobStatus.Active, "fenglin", "electrical", Cst(11, 27, 8 + i), Cst(11, 27, 9 + i), null, 0, ["m2"], null)));
        jobs.AddRange(Enumerable.Range(1, offered).Select(i =>
            new TeamJob($"GD-20261128-000{i}", JobStatus.Offered, "bolangfeng", "plumbing-drains", Cst(11, 28, 8, i), null, null, 0, [], null)));
        return new TeamView(Repair,
            [new TeamMember("m1", "王师傅", ["plumbing"]), new TeamMember("m2", "李师傅", ["electrical"])],
            [
                new DutySlot(DayOfWeek.Saturday, new TimeOnly(14, 0), new TimeOnly(17, 0), ["m1", "m2"], "义务维修"),
                new DutySlot(DayOfWeek.Monday, new TimeOnly(8, 30), new TimeOnly(12, 0), ["m1"], null),
            ],
            jobs, offered, active, 5, 12.5,
            new Dictionary<string, double> { ["m1"] = 7.5, ["m2"] = 4, ["haoxiujiang"] = 1 },
            new Dictionary<string, int> { ["m1"] = 3, ["m2"] = 2, ["haoxiujiang"] = 1 });
    }

    public static TeamView SunsetTeam() =>
        new(Sunset, [], [], [], 0, 0, 0, 0, new Dictionary<string, double>(), new Dictionary<string, int>());

    /// <summary>
    /// One week's reports as the office holds them: the sub-district total and the office's own, each level-1 station's
    /// aggregate and own, then the level-2 stations. Fenglin's aggregate: 12 received, 10 resolved (8 on time), 2 overdue,
    /// 1 escalated, medians 25 min and 5.5 h, response 7/8, resolution 10/12, nobody rated.
    /// </summary>
    public static IReadOnlyList<WeeklyReport> Reports(DateOnly week) =>
    [
        Report("guodu", StationLevel.Office, week, WeeklyReportKind.Aggregate, received: 20, resolved: 16, satisfied: 6, ratings: 8),
        Report("guodu", StationLevel.Office, week, WeeklyReportKind.Own, received: 0, resolved: 1),
        Report("fenglin", StationLevel.Community, week, WeeklyReportKind.Aggregate, received: 12, resolved: 10),
        Report("community-02", StationLevel.Community, week, WeeklyReportKind.Aggregate, received: 8, resolved: 5, satisfied: 6, ratings: 8),
        Report("fenglin", StationLevel.Community, week, WeeklyReportKind.Own, received: 5, resolved: 3),
        Report("community-02", StationLevel.Community, week, WeeklyReportKind.Own, received: 8, resolved: 5, satisfied: 6, ratings: 8),
        Report("bolangfeng", StationLevel.Compound, week, WeeklyReportKind.Own, received: 6, resolved: 6),
        Report("compound-02", StationLevel.Compound, week, WeeklyReportKind.Own, received: 1, resolved: 1),
    ];

    private static WeeklyReport Report(string station, StationLevel level, DateOnly week, WeeklyReportKind kind, int received, int resolved,
        int satisfied = 0, int ratings = 0) =>
        new(station, level, week, ReportWeeks.IsoLabel(week), kind, [station], received, resolved,
            ResolvedOnTime: resolved - 2 < 0 ? 0 : resolved - 2, Overdue: 2, Escalated: 1,
            MedianFirstResponse: TimeSpan.FromMinutes(25), MedianResolution: TimeSpan.FromHours(5.5),
            ResponseRate: 7.0 / 8, ResolutionRate: resolved / (resolved + 2.0), SatisfactionRate: ratings == 0 ? null : (double)satisfied / ratings,
            RatingCount: ratings, GeneratedAt: new DateTimeOffset(2026, 11, 23, 0, 5, 0, TimeSpan.FromHours(8)),
            FirstResponses: 8, FirstResponsesOnTime: 7, OpenOverdue: 2, AwaitingResponseOverdue: 0, AwaitingResolutionOverdue: 2,
            Satisfied: satisfied, FirstResponseMinutes: [], ResolutionMinutes: []);

    /// <summary>
    /// Twelve weeks of ratings up to the last completed week, and one in the week in progress:
    /// Bolangfeng rated 5 five times a week for eight weeks, then 5, 5, 2, 2, 3 each of the last four weeks (100 % → 40 %);
    /// Fenglin steady at 4 of 5 satisfied; Jinxiu (compound-02) two 5s long ago and two 1s lately — far too few to judge.
    /// On Friday of the week in progress a Fenglin resident rated 1.
    /// </summary>
    public static List<RatedTicket> Ratings()
    {
        var ratings = new List<RatedTicket>();
        var weeks = WeeklyRatings.WeeksEndingWith(LastCompletedWeek, 12);
        for (var w = 0; w < weeks.Count; w++)
        {
            var recent = w >= 8;
            var wednesday = ReportWeeks.StartOf(weeks[w]).AddDays(2).AddHours(10);
            int[] bolangfeng = recent ? [5, 5, 2, 2, 3] : [5, 5, 5, 5, 5];
            for (var i = 0; i < bolangfeng.Length; i++)
                ratings.Add(Rating($"B-{w:D2}-{i}", "bolangfeng", "plumbing-drains", bolangfeng[i], wednesday.AddMinutes(i)));
            int[] fenglin = [5, 4, 4, 5, 3];
            for (var i = 0; i < fenglin.Length; i++)
                ratings.Add(Rating($"F-{w:D2}-{i}", "fenglin", i % 2 == 0 ? "electrical" : "parcel-locker", fenglin[i], wednesday.AddHours(1).AddMinutes(i)));
        }
        ratings.Add(Rating("J-early-1", "compound-02", "noise", 5, ReportWeeks.StartOf(weeks[0]).AddDays(1)));
        ratings.Add(Rating("J-early-2", "compound-02", "noise", 5, ReportWeeks.StartOf(weeks[1]).AddDays(1)));
        ratings.Add(Rating("J-late-1", "compound-02", "noise", 1, ReportWeeks.StartOf(weeks[10]).AddDays(1)));
        ratings.Add(Rating("J-late-2", "compound-02", "noise", 1, ReportWeeks.StartOf(weeks[11]).AddDays(1)));
        ratings.Add(Rating("F-now", "fenglin", "electrical", 1, Cst(11, 27, 16)));
        return ratings;
    }

    public static RatedTicket Rating(string id, string owner, string? category, int rating, DateTimeOffset at) =>
        new(id, owner, category, rating, at, $"事项 {id}");
}
