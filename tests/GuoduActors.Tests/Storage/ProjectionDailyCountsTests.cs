using Azure.Data.Tables;
using GuoduActors.Silo.Projections;

namespace GuoduActors.Tests.Storage;

/// <summary>
/// Stations' daily counts in the projection table (Azurite): one entity per station and day, written in the same
/// transaction as the station's rows; a write replaces the categories it names and keeps the day's others; lists and
/// queries never see them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProjectionDailyCountsTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 28);

    [Fact]
    public async Task DailyCountsRoundTripAndAWriteKeepsTheDaysOtherCategories()
    {
        var store = new AzureTableTicketProjectionStore(new TableServiceClient(azurite.ConnectionString), $"days-{Guid.NewGuid():N}");
        ITicketProjectionStore projection = store;
        var row = TicketRow.From(SampleTicket("GD-20261128-0001"));

        await projection.StoreAsync("fenglin", [row], [], [new DailyCount(Day, "plumbing-drains", 3, 1), new DailyCount(Day, "uncategorised", 2, 0)]);
        await projection.StoreAsync("fenglin", [], [], [new DailyCount(Day, "plumbing-drains", 4, 1), new DailyCount(Day.AddDays(1), "gas-appliance", 1, 0)]);

        var counts = (await store.LoadDailyCountsAsync("fenglin", Day)).OrderBy(c => c.Day).ThenBy(c => c.CategoryCode, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [new DailyCount(Day, "plumbing-drains", 4, 1), new DailyCount(Day, "uncategorised", 2, 0), new DailyCount(Day.AddDays(1), "gas-appliance", 1, 0)],
            counts);
        Assert.Empty(await store.LoadDailyCountsAsync("fenglin", Day.AddDays(2)));
        Assert.Empty(await store.LoadDailyCountsAsync("bolangfeng", Day));
        // The station's lists hold its ticket only.
        var listed = new List<TicketRow>();
        await foreach (var r in store.QueryAsync(new TicketFilter { OwnerId = "fenglin" }))
            listed.Add(r);
        Assert.Equal(["GD-20261128-0001"], listed.Select(r => r.TicketId));
    }

    private static TicketSnapshot SampleTicket(string id) =>
        TicketState.Register("fenglin", Tickets.Sample(), Tickets.NewKey(), "", "station-desk", new GuoduActors.Grains.Sla.CatalogueTicketPolicy(TestSilos.Policy),
            GuoduClock.MorningInGuodu).ToSnapshot(id);
}
