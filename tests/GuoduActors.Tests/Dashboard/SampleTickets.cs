namespace GuoduActors.Tests.Dashboard;

/// <summary>Tickets of the small sub-district of <see cref="SampleOverview"/>, at 10:03:04 China Standard Time.</summary>
internal static class SampleTickets
{
    public const string Phone = "13812341234";

    public static readonly DateTimeOffset Now = SampleOverview.AsOf;

    public static readonly GuoduActors.Roster Roster = new(
        new SubDistrictInfo("guodu", "郭杜街道", "Guodu Sub-district", "郭杜街道“小事办”", "Guodu Small Affairs Office"),
        [SampleOverview.Fenglin, SampleOverview.Dongfeng, SampleOverview.Bolangfeng, SampleOverview.Jinxiu],
        [
            new TeamInfo("haoxiujiang", "“好修匠”服务队", "\"Good Craftsman\" Repair Team", "fenglin", ["plumbing", "electrical"], 4, false),
            new TeamInfo("team-02", "夕阳红服务队", "Sunset Glow Team", "community-02", ["census"], 2, true),
        ]);

    public static Actor Leader => Actor.Leader("leader");
    public static Actor FenglinStaff => Actor.Staff("fenglin", "fenglin", "bolangfeng", "compound-02");
    public static Actor BolangfengStaff => Actor.Staff("bolangfeng", "bolangfeng");
    public static Actor OtherCommunityStaff => Actor.Staff("community02", "community-02");
    public static Actor Planner => new("planner", ActorRole.Planner, [], null, null);
    public static Actor RepairTeamLead => Actor.TeamLead("haoxiujiang", "haoxiujiang");

    public static TicketSnapshot Ticket(string id = "GD-20261128-0007", TicketStatus status = TicketStatus.Registered, string owner = "fenglin",
        string? category = null, string? team = null, IReadOnlyList<TimelineEntry>? timeline = null) => new()
    {
        Id = id,
        StationId = "fenglin",
        OwnerStationId = owner,
        Status = status,
        Description = "厨房下水道堵了 — the kitchen drain is blocked",
        CategoryCode = category,
        ResidentName = "张三丰",
        ResidentPhone = Phone,
        Address = "3号楼2单元501",
        RegisteredAt = Now.AddHours(-2),
        UpdatedAt = Now.AddHours(-1),
        PriorityClass = "utilities",
        TeamId = team,
        FirstResponseDue = Now.AddHours(20),
        ResolutionDue = Now.AddDays(3),
        Timeline = timeline ?? [new TimelineEntry(Now.AddHours(-2), "station-desk", "register", null, TicketStatus.Registered, null, "fenglin")],
    };

    /// <summary>The ticket with one more timeline entry, as a grain returns it after a command.</summary>
    public static TicketSnapshot After(TicketSnapshot ticket, string actor, string action, TicketStatus to, string? note = null, DateTimeOffset? at = null)
    {
        var when = at ?? ticket.UpdatedAt.AddMinutes(5);
        return ticket with
        {
            Status = to,
            UpdatedAt = when,
            Timeline = [.. ticket.Timeline, new TimelineEntry(when, actor, action, ticket.Status, to, note, ticket.OwnerStationId)],
        };
    }

    public static TicketRow Row(int number, TicketStatus status = TicketStatus.Registered, string owner = "fenglin") =>
        TicketRow.From(Ticket($"GD-20261128-{number:D4}", status, owner) with { RegisteredAt = Now.AddMinutes(-number) });
}
