using GuoduActors.Silo.Hosting;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite on free ports for the tests of <see cref="AzuriteCollection"/>: the real Azure Table
/// providers for grain state, reminders and membership. Tests isolate themselves by ServiceId and ClusterId.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private EmbeddedAzurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public async Task InitializeAsync() => _azurite = await StartPrivateAsync();

    /// <summary>An Azurite of a test's own on free ports, for a test that stops it: in memory, or on disk under <paramref name="dataPath"/>.</summary>
    public static Task<EmbeddedAzurite> StartPrivateAsync(string? dataPath = null) => EmbeddedAzurite.StartAsync(new AzuriteOptions
    {
        InMemory = dataPath is null,
        DataPath = dataPath ?? "unused",
        BlobPort = FreePorts.Next(),
        QueuePort = FreePorts.Next(),
        TablePort = FreePorts.Next(),
        NodeProjectPath = Repo.Root,
    });

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
            await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
