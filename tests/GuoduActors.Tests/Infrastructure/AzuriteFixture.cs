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

    public async Task InitializeAsync()
    {
        var options = new AzuriteOptions
        {
            InMemory = true,
            BlobPort = FreePorts.Next(),
            QueuePort = FreePorts.Next(),
            TablePort = FreePorts.Next(),
            NodeProjectPath = Repo.Root,
        };
        _azurite = await EmbeddedAzurite.StartAsync(options);
    }

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
