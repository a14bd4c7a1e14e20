using GuoduActors.Tests.Infrastructure;
using GuoduActors.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GuoduActors.Tests.WeeklyReports;

/// <summary>
/// Two in-process silos with memory grain storage and reminders, one ticket projection shared by both (what the
/// stations would have written), and a fake clock for the grains. Tests seed the projection directly and each applies
/// its own small roster, so they share the cluster without sharing grains.
/// </summary>
public sealed class WeeklyReportsClusterFixture : IAsyncLifetime
{
    /// <summary>Saturday 2026-11-28 10:00 in Guodu: the week of 2026-11-16 is over, the week of 2026-11-23 is not.</summary>
    public static readonly DateTimeOffset Start = Cst.At(2026, 11, 28, 10);

    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryTicketProjectionStore Projection { get; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        _cluster = await TestSilos.DeployTwoSilosAsync(Time, Projection);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }

    /// <summary>A fresh sub-district: an office, two level-1 stations, three level-2 stations, applied to the cluster.</summary>
    public async Task<SmallRoster> ApplyNewRosterAsync()
    {
        var roster = new SmallRoster($"wr-{Guid.NewGuid():N}"[..11]);
        await Client.GetGrain<ISubDistrictGrain>(roster.Office).ApplyRosterAsync(roster.Roster);
        return roster;
    }

    public IStationGrain Station(string id) => Client.GetGrain<IStationGrain>(id);

    public async Task SeedAsync(params TicketRow[] rows)
    {
        foreach (var row in rows)
            await Projection.UpsertAsync(row);
    }
}

[CollectionDefinition(Name)]
public sealed class WeeklyReportsClusterCollection : ICollectionFixture<WeeklyReportsClusterFixture>
{
    public const string Name = "Weekly reports cluster";
}

/// <summary>office → C1 (compounds C1A, C1B) and C2 (compound C2A).</summary>
public sealed class SmallRoster
{
    public SmallRoster(string subDistrictId)
    {
        Office = subDistrictId;
        C1 = $"{subDistrictId}-c1";
        C1A = $"{subDistrictId}-c1-a";
        C1B = $"{subDistrictId}-c1-b";
        C2 = $"{subDistrictId}-c2";
        C2A = $"{subDistrictId}-c2-a";
        Roster = new GuoduActors.Roster(
            new SubDistrictInfo(Office, "郭杜街道", "Guodu Sub-district", "郭杜街道“小事办”", "Guodu Small Affairs Office"),
            [
                new StationInfo(C1, "凤林社区", "Fenglin Community", StationLevel.Community, Office, false),
                new StationInfo(C1A, "铂琅峯小区", "Bolangfeng Compound", StationLevel.Compound, C1, false),
                new StationInfo(C1B, "第02小区（占位名称）", "Compound 02 (placeholder)", StationLevel.Compound, C1, true),
                new StationInfo(C2, "第02社区（占位名称）", "Community 02 (placeholder)", StationLevel.Community, Office, true),
                new StationInfo(C2A, "第03小区（占位名称）", "Compound 03 (placeholder)", StationLevel.Compound, C2, true),
            ],
            []);
    }

    public string Office { get; }
    public string C1 { get; }
    public string C1A { get; }
    public string C1B { get; }
    public string C2 { get; }
    public string C2A { get; }
    public GuoduActors.Roster Roster { get; }
}

