using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Orleans.TestingHost;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>
/// The real host (<c>silo/Program.cs</c>) behind an in-memory HTTP server, with its settings overridden in memory:
/// free silo and gateway ports always, and either memory storage or an Azure Storage connection string.
/// </summary>
public sealed class GuoduApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    private GuoduApiFactory(Dictionary<string, string?> settings, TimeProvider? time)
    {
        _settings = settings;
        _time = time;
    }

    /// <summary>Single silo, memory storage, the domain on <paramref name="time"/>.</summary>
    /// Registrations are answered once their list rows are stored too (<c>Intake:ListDelay</c> 0), so a test reads its own
    /// registrations in the lists at once; the hosts on Azure Storage keep the product's delay.
    public static GuoduApiFactory InMemory(TimeProvider time)
    {
        var settings = Settings("Memory", connectionString: "", $"api-{Guid.NewGuid():N}", $"api-{Guid.NewGuid():N}");
        settings["Intake:ListDelay"] = "00:00:00";
        return new(settings, time);
    }

    /// <summary>
    /// Grain state, reminders and membership in Azure Tables at <paramref name="connectionString"/>; the domain on
    /// <paramref name="time"/> when given (reminders and Orleans' own loops stay on real time), else on the system clock.
    /// </summary>
    public static GuoduApiFactory OnAzureStorage(string connectionString, string serviceId, string clusterId, TimeProvider? time = null) =>
        new(Settings("AzureStorage", connectionString, serviceId, clusterId), time);

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Adds or overrides settings (<c>Section:Key</c>); call before the host starts.</summary>
    public GuoduApiFactory WithSettings(IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
            _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not only ConfigureAppConfiguration: Program reads the settings while it builds the host.
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_time is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(_time);
                services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            });
        }
    }

    private static Dictionary<string, string?> Settings(string storageMode, string connectionString, string serviceId, string clusterId) => new()
    {
        ["Storage:Mode"] = storageMode,
        ["ConnectionStrings:AzureStorage"] = connectionString,
        ["Cluster:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster:ServiceId"] = serviceId,
        ["Cluster:ClusterId"] = clusterId,
        ["Guodu:RosterPath"] = Repo.ShippedRosterPath,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Warning",
    };
}

/// <summary>The memory-mode API host shared by the tests of <see cref="ApiCollection"/>, started once.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(GuoduClock.JustAfterMidnightInGuodu);

    public GuoduApiFactory Factory { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = GuoduApiFactory.InMemory(Time);
        Http = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "API in memory";
}
