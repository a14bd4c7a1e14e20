using System.Net;
using Azure.Data.Tables;
using GuoduActors.Silo.Auth;
using GuoduActors.Silo.Projections;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using GuoduActors.Grains;

namespace GuoduActors.Silo.Hosting;

public static class OrleansHosting
{
    /// <summary>
    /// Resolves where storage lives: the configured Azure Storage connection string, or else the embedded Azurite,
    /// which is installed now (so a missing Node.js stops the start with one sentence) and started with the host.
    /// </summary>
    private static TableServiceClient? AddGuoduStorage(WebApplicationBuilder builder, StorageOptions storage, string serviceId)
    {
        builder.Services.AddSingleton(storage);
        builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection(IntakeOptions.Section));
        builder.Services.AddGuoduTicketIntake();
        if (storage.Mode == StorageMode.Memory)
        {
            builder.Services.AddSingleton<ITicketProjectionStore, InMemoryTicketProjectionStore>();
            builder.Services.AddSingleton<ITicketStore, InMemoryTicketStore>();
            return null;
        }

        var connectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var azurite = builder.Configuration.GetSection(AzuriteOptions.Section).Get<AzuriteOptions>() ?? new();
            Validate(azurite, AzuriteOptions.Section);
            EmbeddedAzurite.EnsureInstalled(azurite);
            builder.Services.AddSingleton(azurite);
            // Registered before Orleans: hosted services start in order and stop in reverse.
            builder.Services.AddHostedService<EmbeddedAzuriteService>();
            connectionString = azurite.ConnectionString;
        }
        // Fail fast when storage is down: a request should be refused (503) in seconds, not hang in retries.
        var tables = new TableServiceClient(connectionString, new TableClientOptions
        {
            Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), NetworkTimeout = TimeSpan.FromSeconds(5) },
        });
        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton(sp => new AzureTableTicketProjectionStore(sp.GetRequiredService<TableServiceClient>(), serviceId));
        builder.Services.AddSingleton<ITicketProjectionStore>(sp => sp.GetRequiredService<AzureTableTicketProjectionStore>());
        // One key ring for the whole cluster (sign-in cookies, antiforgery tokens), beside the grains' state.
        builder.Services.AddDataProtection().SetApplicationName("GuoduActors");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new AzureTableXmlRepository(sp.GetRequiredService<TableServiceClient>().GetTableClient(
                AzureTableTicketProjectionStore.TableNameFor(serviceId, "GuoduKeys")))));
        builder.Services.AddSingleton<ITicketStore>(sp =>
            // Orleans' binary format (version-tolerant through the [Id]s of TicketState), not the JSON the grain storage
            // defaults to: a registration's serialization is on the intake's path, and a smaller row is a cheaper write.
            new AzureTableTicketStore(sp.GetRequiredService<TableServiceClient>(), serviceId,
                new Orleans.Storage.OrleansGrainStorageSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()),
                legacy: () => sp.GetKeyedService<Orleans.Storage.IGrainStorage>(GrainStorage.Default)));
        return tables;
    }

    /// <summary>The Orleans silo: membership, grain state and reminders in Azure Tables (or memory in tests).</summary>
    public static WebApplicationBuilder AddGuoduSilo(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterEndpointOptions.Section).Get<ClusterEndpointOptions>() ?? new();
        Validate(cluster, ClusterEndpointOptions.Section);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var tables = AddGuoduStorage(builder, storage, cluster.ServiceId);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGuoduHealthChecks();

        builder.UseOrleans(silo =>
        {
            silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.AddDashboard();
            // Failure detection is tunable per deployment (tests and small clusters detect a dead silo in ~1 s).
            silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(builder.Configuration.GetSection("Cluster:Membership"));

            if (tables is null)
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.AddMemoryGrainStorage(GrainStorage.Default);
                silo.UseInMemoryReminderService();
                return;
            }

            // Loopback unless configured otherwise: on shared machines the default would advertise an address
            // that must not receive cluster traffic.
            silo.ConfigureEndpoints(IPAddress.Loopback, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
            silo.UseAzureStorageClustering(o => o.TableServiceClient = tables);
            silo.AddAzureTableGrainStorage(GrainStorage.Default, o => o.TableServiceClient = tables);
            silo.UseAzureTableReminderService(o => o.TableServiceClient = tables);
        });
        return builder;
    }

    internal static void Validate<T>(T options, string section) where T : class
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true))
            throw new StartupException($"the '{section}' settings are invalid: {string.Join(" ", results.Select(r => r.ErrorMessage))}");
    }
}
