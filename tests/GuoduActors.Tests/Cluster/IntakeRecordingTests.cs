using Orleans.TestingHost;
using static GuoduActors.Tests.Infrastructure.Waiting;

namespace GuoduActors.Tests.Cluster;

/// <summary>
/// Registrations with the product's list delay: the ticket is stored before the answer, the station's list row, request
/// key and counts follow in one write for all that arrived meanwhile — and a station that lost those before writing them
/// recovers them from the stored tickets when it starts again, counting each exactly once.
/// </summary>
public sealed class IntakeRecordingTests : IAsyncLifetime
{
    private const string Station = "bolangfeng";
    private readonly FakeTimeProvider _time = new(GuoduClock.MorningInGuodu);
    private readonly SwitchableProjectionStore _projection = new();
    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync() =>
        _cluster = await TestSilos.DeployWithListDelayAsync(_time, _projection, TimeSpan.FromMilliseconds(200));

    public async Task DisposeAsync()
    {
        await TestSilos.DeactivateStationsAsync(_cluster, Station);
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task TicketsArriveInTheListsShortlyAfterTheAnswerAndCountOnce()
    {
        var station = Grains.GetGrain<IStationGrain>(Station);
        var before = (await station.GetCountersAsync()).ReceivedTotal;

        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => station.RegisterTicketAsync(Tickets.Sample($"排队登记 #{i}"), Tickets.NewKey())));

