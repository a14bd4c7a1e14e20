using System.Net.Http.Headers;
using GuoduActors.Grains.Simulation;
using GuoduActors.Silo.Hosting;

namespace GuoduActors.Tests.Simulation;

/// <summary>
/// The real host in memory mode, started with <c>Simulation:SeedHistory=true</c> and 60 days of history on a fake clock
/// (10:00 of 2026-11-28 in Guodu), seeded once for the tests of <see cref="SeededProductTests"/>. The history it should
/// hold is generated again here from the plan the product recorded.
/// </summary>
public sealed class SeededProductFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(GuoduClock.MorningInGuodu);

    public GuoduApiFactory Factory { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public SeedingOutcome Outcome { get; private set; }

    public SimulatedHistory Expected { get; private set; } = null!;

    public InMemoryTicketProjectionStore Projection => (InMemoryTicketProjectionStore)Factory.Services.GetRequiredService<ITicketProjectionStore>();

    public async Task InitializeAsync()
    {
        Factory = GuoduApiFactory.InMemory(Time).WithSettings(new Dictionary<string, string?>
        {
            ["Simulation:SeedHistory"] = "true",
            ["Simulation:Days"] = "60",
            ["Simulation:Seed"] = "7",
        });
        Http = Factory.CreateClient();
        Outcome = await Factory.Services.GetRequiredService<SimulationSeeder>().Outcome.WaitAsync(TimeSpan.FromMinutes(3));
        var status = await Factory.Grains.GetGrain<ISubDistrictGrain>("guodu").GetSimulationAsync();
        Expected = new HistoryGenerator(SimulationData.ShippedRoster, TestSilos.Policy).Generate(status.Plan!);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>Seeding a simulated history into an empty product: what the product then holds and shows.</summary>
public sealed class SeededProductTests(SeededProductFixture fixture) : IClassFixture<SeededProductFixture>
{
    private static readonly DateTimeOffset Until = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    private IGrainFactory Grains => fixture.Factory.Grains;

    [Fact]
    public void SeedingAnEmptyProductFillsTheProjectionWithTheSimulatedHistory()
    {
        Assert.Equal(SeedingOutcome.Seeded, fixture.Outcome);
        var stored = fixture.Projection.All.ToList();
        var historic = fixture.Expected.HistoricRows.ToList();

        Assert.InRange(historic.Count, 60 * 200, 60 * 270);
        Assert.Equal(historic.OrderBy(r => r.TicketId, StringComparer.Ordinal),
            stored.Where(r => SimulatedTickets.IsSimulatedId(r.TicketId)).OrderBy(r => r.TicketId, StringComparer.Ordinal));
        // Open tickets are live: their rows are the stations' own, tracked as the grains record them.
        Assert.Equal(fixture.Expected.LiveTickets.Select(t => t.Id).Order(StringComparer.Ordinal),
            stored.Where(r => !SimulatedTickets.IsSimulatedId(r.TicketId)).Select(r => r.TicketId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryStationHoldsTheDailyCountsOfTheHistoryAndCountsThemInItsTotals()
    {
        var plan = fixture.Expected.Plan;
        Assert.Equal(Until, plan.Until);
        foreach (var (stationId, counts) in fixture.Expected.DailyCounts)
        {
            var station = Grains.GetGrain<IStationGrain>(stationId);
            Assert.Equal(counts, await station.GetDailyCountsAsync(plan.FirstDay, plan.LastDay));
            Assert.Equal(counts.Sum(c => c.Received), (await station.GetCountersAsync()).ReceivedTotal);
        }
        Assert.Equal(72, fixture.Expected.DailyCounts.Count);
    }

    [Fact]
    public async Task TheOpenTicketsOfTheLastDaysLiveInTicketGrainsWithTheirTimelines()
    {
        var live = fixture.Expected.LiveTickets.ToList();
        Assert.NotEmpty(live);
        foreach (var expected in live)
        {
            var ticket = await Grains.GetGrain<ITicketGrain>(expected.Id).GetAsync();
            Assert.NotNull(ticket);
            Assert.Equal(expected.RegisteredAt, ticket.RegisteredAt);
            Assert.Equal(expected.Timeline, ticket.Timeline.Take(expected.Timeline.Count));
        }

        using var request = Get($"/api/tickets/{live[0].Id}");
        using var response = await fixture.Http.SendAsync(request);
        var shown = await response.ReadAsync<TicketDto>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(SimulationProfile.Label, shown.Description);
        Assert.Equal("register", shown.Timeline[0].Action);
        Assert.NotEmpty(shown.AllowedActions);
    }

    [Fact]
    public async Task ImportedTicketsWhoseDeadlinesPassEscalateForReal()
    {
        // Two days on, deadlines of the imported tickets have passed: the stations' own sweeps must escalate them.
        fixture.Time.Advance(TimeSpan.FromDays(2));
        var now = fixture.Time.GetUtcNow();
        var stations = SimulationData.ShippedRoster.Stations.ToDictionary(s => s.Id);
        var due = fixture.Expected.LiveTickets.Where(t => stations.ContainsKey(t.OwnerStationId) && TicketRow.From(t).IsOverdue(now)).ToList();
        Assert.NotEmpty(due);

        await Task.WhenAll(due.Select(t => t.OwnerStationId).Distinct().Select(id => Grains.GetGrain<IStationGrain>(id).SweepAsync()));

        foreach (var expected in due)
        {
            var ticket = (await Grains.GetGrain<ITicketGrain>(expected.Id).GetAsync())!;
            Assert.True(ticket.EscalationCount > expected.EscalationCount, $"{expected.Id} was not escalated.");
            var parent = stations[expected.OwnerStationId].ParentId;
            Assert.Contains(ticket.OwnerStationId, new[] { parent, stations.GetValueOrDefault(parent)?.ParentId });
            Assert.Contains(ticket.Timeline.Skip(expected.Timeline.Count), e => e.Action.StartsWith("escalate:", StringComparison.Ordinal) && e.Actor == "system");
        }
    }

    [Fact]
    public async Task TheProductSaysItsDataIsSimulatedAndUpToWhen()
    {
        var status = await fixture.Http.GetFromJsonAsync<SimulationStatus>("/api/simulation", ApiClient.Json);
        Assert.NotNull(status);
        Assert.True(status.IsSimulated);
        Assert.Equal(SimulationPhase.Seeded, status.Phase);
        Assert.Equal(Until, status.SimulatedUntil);
        Assert.Equal(fixture.Expected.HistoricRows.Count(), status.HistoricTickets);
        Assert.Equal(fixture.Expected.LiveTickets.Count(), status.LiveTickets);

        using var request = Get("/api/overview");
        using var response = await fixture.Http.SendAsync(request);
        var overview = await response.ReadAsync<SubDistrictOverview>();
        Assert.True(overview.Simulation?.IsSimulated);
        Assert.Equal(Until, overview.Simulation?.SimulatedUntil);
    }

    [Fact]
    public async Task TheDashboardLabelsTheSimulatedData()
    {
        // The prerendered page, as the browser first receives it; Blazor writes Chinese as character references.
        var html = WebUtility.HtmlDecode(await fixture.Http.GetStringAsync("/"));

        Assert.Contains("data-role=\"simulated-data\"", html);
        Assert.Contains("模拟数据", html);
        Assert.Contains("2026-11-28 00:00", html);
    }

    [Fact]
    public async Task ASimulatedHistoricTicketIsAnsweredFromTheProjectionAsAReadOnlyRecord()
    {
        var row = fixture.Expected.HistoricRows.First(r => r.Status == TicketStatus.Closed && r.FirstRespondedAt != r.ResolvedAt);

        using var request = Get($"/api/tickets/{row.TicketId}");
        using var response = await fixture.Http.SendAsync(request);
        var shown = await response.ReadAsync<TicketDto>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((row.TicketId, TicketStatus.Closed, row.Rating, row.OwnerId), (shown.Id, shown.Status, shown.Rating, shown.OwnerStationId));
        Assert.Empty(shown.AllowedActions);
        Assert.Equal(["register", "start", "resolve", $"close:rating {row.Rating}"], shown.Timeline.Select(e => e.Action));
        Assert.Equal([row.RegisteredAt, row.FirstRespondedAt!.Value, row.ResolvedAt!.Value, row.ClosedAt!.Value], shown.Timeline.Select(e => e.At));
        // A simulated record has no grain behind it, so nothing was activated to answer.
        Assert.Null(await Grains.GetGrain<ITicketGrain>(row.TicketId).GetAsync());
    }

    [Fact]
    public async Task ASimulatedIdThatDoesNotExistOrAResidentsPhoneFindsNothing()
    {
        var row = fixture.Expected.HistoricRows.First();

        using var unknown = Get("/api/tickets/SIM-20991231-0001");
        var problem = await (await fixture.Http.SendAsync(unknown)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("simulated", problem.Detail);

        using var resident = await fixture.Http.GetAsync(ApiClient.ResidentTicketUrl(row.TicketId, "000-0000-0000"));
        await resident.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ImportingTheSameCountsOrTicketsAgainChangesNothing()
    {
        var (stationId, counts) = fixture.Expected.DailyCounts.First(s => s.Key == "fenglin");
        var station = Grains.GetGrain<IStationGrain>(stationId);
        var plan = fixture.Expected.Plan;
        var before = await station.GetCountersAsync();

        await station.ImportDailyCountsAsync(counts);

        Assert.Equal(counts, await station.GetDailyCountsAsync(plan.FirstDay, plan.LastDay));
        Assert.Equal((before.ReceivedTotal, before.ResolvedTotal), ((await station.GetCountersAsync()).ReceivedTotal, (await station.GetCountersAsync()).ResolvedTotal));

        // A ticket nothing will happen to meanwhile (its deadlines are days away), which a first action has already changed.
        var open = fixture.Expected.LiveTickets.First(t => TicketRow.From(t).NextDue > Until + TimeSpan.FromDays(8) && t.Status == TicketStatus.InProgress);
        var ticket = Grains.GetGrain<ITicketGrain>(open.Id);
        var changed = await ticket.WaitOnResidentAsync(Actor.Leader("leader"), "居民外出，约定下周上门");
        var again = await ticket.ImportAsync(open);
        Assert.Equal(TicketStatus.WaitingOnResident, again.Status);
        Assert.Equal((changed.DeadlineVersion, changed.UpdatedAt, changed.Timeline.Count), (again.DeadlineVersion, again.UpdatedAt, again.Timeline.Count));
    }

    [Fact]
    public async Task TheSubDistrictKeepsTheFirstPlanSoAResumedSeedingWritesTheSameHistory()
    {
        var subDistrict = Grains.GetGrain<ISubDistrictGrain>("guodu");
        var before = await subDistrict.GetSimulationAsync();

        var after = await subDistrict.BeginSimulationAsync(before.Plan! with { Seed = 99, DailyTicketsPerStation = 1 });

        Assert.Equal(before, after);
        Assert.Equal(SimulationPhase.Seeded, (await subDistrict.CompleteSimulationAsync(1, 1)).Phase);
        Assert.Equal(before, await subDistrict.GetSimulationAsync());
    }

    private static HttpRequestMessage Get(string url) =>
        new(HttpMethod.Get, url) { Headers = { Authorization = ApiClient.BasicAuth("leader", "Guodu2026") } };
}
