using System.Text.Json;
using Azure.Data.Tables;

namespace GuoduActors.Tests.Storage;

/// <summary>Grain state lives in Azure Tables (Azurite here): a restarted host finds every ticket as it was.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersistenceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TicketSurvivesARestartOfTheHostAndTheRosterIsNotDuplicated()
    {
        var serviceId = $"persist-{Guid.NewGuid():N}";
        var clusterId = $"persist-{Guid.NewGuid():N}";
        TicketDto created;
        string before;
        await using (var first = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, clusterId))
        {
            using var http = first.CreateClient();
            created = await http.RegisterCreatedAsync("bolangfeng", Tickets.Sample("小区门禁故障 — the compound gate reader is broken"));
            before = await http.GetStringAsync(ApiClient.ResidentTicketUrl(created.Id));
        }

        await using var second = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, clusterId);
        using var client = second.CreateClient();
        var after = await client.GetStringAsync(ApiClient.ResidentTicketUrl(created.Id));
        var stations = await client.GetFromJsonAsync<List<StationDto>>("/api/stations", ApiClient.Json);
        var teams = await client.GetFromJsonAsync<List<TeamDto>>("/api/teams", ApiClient.Json);

        Assert.Equal(before, after);
        var ticket = JsonSerializer.Deserialize<TicketDto>(after, ApiClient.Json)!;
        Assert.Equal((created.Id, created.Description, TicketStatus.Registered), (ticket.Id, ticket.Description, ticket.Status));
        Assert.Equal(71, stations!.Count);
        Assert.Equal(71, stations.Select(s => s.Id).Distinct().Count());
        Assert.Equal(3, teams!.Count);
        // Re-applying the roster at start must not reset what the stations already hold.
        var counters = await second.Grains.CountersAsync("bolangfeng");
        Assert.Equal((1, 1L), (counters.Open, counters.ReceivedTotal));
        // One stored state per roster entry: the second start re-applied the roster onto the same rows.
        var stored = await StoredGrainStatesAsync(serviceId);
        var kinds = string.Join(", ", stored.Select(k => $"{k.Key}={k.Value}"));
        // 71 roster stations and the Small Affairs Office, which is the station at the top of escalation.
        Assert.True(stored.GetValueOrDefault("station") == 72, kinds);
        Assert.True(stored.GetValueOrDefault("volunteerteam") == 3, kinds);
        Assert.True(stored.GetValueOrDefault("subdistrict") == 1, kinds);
        Assert.True(stored.GetValueOrDefault("ticketnumber") == 1, kinds);
        // Tickets live in their own table, partitioned by block of ids, so that new ones are written together.
        var tickets = GuoduActors.Silo.Projections.AzureTableTicketStore.TableOf(new TableServiceClient(azurite.ConnectionString), serviceId);
        var ticketRows = new List<string>();
        await foreach (var row in tickets.QueryAsync<TableEntity>(select: ["RowKey"]))
            ticketRows.Add(row.RowKey);
        Assert.Equal([created.Id], ticketRows);
    }

    [Fact]
    public async Task ATicketStoredBeforeTheTicketTableExistedIsReadAndMovesThereWithItsNextChange()
    {
        var serviceId = $"legacy-{Guid.NewGuid():N}";
        await using var host = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, serviceId);
        using var http = host.CreateClient();
        await Waiting.WaitForAssertionAsync(async () => Assert.NotEmpty((await http.GetFromJsonAsync<List<StationDto>>("/api/stations", ApiClient.Json))!),
            TimeSpan.FromMinutes(1));
        const string id = "GD-20261128-0999";
        var ticket = host.Grains.GetGrain<ITicketGrain>(id);
        // As the earlier releases stored tickets: in Orleans' own grain-state table.
        var old = TicketState.Register("bolangfeng", Tickets.Sample("旧表里的一件事"), "legacy-key", "", "station-desk",
            new GuoduActors.Grains.Sla.CatalogueTicketPolicy(TestSilos.Policy), DateTimeOffset.UtcNow);
        await host.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(GrainStorage.Default)
            .WriteStateAsync("ticket", ticket.GetGrainId(), new GrainState<TicketState>(old));

        Assert.Equal("旧表里的一件事", (await ticket.GetAsync())!.Description);
        var classified = await ticket.ClassifyAsync(Actor.Leader("leader"), "plumbing-drains", null);

        Assert.Equal(TicketStatus.Classified, classified.Status);
        var table = GuoduActors.Silo.Projections.AzureTableTicketStore.TableOf(new TableServiceClient(azurite.ConnectionString), serviceId);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(TicketIds.BlockPartitionOf(id), id)).HasValue, "The changed ticket is not in the ticket table.");
    }

    [Fact]
    public async Task HostOnAzureStorageReportsTheTableEndpointAsHealthy()
    {
        await using var host = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, $"health-{Guid.NewGuid():N}", $"health-{Guid.NewGuid():N}");
        using var http = host.CreateClient();

        using var health = JsonDocument.Parse(await http.GetStringAsync("/healthz"));

        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var storage = health.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString();
        Assert.Contains("Azure Table storage answers", storage);
        Assert.Contains(new Uri(azurite.ConnectionString.Split("TableEndpoint=")[1].TrimEnd(';')).Authority, storage);
    }

    /// <summary>How many grain states of each kind the service has in Azure Tables (keys read <c>{serviceId}_{kind}_{id}</c>).</summary>
    private async Task<Dictionary<string, int>> StoredGrainStatesAsync(string serviceId)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("OrleansGrainState");
        var prefix = serviceId + "_";
        var kinds = new Dictionary<string, int>();
        await foreach (var row in table.QueryAsync<TableEntity>($"PartitionKey ge '{prefix}' and PartitionKey lt '{serviceId}`'", select: ["PartitionKey"]))
        {
            var kind = row.PartitionKey[prefix.Length..].Split('_')[0];
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }
        return kinds;
    }
}
