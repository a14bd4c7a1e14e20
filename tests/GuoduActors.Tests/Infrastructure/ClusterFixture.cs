using Orleans.TestingHost;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>
/// Two in-process silos with memory grain storage and reminders, a fake clock the tests control, and the shipped
/// roster applied: the fast stand-in for the production cluster, shared by every test of <see cref="ClusterCollection"/>.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public ClusterFixture()
        : this(GuoduClock.MorningInGuodu)
    {
    }

    /// <param name="start">Where the grains' clock starts.</param>
    protected ClusterFixture(DateTimeOffset start) => Time = new FakeTimeProvider(start);

    /// <summary>
    /// The grains' clock, which also drives the stations' sweep timers (advancing it past a deadline makes them sweep);
    /// Orleans' own maintenance loops and the reminders stay on real time, so advancing it only moves the domain.
    /// </summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The ticket projection both silos' stations write to.</summary>
    public InMemoryTicketProjectionStore Projection { get; } = new();

    public GuoduActors.Roster Roster { get; } = RosterFile.Load(Repo.ShippedRosterPath);

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IClusterClient Client => Cluster.Client;

    public ISubDistrictGrain SubDistrict => Client.GetGrain<ISubDistrictGrain>(Roster.SubDistrict.Id);

    public async Task InitializeAsync()
    {
        _cluster = await TestSilos.DeployTwoSilosAsync(Time, Projection);
        await SubDistrict.ApplyRosterAsync(Roster);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "In-process cluster";
}

/// <summary>
/// The same two-silo cluster with a clock of its own, for the tests that move time by days and weeks (escalations,
/// paused SLA clocks, the 7-day window for reopening): the shared cluster's tests read the date from its clock and
/// expect it to stay put. It starts on <see cref="GuoduClock.SummerMondayInGuodu"/>, with weeks without a public
/// holiday ahead. Every test of its collection moves the clock for all of them, so each test keeps to stations of
/// its own and leaves no open ticket where another test counts.
/// </summary>
public sealed class TimeTravelClusterFixture() : ClusterFixture(GuoduClock.SummerMondayInGuodu);

[CollectionDefinition(Name)]
public sealed class TimeTravelCollection : ICollectionFixture<TimeTravelClusterFixture>
{
    public const string Name = "In-process cluster on a clock of its own";
}
