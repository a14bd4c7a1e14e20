using System.Net;
using System.Net.Sockets;
using GuoduActors.Grains;
using GuoduActors.Grains.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace GuoduActors.Benchmarks;

/// <summary>
/// One in-process silo as the tests run it: memory grain storage and reminders, the in-memory ticket projection, the
/// shipped catalogue and holiday calendars, and a fake clock for the grains (Orleans' own loops stay on real time),
/// so that tickets registered now become overdue when the benchmark moves the clock, not after two real days.
/// </summary>
public sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchmarkSilo(IHost host, FakeTimeProvider time, CopyingProjectionStore projection)
    {
        _host = host;
        Time = time;
        Projection = projection;
    }

    public FakeTimeProvider Time { get; }

    public CopyingProjectionStore Projection { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<BenchmarkSilo> StartAsync(DateTimeOffset start)
    {
        var time = new FakeTimeProvider(start);
        var projection = new CopyingProjectionStore(new InMemoryTicketProjectionStore());
        var policy = new SlaPolicy(
            CatalogueFile.Load(Path.Combine(Repo.Root, "silo", "catalogue.json")),
            HolidayCalendar.Load(Path.Combine(Repo.Root, "silo", "calendars")));

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        var id = $"bench-{Guid.NewGuid():N}";
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: id, clusterId: id);
            silo.AddMemoryGrainStorage(GrainStorage.Default);
            silo.Services.AddGuoduTicketIntake(new InMemoryTicketStore());
            silo.UseInMemoryReminderService();
            // A full sweep of a big station escalates for a while; the default 30 s would abandon the call, not the sweep.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
            // Activating 71 stations at once, each rebuilding a big index on a loaded machine, can outlast the default 30 s.
            silo.Configure<GrainCollectionOptions>(o => o.ActivationTimeout = TimeSpan.FromMinutes(10));
            silo.Services.AddSingleton<TimeProvider>(time);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSingleton<ITicketProjectionStore>(projection);
            silo.Services.AddSingleton<ITicketPolicy>(new CatalogueTicketPolicy(policy));
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkSilo(host, time, projection);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>
/// The in-memory projection, except that a station rebuilding its index gets fresh copies of its rows, as it would
/// from a store that deserializes them (Azure Tables). Without this the index would share the projection's row
/// objects and its memory would look smaller than it is in production.
/// </summary>
public sealed class CopyingProjectionStore(InMemoryTicketProjectionStore inner) : ForwardingProjectionStore(inner)
{
    public override async Task<IReadOnlyList<TicketRow>> LoadOpenAsync(string ownerId) => (await Inner.LoadOpenAsync(ownerId)).Select(Copy).ToList();

    public static TicketRow Copy(TicketRow r) => r with
    {
        TicketId = Fresh(r.TicketId), OwnerId = Fresh(r.OwnerId), StationId = Fresh(r.StationId), Description = Fresh(r.Description),
        CategoryCode = r.CategoryCode is null ? null : Fresh(r.CategoryCode), PriorityClass = Fresh(r.PriorityClass),
        TeamId = r.TeamId is null ? null : Fresh(r.TeamId),
    };

    private static string Fresh(string s) => new(s.AsSpan());
}
