namespace GuoduActors.Tests.Storage;

/// <summary>Weekly reports are kept in Azure Tables (Azurite here) and read back from there.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WeeklyReportStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AWeekCompiledOnAzureStorageIsReadBackFromItAfterARestart()
    {
        var serviceId = $"weekly-{Guid.NewGuid():N}";
        var clusterId = $"weekly-{Guid.NewGuid():N}";
        List<WeeklyReportDto> compiled;
        await using (var first = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, clusterId))
        {
            using var http = first.CreateClient();
            http.DefaultRequestHeaders.Authorization = ApiClient.BasicAuth("leader", "Guodu2026");
            var response = await http.PostAsync("/api/reports/weekly/compile", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            compiled = (await response.Content.ReadFromJsonAsync<List<WeeklyReportDto>>(ApiClient.Json))!;
        }

        await using var second = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, clusterId);
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = ApiClient.BasicAuth("planner", "Planner2026");
        var read = (await client.GetFromJsonAsync<List<WeeklyReportDto>>("/api/reports/weekly", ApiClient.Json))!;

        // The office's total and own report, each level-1 station's aggregate and own report, each level-2 station's own.
        Assert.Equal(2 + 2 * 33 + 38, compiled.Count);
        Assert.Equal(compiled.Select(r => (r.StationId, r.Kind, r.Covers.Count)), read.Select(r => (r.StationId, r.Kind, r.Covers.Count)));
        Assert.Equal(["bolangfeng"], read.Single(r => r.StationId == "bolangfeng").Covers);
    }
}