        // Stored before the answer: readable at once, and counted live.
        Assert.All(await Task.WhenAll(created.Select(t => Grains.GetGrain<ITicketGrain>(t.Id).GetAsync())), Assert.NotNull);
        Assert.Equal(before + 20, (await station.GetCountersAsync()).ReceivedTotal);
        await WaitForAssertionAsync(() => Assert.Equal(
            created.Select(t => t.Id).Order(),
            _projection.Inner.All.Where(r => created.Any(t => t.Id == r.TicketId)).Select(r => r.TicketId).Order()), TimeSpan.FromSeconds(10));
        // Twenty registrations, a handful of writes: they arrived within one delay.
        Assert.InRange(_projection.Stores, 1, 5);
    }

    [Fact]
    public async Task AStationThatCouldNotRecordItsRegistrationsRecoversThemWhenItStartsAgain()
    {
        var station = Grains.GetGrain<IStationGrain>(Station);
        var before = (await station.GetCountersAsync()).ReceivedTotal;
        var keys = Enumerable.Range(0, 3).Select(_ => Tickets.NewKey()).ToList();
        _projection.Down = true;

        // The lists' table is down: the tickets are stored and answered, their rows cannot be written, and the station
        // gives up its activation (what it holds in memory is lost with it).
        var created = new List<TicketSnapshot>();
        foreach (var key in keys)
            created.Add(await station.RegisterTicketAsync(Tickets.Sample($"断线时登记 {key}"), key));
        await WaitForAssertionAsync(() => Assert.False(_cluster.TryGetGrainContext(station.GetGrainId(), out _), "The station is still active."),
            TimeSpan.FromSeconds(30));
        _projection.Down = false;

        // Started again: the retry of a registration finds its ticket, the lists hold all three, and each counts once.
        var retried = await station.RegisterTicketAsync(Tickets.Sample($"断线时登记 {keys[0]}"), keys[0]);
        Assert.Equal(created[0].Id, retried.Id);
        Assert.Equal(before + 3, (await station.GetCountersAsync()).ReceivedTotal);
        // Recovered registrations are written like new ones, within the list delay.
        await WaitForAssertionAsync(() => Assert.Equal(created.Select(t => t.Id).Order(),
            _projection.Inner.All.Where(r => r.OwnerId == Station && created.Any(t => t.Id == r.TicketId)).Select(r => r.TicketId).Order()), TimeSpan.FromSeconds(10));
        Assert.Equal(before + 3, (await station.GetDailyCountsAsync(DateOnly.MinValue, DateOnly.MaxValue)).Sum(c => c.Received));
        Assert.Equal(created.Select(t => t.Id).Order(), (await station.GetQueueAsync(1000)).Select(r => r.TicketId).Where(created.Select(t => t.Id).Contains).Order());
    }

    [Fact]
    public async Task DailyCountsThatEarlierReleasesKeptInTheStationsStateMoveToTheTableAndLeaveTheState()
    {
        var station = Grains.GetGrain<IStationGrain>(Station);
        await station.GetInfoAsync();
        await DeactivateAsync(station);
        // As an earlier release stored the station: its daily counts in its grain state.
        var storage = _cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(GrainStorage.Default);
        var stored = new GrainState<StationState>(new StationState());
        await storage.ReadStateAsync("station", station.GetGrainId(), stored);
        var yesterday = GuoduClock.CstDate(_time.GetUtcNow().AddDays(-1));
        var day = DateOnly.ParseExact(yesterday, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        stored.State!.Daily[$"{yesterday}|plumbing-drains"] = new DailyTally { Received = 5, Resolved = 2 };
        stored.State.Daily[$"{yesterday}|gas-appliance"] = new DailyTally { Received = 1, Resolved = 1 };
        await storage.WriteStateAsync("station", station.GetGrainId(), stored);

        var counts = await station.GetDailyCountsAsync(day, day);

        Assert.Equal([new DailyCount(day, "gas-appliance", 1, 1), new DailyCount(day, "plumbing-drains", 5, 2)], counts);
        await WaitForAssertionAsync(async () =>
        {
            Assert.Equal(counts, (await _projection.LoadDailyCountsAsync(Station, day)).OrderBy(c => c.CategoryCode, StringComparer.Ordinal));
            var after = new GrainState<StationState>(new StationState());
            await storage.ReadStateAsync("station", station.GetGrainId(), after);
            Assert.Empty(after.State!.Daily);
        }, TimeSpan.FromSeconds(10));
        // And they stay after another start, now from the table.
        await DeactivateAsync(station);
        Assert.Equal(counts, await station.GetDailyCountsAsync(day, day));
    }

    [Fact]
    public async Task AStationKeepsTwoYearsOfEveryCategorysDailyCountsWhichItsGrainStateCouldNotHold()
    {
        var station = Grains.GetGrain<IStationGrain>(Station);
        var today = DateOnly.ParseExact(GuoduClock.CstDate(_time.GetUtcNow()), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        // 800 days × every category: some 38 000 tallies, about 4 MB as grain state (Azure Tables stop at 1 MB).
        var history = Enumerable.Range(1, 800).SelectMany(d => TestSilos.Policy.Catalogue.Categories
            .Select(c => new DailyCount(today.AddDays(-d), c.Code, d % 7 + 1, d % 3))).ToList();

        await station.ImportDailyCountsAsync(history);
        await DeactivateAsync(station);

        var expected = history.OrderBy(c => c.Day).ThenBy(c => c.CategoryCode, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, await station.GetDailyCountsAsync(today.AddDays(-800), today));
        Assert.Equal(history.Sum(c => (long)c.Received), (await station.GetCountersAsync()).ReceivedTotal);
    }

    [Fact]
    public async Task ARequestKeyIsHonouredForADayAndThenForgottenAlsoInStorage()
    {
        var station = Grains.GetGrain<IStationGrain>(Station);
        var key = Tickets.NewKey();
        var first = await station.RegisterTicketAsync(Tickets.Sample("一天内重试"), key);
        await WaitForAssertionAsync(async () =>
            Assert.Contains(await _projection.LoadRequestKeysAsync(Station, DateTimeOffset.MinValue), k => k.RequestKey == key), TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(first.Id, (await station.RegisterTicketAsync(Tickets.Sample("一天内重试"), key)).Id);

        _time.Advance(TimeSpan.FromHours(2));
        await DeactivateAsync(station);
        var later = await station.RegisterTicketAsync(Tickets.Sample("一天内重试"), key);

        Assert.NotEqual(first.Id, later.Id);
        // The old key's row goes (the new registration's key row is written under its own hour).
        await WaitForAssertionAsync(async () =>
            Assert.Equal([later.Id], (await _projection.LoadRequestKeysAsync(Station, DateTimeOffset.MinValue)).Where(k => k.RequestKey == key).Select(k => k.TicketId)),
            TimeSpan.FromSeconds(10));
    }

    private Task DeactivateAsync(IStationGrain station) => TestSilos.DeactivateStationsAsync(_cluster, station.GetPrimaryKeyString());
}
