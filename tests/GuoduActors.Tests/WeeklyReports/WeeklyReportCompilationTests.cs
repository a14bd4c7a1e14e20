using GuoduActors.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static GuoduActors.Tests.WeeklyReports.TicketRows;

namespace GuoduActors.Tests.WeeklyReports;

[Collection(WeeklyReportsClusterCollection.Name)]
public sealed class WeeklyReportCompilationTests(WeeklyReportsClusterFixture fixture)
{
    private static readonly DateOnly Week = new(2026, 11, 16);
    private static readonly DateTimeOffset NeverDue = Cst.At(2030, 1, 1);

    /// <summary>
    /// The week of 2026-11-16: compounds C1A and C1B resolve 10+20 and 30 minutes, C1B's other ticket was escalated to
    /// C1 unanswered, C1 resolves one in 120 minutes, C2A one in 100, and the office holds an old overdue ticket.
    /// </summary>
    private async Task SeedWeekAsync(SmallRoster s)
    {
        var monday = Cst.At(2026, 11, 16, 9);
        await fixture.SeedAsync(
            Registered($"{s.C1A}-1", s.C1A, monday).Resolved(monday.AddMinutes(10)).Closed(monday.AddDays(1), 5),
            Registered($"{s.C1A}-2", s.C1A, monday.AddDays(1)).Resolved(monday.AddDays(1).AddMinutes(20)),
            Registered($"{s.C1B}-1", s.C1B, monday.AddDays(2)).Resolved(monday.AddDays(2).AddMinutes(30)),
            Registered($"{s.C1B}-2", s.C1B, monday.AddDays(2)).Escalated(SlaClock.FirstResponse, s.C1, monday.AddDays(2).AddHours(2))
                with { FirstResponseDue = NeverDue, ResolutionDue = NeverDue },
            Registered($"{s.C1}-1", s.C1, monday.AddDays(3)).Resolved(monday.AddDays(3).AddMinutes(120)).Closed(monday.AddDays(4), 3),
            Registered($"{s.C2A}-1", s.C2A, monday.AddDays(4)).Resolved(monday.AddDays(4).AddMinutes(100)),
            Registered($"{s.C2}-1", s.C2, Cst.At(2026, 11, 2, 9)).Responded(Cst.At(2026, 11, 2, 10))
                .Escalated(SlaClock.Resolution, s.Office, Cst.At(2026, 11, 9, 9)) with { ResolutionDue = NeverDue });
    }

    [Fact]
    public async Task CompilingAWeekSendsEveryCompoundReportThroughItsCommunityToTheOffice()
    {
        var s = await fixture.ApplyNewRosterAsync();
        await SeedWeekAsync(s);

        var atOffice = await fixture.Client.GetGrain<ISubDistrictGrain>(s.Office).CompileWeeklyReportsAsync(Week);

        Assert.Equal(
            [
                (s.Office, WeeklyReportKind.Aggregate), (s.Office, WeeklyReportKind.Own),
                (s.C1, WeeklyReportKind.Aggregate), (s.C2, WeeklyReportKind.Aggregate),
                (s.C1, WeeklyReportKind.Own), (s.C2, WeeklyReportKind.Own),
                (s.C1A, WeeklyReportKind.Own), (s.C1B, WeeklyReportKind.Own), (s.C2A, WeeklyReportKind.Own),
            ],
            atOffice.Select(r => (r.StationId, r.Kind)));

        var total = atOffice[0];
        Assert.Equal([s.Office, s.C1, s.C1A, s.C1B, s.C2, s.C2A], total.Covers);
        Assert.Equal(StationLevel.Office, total.Level);
        Assert.Equal(6, total.Received);
        Assert.Equal(5, total.Resolved);
        Assert.Equal(1, total.Escalated);
        Assert.Equal(TimeSpan.FromMinutes(30), total.MedianResolution);
        Assert.Equal(0.5, total.SatisfactionRate);
        Assert.Equal(1, total.AwaitingResponseOverdue);
        Assert.Equal(1, total.AwaitingResolutionOverdue);
        Assert.Equal(5.0 / 6, total.ResolutionRate);

        var c1 = await fixture.Station(s.C1).GetWeeklyReportsAsync(Week);
        Assert.Equal([s.C1, s.C1, s.C1A, s.C1B], c1.Select(r => r.StationId));
        var c1Aggregate = c1[0];
        Assert.Equal(WeeklyReportKind.Aggregate, c1Aggregate.Kind);
        Assert.Equal([s.C1, s.C1A, s.C1B], c1Aggregate.Covers);
        Assert.Equal(5, c1Aggregate.Received);
        Assert.Equal(4, c1Aggregate.Resolved);
        Assert.Equal([10, 20, 30, 120], c1Aggregate.ResolutionMinutes);
        Assert.Equal(TimeSpan.FromMinutes(25), c1Aggregate.MedianResolution);
        Assert.Equal(atOffice.Single(r => r.StationId == s.C1 && r.Kind == WeeklyReportKind.Aggregate).Received, c1Aggregate.Received);

        var compound = Assert.Single(await fixture.Station(s.C1B).GetWeeklyReportsAsync(Week));
        Assert.Equal((2, 1, 1), (compound.Received, compound.Resolved, compound.Escalated));
        Assert.Equal([30], compound.ResolutionMinutes);
        // The office keeps copies of what was sent up without the raw durations; the sender keeps those.
        var copy = atOffice.Single(r => r.StationId == s.C1B);
        Assert.Equal((compound.Received, compound.MedianResolution), (copy.Received, copy.MedianResolution));
        Assert.Empty(copy.ResolutionMinutes);
    }

