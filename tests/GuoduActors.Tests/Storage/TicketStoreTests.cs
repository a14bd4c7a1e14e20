using Azure.Data.Tables;
using GuoduActors.Grains;
using GuoduActors.Silo.Projections;
using Orleans.Serialization;
using Orleans.Storage;

namespace GuoduActors.Tests.Storage;

/// <summary>
/// The tickets' storage on Azurite: new tickets of one block written together, each caller answered once its ticket is
/// stored; states larger than a table column; the ETag checks that keep two writers from overwriting each other.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TicketStoreTests(AzuriteFixture azurite) : IDisposable
{
    private const string Day = "20261129";
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    private AzureTableTicketStore NewStore(string serviceId) =>
        new(new TableServiceClient(azurite.ConnectionString), serviceId, new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()));

    [Fact]
    public async Task ConcurrentNewTicketsAreAllStoredAndReadBackInTheirBlocks()
    {
        var store = NewStore($"store-{Guid.NewGuid():N}");
        var tickets = Enumerable.Range(1, 250).ToDictionary(n => TicketIds.Format(Day, n), n => Sample($"第 {n} 件"));

        await Task.WhenAll(tickets.Select(t => Task.Run(() => store.InsertNewAsync(t.Key, t.Value))));

        foreach (var blockStart in new[] { 1, 101, 201 })
        {
            var block = await store.LoadBlockAsync(Day, blockStart);
            var expected = tickets.Keys.Where(id => TicketIds.BlockPartitionOf(id) == TicketIds.BlockPartition(Day, blockStart)).Order().ToList();
            Assert.Equal(expected, block.Select(b => b.TicketId).Order());
            Assert.All(block, b => Assert.Equal(tickets[b.TicketId].Description, b.State.Description));
        }
        var read = await ReadAsync(store, TicketIds.Format(Day, 250));
        Assert.True(read.RecordExists);
        Assert.Equal("第 250 件", read.State!.Description);
    }

    [Fact]
    public async Task AStateLargerThanOneColumnRoundTrips()
    {
        var store = NewStore($"store-{Guid.NewGuid():N}");
        var id = TicketIds.Format(Day, 7);
        var big = Sample("时间线很长的一件事");
        big.Timeline = Enumerable.Range(0, 200)
            .Select(i => new TimelineEntry(big.RegisteredAt.AddMinutes(i), "staff", "note", TicketStatus.InProgress, TicketStatus.InProgress, new string('记', 900), "fenglin"))
            .ToList();
        await store.InsertNewAsync(id, big);

        var read = await ReadAsync(store, id);

        Assert.Equal(200, read.State!.Timeline.Count);
        Assert.Equal(big.Timeline[^1], read.State!.Timeline[^1]);
    }

    [Fact]
    public async Task ANewTicketNeverOverwritesAStoredOne()
    {
        var store = NewStore($"store-{Guid.NewGuid():N}");
        var id = TicketIds.Format(Day, 42);
        await store.InsertNewAsync(id, Sample("原来的"));

        await Assert.ThrowsAnyAsync<Exception>(() => store.InsertNewAsync(id, Sample("冒名的")));

        Assert.Equal("原来的", (await ReadAsync(store, id)).State!.Description);
    }

    [Fact]
    public async Task AWriteFromAStaleReadIsRefusedAndChangesNothing()
    {
        var store = NewStore($"store-{Guid.NewGuid():N}");
        var id = TicketIds.Format(Day, 43);
        await store.InsertNewAsync(id, Sample("第一版"));
        var first = await ReadAsync(store, id);
        var second = await ReadAsync(store, id);
        first.State!.Description = "第二版";
        await store.WriteStateAsync("ticket", GrainIdOf(id), first);

        second.State!.Description = "过时的";
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync("ticket", GrainIdOf(id), second));

        Assert.Equal("第二版", (await ReadAsync(store, id)).State!.Description);
    }

    private static async Task<GrainState<TicketState>> ReadAsync(ITicketStore store, string id)
    {
        var state = new GrainState<TicketState>(new TicketState());
        await store.ReadStateAsync("ticket", GrainIdOf(id), state);
        return state;
    }

    private static GrainId GrainIdOf(string ticketId) => GrainId.Create("ticket", ticketId);

    private static TicketState Sample(string description) =>
        TicketState.Register("fenglin", Tickets.Sample(description), Tickets.NewKey(), "fingerprint", "test", new GuoduActors.Grains.Sla.CatalogueTicketPolicy(TestSilos.Policy),
            GuoduClock.MorningInGuodu);

    public void Dispose() => _services.Dispose();
}
