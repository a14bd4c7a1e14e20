using Azure.Data.Tables;
using GuoduActors.Grains.Simulation;
using GuoduActors.Silo.Hosting;
using GuoduActors.Silo.Projections;

namespace GuoduActors.Tests.Simulation;

/// <summary>
/// Seeding against real Azure Tables (an Azurite of its own, and a service id of its own per test, whose projection
/// table starts empty): storage batches, and a restart that seeds nothing.
/// </summary>
public sealed class SeedingRestartTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Dictionary<string, string?> SeedTwoWeeks = new()
    {
        ["Simulation:SeedHistory"] = "true",
        ["Simulation:Days"] = "14",
        ["Simulation:DailyTicketsPerStation"] = "0.5",
    };

    [Fact]
    public async Task ASecondStartFindsTheHistorySeededAndWritesNothing()
    {
        var serviceId = $"sim-{Guid.NewGuid():N}";
        SimulationStatus seeded;
        int rows;
        await using (var first = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, "sim").WithSettings(SeedTwoWeeks))
        {
            Assert.Equal(SeedingOutcome.Seeded, await OutcomeAsync(first));
            seeded = await first.Grains.GetGrain<ISubDistrictGrain>("guodu").GetSimulationAsync();
            rows = await CountRowsAsync(serviceId);
            Assert.Equal(SimulationPhase.Seeded, seeded.Phase);
            Assert.Equal(seeded.HistoricTickets + seeded.LiveTickets, rows);
            Assert.InRange(seeded.HistoricTickets, 14 * 25, 14 * 45);
        }

        await using var second = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, "sim").WithSettings(SeedTwoWeeks);

        Assert.Equal(SeedingOutcome.AlreadySeeded, await OutcomeAsync(second));
        Assert.Equal(seeded, await second.Grains.GetGrain<ISubDistrictGrain>("guodu").GetSimulationAsync());
        Assert.Equal(rows, await CountRowsAsync(serviceId));
        // The live tickets survived the restart as grains, from storage.
        var open = await QueryAsync(serviceId, new TicketFilter { OpenOnly = true });
        Assert.NotEmpty(open);
        Assert.NotNull(await second.Grains.GetGrain<ITicketGrain>(open[0].TicketId).GetAsync());
    }

    private static Task<SeedingOutcome> OutcomeAsync(GuoduApiFactory factory) =>
        factory.Services.GetRequiredService<SimulationSeeder>().Outcome.WaitAsync(TimeSpan.FromMinutes(3));

    /// <summary>Tickets, not rows: a ticket escalating meanwhile has a row under each owner for a moment.</summary>
    private async Task<int> CountRowsAsync(string serviceId) => (await QueryAsync(serviceId, new TicketFilter())).Select(r => r.TicketId).Distinct().Count();

    private async Task<List<TicketRow>> QueryAsync(string serviceId, TicketFilter filter)
    {
        var rows = new List<TicketRow>();
        await foreach (var row in new AzureTableTicketProjectionStore(new TableServiceClient(azurite.ConnectionString), serviceId).QueryAsync(filter))
            rows.Add(row);
        return rows;
    }
}

/// <summary>
/// The projection's bulk write on real Azure Tables (entity-group batches per owner, replacing what was there), and a
/// store that holds tickets, which is never seeded: both need an Azurite whose projection is not empty, unlike
/// <see cref="SeedingRestartTests"/>.
/// </summary>
public sealed class NonEmptyStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AStoreThatHoldsTicketsIsNeverSeeded()
    {
        var serviceId = $"sim-{Guid.NewGuid():N}";
        var projection = new AzureTableTicketProjectionStore(new TableServiceClient(azurite.ConnectionString), serviceId);
        await projection.UpsertAsync(new TicketRow
        {
            TicketId = "GD-20261101-0001", OwnerId = "fenglin", StationId = "fenglin", Status = TicketStatus.Closed,
            RegisteredAt = DateTimeOffset.UtcNow.AddDays(-30), UpdatedAt = DateTimeOffset.UtcNow.AddDays(-29), Description = "真实工单",
        });

        // A cluster (fresh grain state) whose projection table already holds a ticket: the sub-district has never seeded, the store is not empty.
        await using var product = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, "real")
            .WithSettings(new Dictionary<string, string?> { ["Simulation:SeedHistory"] = "true", ["Simulation:Days"] = "14" });

        Assert.Equal(SeedingOutcome.StoreNotEmpty, await product.Services.GetRequiredService<SimulationSeeder>().Outcome.WaitAsync(TimeSpan.FromMinutes(3)));
        Assert.False((await product.Grains.GetGrain<ISubDistrictGrain>("guodu").GetSimulationAsync()).IsSimulated);
    }

    [Fact]
    public async Task UpsertManyWritesRowsOfManyOwnersAndReplacesThemOnASecondWrite()
    {
        var store = new AzureTableTicketProjectionStore(new TableServiceClient(azurite.ConnectionString), $"upsert-{Guid.NewGuid():N}");
        var registered = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
        // 230 rows at one owner (three batches) and 20 at two others; one ticket given twice, the later row winning.
        var rows = Enumerable.Range(1, 250).Select(i => new TicketRow
        {
            TicketId = SimulatedTickets.Format("20261120", i), OwnerId = i <= 230 ? "compound-03" : i % 2 == 0 ? "fenglin" : "guodu",
            StationId = "community-03", Status = i % 10 == 0 ? TicketStatus.InProgress : TicketStatus.Closed, CategoryCode = "noise",
            RegisteredAt = registered.AddMinutes(i), UpdatedAt = registered.AddMinutes(i + 60), Description = $"{SimulationProfile.Label}噪音 {i}",
            Rating = i % 10 == 0 ? null : 5,
        }).ToList();
        rows.Add(rows[0] with { Description = "later" });
        // Only this test's rows: the other test of the class leaves a ticket of its own.
        var mine = new TicketFilter { RegisteredFrom = registered, RegisteredTo = registered.AddDays(1) };

        await store.UpsertManyAsync(rows);

        Assert.Equal(230, (await QueryAsync(store, mine with { OwnerId = "compound-03" })).Count);
        Assert.Equal(20, (await QueryAsync(store, mine with { OwnerIds = ["fenglin", "guodu"] })).Count);
        Assert.Equal(23, (await store.LoadOpenAsync("compound-03")).Count);
        Assert.Equal("later", (await QueryAsync(store, mine with { OwnerId = "compound-03" })).Single(r => r.TicketId == rows[0].TicketId).Description);
        Assert.Equal(rows[1], (await QueryAsync(store, mine with { OwnerId = "compound-03" })).Single(r => r.TicketId == rows[1].TicketId));

        await store.UpsertManyAsync([.. rows.Select(r => r with { Status = TicketStatus.Closed, Rating = 4 })]);

        var after = await QueryAsync(store, mine);
        Assert.Equal(250, after.Count);
        Assert.Empty(await store.LoadOpenAsync("compound-03"));
        Assert.All(after, r => Assert.Equal((TicketStatus.Closed, 4), (r.Status, r.Rating)));
    }

    private static async Task<List<TicketRow>> QueryAsync(ITicketProjectionStore store, TicketFilter filter)
    {
        var rows = new List<TicketRow>();
        await foreach (var row in store.QueryAsync(filter))
            rows.Add(row);
        return rows;
    }
}
