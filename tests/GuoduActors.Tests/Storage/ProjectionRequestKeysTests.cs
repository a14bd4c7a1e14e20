using Azure.Data.Tables;
using GuoduActors.Silo.Projections;

namespace GuoduActors.Tests.Storage;

/// <summary>Stations' request keys in the projection table (Azurite): loaded from an hour on, deleted before an hour, never listed as tickets.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProjectionRequestKeysTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task KeysLoadFromAnHourAndTheExpiredOnesAreDeleted()
    {
        ITicketProjectionStore store = new AzureTableTicketProjectionStore(new TableServiceClient(azurite.ConnectionString), $"keys-{Guid.NewGuid():N}");
        var now = GuoduClock.MorningInGuodu;
        var old = new RequestKeyRecord("retry-1", "GD-20261127-0001", "f1", now.AddHours(-30));
        var recent = new RequestKeyRecord("retry-1", "GD-20261128-0007", "f2", now.AddHours(-2));
        var other = new RequestKeyRecord("retry-2", "GD-20261128-0008", "f3", now.AddMinutes(-5));
        await store.StoreAsync("fenglin", [], [old, recent, other], []);

        Assert.Equal([recent, other], (await store.LoadRequestKeysAsync("fenglin", now.AddHours(-24))).OrderBy(k => k.RegisteredAt));
        await store.DeleteRequestKeysBeforeAsync("fenglin", now.AddHours(-24));

        Assert.Equal([recent, other], (await store.LoadRequestKeysAsync("fenglin", DateTimeOffset.MinValue)).OrderBy(k => k.RegisteredAt));
        Assert.Empty(await store.LoadRequestKeysAsync("bolangfeng", DateTimeOffset.MinValue));
        var listed = new List<TicketRow>();
        await foreach (var row in store.QueryAsync(new TicketFilter { OwnerId = "fenglin" }))
            listed.Add(row);
        Assert.Empty(listed);
    }

    [Fact]
    public async Task ABatchsKeysShareRowsAndAllLoadBack()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var serviceId = $"keys-{Guid.NewGuid():N}";
        ITicketProjectionStore store = new AzureTableTicketProjectionStore(tables, serviceId);
        var now = GuoduClock.MorningInGuodu;
        var keys = Enumerable.Range(0, 150).Select(i => new RequestKeyRecord($"batch-key-{i:D3}", $"GD-20261128-{i + 1:D4}", new string('f', 64), now.AddSeconds(i))).ToList();

        await store.StoreAsync("fenglin", [], keys, []);

        Assert.Equal(keys, (await store.LoadRequestKeysAsync("fenglin", now.AddHours(-1))).OrderBy(k => k.RegisteredAt));
        var rows = 0;
        await foreach (var _ in tables.GetTableClient(AzureTableTicketProjectionStore.TableNameFor(serviceId)).QueryAsync<TableEntity>(select: ["RowKey"]))
            rows++;
        Assert.Equal(2, rows);
    }
}