    [Fact]
    public async Task CompilingTheSameWeekAgainReturnsTheStoredReportsAndCountsNothingTwice()
    {
        var s = await fixture.ApplyNewRosterAsync();
        await SeedWeekAsync(s);
        var subDistrict = fixture.Client.GetGrain<ISubDistrictGrain>(s.Office);
        var first = await subDistrict.CompileWeeklyReportsAsync(Week);

        // A row that turns up late changes nothing: a compiled week is what was sent.
        await fixture.SeedAsync(Registered($"{s.C1A}-late", s.C1A, Cst.At(2026, 11, 20, 9)));
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await subDistrict.CompileWeeklyReportsAsync(Week);
        var compound = await fixture.Station(s.C1A).CompileWeeklyReportAsync(Week);

        Assert.Equal(first.Select(Summary), again.Select(Summary));
        Assert.Equal(6, again[0].Received);
        Assert.Equal(2, compound.Received);
        Assert.Equal(first[0].GeneratedAt, again[0].GeneratedAt);
    }

    [Fact]
    public async Task ACommunityCompiledOnItsOwnAsksItsCompoundsAndTheOfficeLaterReusesThatReport()
    {
        var s = await fixture.ApplyNewRosterAsync();
        await SeedWeekAsync(s);

        var c1 = await fixture.Station(s.C1).CompileWeeklyReportAsync(Week);
        var atOffice = await fixture.Client.GetGrain<ISubDistrictGrain>(s.Office).CompileWeeklyReportsAsync(Week);

        Assert.Equal(WeeklyReportKind.Aggregate, c1.Kind);
        Assert.Equal(5, c1.Received);
        Assert.Equal(c1.GeneratedAt, atOffice.Single(r => r.StationId == s.C1 && r.Kind == WeeklyReportKind.Aggregate).GeneratedAt);
        Assert.Equal(6, atOffice[0].Received);
    }

    [Fact]
    public async Task AWeekThatIsNotAMondayHasNotEndedOrIsUnknownIsRefused()
    {
        var s = await fixture.ApplyNewRosterAsync();
        var station = fixture.Station(s.C1A);
        var thisWeek = ReportWeeks.Containing(fixture.Time.GetUtcNow());

        var tuesday = await Assert.ThrowsAsync<DomainRefusalException>(() => station.CompileWeeklyReportAsync(Week.AddDays(1)));
        var running = await Assert.ThrowsAsync<DomainRefusalException>(() => station.CompileWeeklyReportAsync(thisWeek));
        var unknown = await Assert.ThrowsAsync<DomainRefusalException>(() => fixture.Station("no-such-station").CompileWeeklyReportAsync(Week));
        var noRoster = await Assert.ThrowsAsync<DomainRefusalException>(() => fixture.Client.GetGrain<ISubDistrictGrain>("no-such-district").CompileWeeklyReportsAsync(Week));

        Assert.Equal(RefusalKind.Invalid, tuesday.Kind);
        Assert.Equal(RefusalKind.Invalid, running.Kind);
        Assert.Equal(RefusalKind.NotFound, unknown.Kind);
        Assert.Equal(RefusalKind.NotFound, noRoster.Kind);
        Assert.Empty(await station.GetWeeklyReportsAsync(thisWeek));
    }

    [Fact]
    public async Task WithoutAWeekAStationListsTheLastCompletedWeek()
    {
        var s = await fixture.ApplyNewRosterAsync();
        var lastCompleted = ReportWeeks.LastCompleted(fixture.Time.GetUtcNow());
        await fixture.Client.GetGrain<ISubDistrictGrain>(s.Office).CompileWeeklyReportsAsync(lastCompleted);

        var reports = await fixture.Station(s.C2).GetWeeklyReportsAsync(null);

        Assert.Equal([s.C2, s.C2, s.C2A], reports.Select(r => r.StationId));
        Assert.All(reports, r => Assert.Equal(lastCompleted, r.WeekStart));
    }

    [Fact]
    public async Task AStoredWeekSurvivesTheGrainStorageSerializer()
    {
        var s = await fixture.ApplyNewRosterAsync();
        await SeedWeekAsync(s);
        var reports = await fixture.Client.GetGrain<ISubDistrictGrain>(s.Office).CompileWeeklyReportsAsync(Week);
        var folder = new WeeklyReportFolderState { Reports = [.. reports, await fixture.Station(s.C1).CompileWeeklyReportAsync(Week)] };
        var silo = fixture.Cluster.GetActiveSilos().First();
        var serializer = fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<IGrainStorageSerializer>();

        var copy = serializer.Deserialize<WeeklyReportFolderState>(serializer.Serialize(folder))!;

        Assert.Equal(folder.Reports.Select(Summary), copy.Reports.Select(Summary));
        Assert.Equal(folder.Reports[^1].ResolutionMinutes, copy.Reports[^1].ResolutionMinutes);
        Assert.Equal(folder.Reports[^1].Covers, copy.Reports[^1].Covers);
    }

    /// <summary>A report's scalar figures (records compare lists by reference).</summary>
    private static string Summary(WeeklyReport r) =>
        (r with { Covers = [], FirstResponseMinutes = [], ResolutionMinutes = [] }).ToString() + string.Join(',', r.Covers);
}
