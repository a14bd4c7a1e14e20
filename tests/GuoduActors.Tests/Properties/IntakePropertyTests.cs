using CsCheck;
using Orleans.TestingHost;
using static GuoduActors.Tests.Infrastructure.Waiting;

namespace GuoduActors.Tests.Properties;

/// <summary>
/// Random sequences of registrations (request keys reused, with the same or other content), routings, station restarts
/// and outages of the lists' table, on a cluster with a list delay: afterwards every key names one ticket, every ticket
/// answered is stored, listed once under its owner and counted once by the station that registered it.
/// </summary>
public sealed class IntakePropertyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Stations = ["fenglin", "community-02"];
    private static readonly Dictionary<string, string> ChildOf = new() { ["fenglin"] = "bolangfeng", ["community-02"] = "compound-03" };
    private readonly FakeTimeProvider _time = new(GuoduClock.MorningInGuodu);
    private readonly SwitchableProjectionStore _projection = new();
    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync() =>
        _cluster = await TestSilos.DeployWithListDelayAsync(_time, _projection, TimeSpan.FromMilliseconds(20));

    public async Task DisposeAsync()
    {
        await TestSilos.DeactivateStationsAsync(_cluster, [.. Stations, .. ChildOf.Values]);
        await _cluster.DisposeAsync();
    }

    public enum Op { Register, RegisterOtherContent, Route, Restart, ListsDown, ListsUp }

    public readonly record struct Step(Op Op, int Station, int Key)
    {
        public override string ToString() => $"{Op}(s{Station},k{Key})";
    }

    [Fact]
    public async Task RandomRegistrationsRestartsAndOutagesLeaveEveryTicketStoredListedAndCountedOnce()
    {
        var sequences = 0;
        var steps = Gen.Select(Gen.Int[0, Enum.GetValues<Op>().Length - 1], Gen.Int[0, Stations.Length - 1], Gen.Int[0, 3],
            (op, station, key) => new Step((Op)op, station, key)).Array[3, 25];
        await steps.SampleAsync(async sequence =>
        {
            var run = new Run(this, $"p{sequences++}");
            try
            {
                await run.StartAsync();
                foreach (var step in sequence)
                    await run.ApplyAsync(step);
            }
            finally
            {
                _projection.Down = false;
            }
            await run.AssertAsync();
        }, writeLine: output.WriteLine, iter: 40, threads: 1, print: s => string.Join(", ", s));
        output.WriteLine($"{sequences} sequences, every invariant held.");
    }

    private sealed class Run(IntakePropertyTests test, string prefix)
    {
        private readonly Dictionary<(int Station, int Key), string> _acknowledged = [];
        private readonly Dictionary<string, string> _owner = [];
        private readonly Dictionary<string, long> _receivedBefore = [];

        public async Task StartAsync()
        {
            foreach (var station in Stations)
                _receivedBefore[station] = (await Station(station).GetCountersAsync()).ReceivedTotal;
        }

        public async Task ApplyAsync(Step step)
        {
            var station = Stations[step.Station];
            switch (step.Op)
            {
                case Op.Register:
                case Op.RegisterOtherContent:
                    var content = step.Op == Op.Register ? $"{prefix} key {step.Key}" : $"{prefix} key {step.Key}, other words";
                    try
                    {
                        var ticket = await Station(station).RegisterTicketAsync(Tickets.Sample(content), $"{prefix}-k{step.Key}");
                        if (_acknowledged.TryGetValue((step.Station, step.Key), out var earlier))
                            Assert.Equal(earlier, ticket.Id);
                        else
                            (_acknowledged[(step.Station, step.Key)], _owner[ticket.Id]) = (ticket.Id, station);
                        Assert.Equal(content, ticket.Description);
                    }
                    catch (DomainRefusalException e) when (e.Kind == RefusalKind.Conflict)
                    {
                        // Other content under a key already used: refused, and only then.
                        Assert.True(_acknowledged.ContainsKey((step.Station, step.Key)), "A conflict for a key never used.");
                    }
                    break;
                case Op.Route when !test._projection.Down && _acknowledged.TryGetValue((step.Station, step.Key), out var id) && _owner[id] == station:
                    var routed = Grains.GetGrain<ITicketGrain>(id);
                    await routed.ClassifyAsync(Actor.Leader("leader"), "plumbing-drains", null);
                    await routed.AssignToStationAsync(Actor.Leader("leader"), ChildOf[station], null);
                    _owner[id] = ChildOf[station];
                    break;
                case Op.Restart:
                    await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
                    break;
                case Op.ListsDown:
                    test._projection.Down = true;
                    break;
                case Op.ListsUp:
                    test._projection.Down = false;
                    break;
            }
        }

        public async Task AssertAsync()
        {
            foreach (var (id, owner) in _owner)
                Assert.Equal(owner, (await Grains.GetGrain<ITicketGrain>(id).GetAsync())!.OwnerStationId);
            // The lists catch up within the list delay once their table answers (a station that gave up recovers on its next start).
            await WaitForAssertionAsync(async () =>
            {
                foreach (var station in Stations)
                {
                    var mine = _acknowledged.Where(a => Stations[a.Key.Station] == station).Select(a => a.Value).ToList();
                    Assert.Equal(_receivedBefore[station] + mine.Count, (await Station(station).GetCountersAsync()).ReceivedTotal);
                }
                var rows = test._projection.Inner.All.Where(r => _owner.ContainsKey(r.TicketId)).ToList();
                Assert.Equal(_owner.OrderBy(o => o.Key, StringComparer.Ordinal), rows.Select(r => KeyValuePair.Create(r.TicketId, r.OwnerId)).OrderBy(o => o.Key, StringComparer.Ordinal));
            }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50));
        }

        private IGrainFactory Grains => test.Grains;

        private IStationGrain Station(string id) => Grains.GetGrain<IStationGrain>(id);
    }
}
