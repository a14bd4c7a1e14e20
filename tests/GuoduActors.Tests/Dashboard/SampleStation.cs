using GuoduActors.Dashboard.Services;

namespace GuoduActors.Tests.Dashboard;

/// <summary>Station pages' data around <see cref="SampleOverview"/>'s stations, at <see cref="SampleOverview.AsOf"/>.</summary>
internal static class SampleStation
{
    public static DateTimeOffset Now => SampleOverview.AsOf;

    /// <summary>An open ticket owned by <paramref name="owner"/> whose next deadline is <paramref name="dueIn"/> from now.</summary>
    public static TicketRow Ticket(int number, TimeSpan dueIn, string owner = "bolangfeng", string category = "gas-appliance", TicketStatus status = TicketStatus.Classified) => new()
    {
        TicketId = $"GD-20261128-{number:D4}",
        OwnerId = owner,
        StationId = owner,
        Status = status,
        CategoryCode = category,
        RegisteredAt = Now.AddHours(-30),
        FirstResponseDue = Now + dueIn,
        ResolutionDue = Now + dueIn + TimeSpan.FromDays(2),
        Description = $"燃气灶打不着火（{number}号楼）",
        UpdatedAt = Now.AddHours(-1),
    };

    public static StationDetail Of(
        StationInfo station, IReadOnlyList<TicketRow>? queue = null, int overdue = 0, IReadOnlyList<WeeklyReport>? reports = null,
        IReadOnlyList<Inspection>? inspections = null, IReadOnlyList<ServiceItem>? services = null, SubDistrictOverview? overview = null)
    {
        overview ??= SampleOverview.With(withOffice: true);
        var summaries = overview.Stations.Prepend(overview.Office!).ToList();
        var all = summaries.ToDictionary(s => s.Station.Id, s => s.Station, StringComparer.Ordinal);
        queue ??= [];
        return new StationDetail(
            station,
            all.GetValueOrDefault(station.ParentId),
            new StationCounters(station.Id, queue.Count, 42, Now, overdue, EscalatedTotal: 2),
            overview.Stations.Where(s => s.Station.ParentId == station.Id).ToList(),
            summaries,
            queue,
            inspections ?? [],
            reports ?? [],
            services ?? [],
            all,
            overview.Teams,
            Now);
    }

    public static WeeklyReport Report(string stationId, DateOnly week, int received, int resolved, double? response, double? resolution, double? satisfaction) =>
        new(stationId, StationLevel.Compound, week, ReportWeeks.IsoLabel(week), WeeklyReportKind.Own, [stationId], received, resolved, resolved, 0, 0,
            null, null, response, resolution, satisfaction, 0, Now, 0, 0, 0, 0, 0, 0, [], []);
}
