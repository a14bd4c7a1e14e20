using Orleans.TestingHost;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>
/// Two in-process silos with memory grain storage and reminders, a fake clock the tests control, and the shipped
/// roster applied: the fast stand-in for the production cluster, shared by every test of <see cref="ClusterCollection"/>.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    /// <summary>The grains' clock; Orleans' own maintenance loops stay on real time so advancing it only moves the domain.</summary>
    public FakeTimeProvider Time { get; } = new(GuoduClock.MorningInGuodu);

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
