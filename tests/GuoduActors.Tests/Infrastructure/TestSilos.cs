using Orleans.TestingHost;
using GuoduActors.Grains.Sla;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>How every in-process test silo is set up: memory storage, the domain on a fake clock, the shipped SLA data.</summary>
public static class TestSilos
{
    private static readonly Lazy<SlaPolicy> ShippedPolicy = new(() => new SlaPolicy(
        CatalogueFile.Load(Path.Combine(Repo.Root, "silo", "catalogue.json")),
        HolidayCalendar.Load(Path.Combine(Repo.Root, "silo", "calendars"))));

    /// <summary>The SLA policy built from the catalogue and holiday calendars the product ships.</summary>
    public static SlaPolicy Policy => ShippedPolicy.Value;

    /// <summary>
    /// Memory grain storage and reminders, <paramref name="time"/> for the grains (Orleans' own maintenance loops stay
    /// on real time), one <paramref name="projection"/> and one store of <paramref name="tickets"/> shared by all silos of
    /// the cluster, and the real ticket policy.
    /// </summary>
    public static void Configure(ISiloBuilder silo, TimeProvider time, ITicketProjectionStore projection, ITicketStore tickets)
    {
        silo.AddMemoryGrainStorage(GrainStorage.Default);
        silo.Services.AddGuoduTicketIntake(tickets);
        // Registrations answered once their list rows are stored too, so that a test reads its own registrations in the
        // lists at once; the product's default delay is exercised by the tests of recording (IntakeRecordingTests).
        silo.Services.Configure<IntakeOptions>(o => o.ListDelay = TimeSpan.Zero);
        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton(time);
        silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        silo.Services.AddSingleton(projection);
        silo.Services.AddSingleton<ITicketPolicy>(new CatalogueTicketPolicy(Policy));
    }

    /// <summary>
    /// Lets the stations go (idle collection) and waits until they are gone: a station writes what it still holds as it
    /// goes. Before a cluster shuts down this keeps those writes out of the shutdown, where memory storage (itself a grain)
    /// is gone and a station flushing would wait out Orleans' 30 s deactivation limit.
    /// </summary>
    public static async Task DeactivateStationsAsync(InProcessTestCluster cluster, params string[] stationIds)
    {
        // Collection takes only what is idle at that instant (a station may be writing): ask again until they are gone.
        await Waiting.WaitForAssertionAsync(async () =>
        {
            await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            Assert.DoesNotContain(stationIds, id => cluster.TryGetGrainContext(cluster.Client.GetGrain<IStationGrain>(id).GetGrainId(), out _));
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
    }

    /// <summary>
    /// One in-process silo set up by <see cref="Configure"/> but with the product's way of writing registrations: the
    /// station lists them <paramref name="listDelay"/> after answering. Deployed, with the shipped roster applied.
    /// </summary>
    public static async Task<InProcessTestCluster> DeployWithListDelayAsync(TimeProvider time, ITicketProjectionStore projection, TimeSpan listDelay)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ConfigureFileLogging = false;
        var tickets = new InMemoryTicketStore();
        builder.ConfigureSilo((_, silo) =>
        {
            Configure(silo, time, projection, tickets);
            silo.Services.Configure<IntakeOptions>(o => o.ListDelay = listDelay);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var roster = RosterFile.Load(Repo.ShippedRosterPath);
        await cluster.Client.GetGrain<ISubDistrictGrain>(roster.SubDistrict.Id).ApplyRosterAsync(roster);
        return cluster;
    }

    /// <summary>A two-silo in-process cluster set up by <see cref="Configure"/>, deployed and ready.</summary>
    public static async Task<InProcessTestCluster> DeployTwoSilosAsync(TimeProvider time, ITicketProjectionStore projection)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.Options.ConfigureFileLogging = false;
        var tickets = new InMemoryTicketStore();
        builder.ConfigureSilo((_, silo) => Configure(silo, time, projection, tickets));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
