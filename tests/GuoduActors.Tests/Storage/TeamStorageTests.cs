namespace GuoduActors.Tests.Storage;

/// <summary>Volunteer teams are kept in Azure Tables (Azurite here) and read back from there.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AJobAcceptedWithNamedMembersIsReadBackAfterARestart()
    {
        var serviceId = $"team-{Guid.NewGuid():N}";
        var clusterId = $"team-{Guid.NewGuid():N}";
        string ticketId;
        await using (var first = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, clusterId))
        {
            using var http = first.CreateClient();
            http.DefaultRequestHeaders.Authorization = ApiClient.BasicAuth("leader", "Guodu2026");
            ticketId = (await http.RegisterCreatedAsync("fenglin", Tickets.Sample("厨房下水道堵了") with { CategoryCode = "plumbing-drains" })).Id;
            await PostOkAsync(http, "/api/teams/haoxiujiang/members", """{"members":[{"id":"m1","name":"王建国","skills":["plumbing"]}],"duty":[]}""", HttpMethod.Put);
            await PostOkAsync(http, $"/api/tickets/{ticketId}/classify", """{"categoryCode":"plumbing-drains"}""");
            await PostOkAsync(http, $"/api/tickets/{ticketId}/assign-team", """{"teamId":"haoxiujiang"}""");
            await PostOkAsync(http, $"/api/teams/haoxiujiang/jobs/{ticketId}/accept", """{"memberIds":["m1"]}""");
        }

        // The host applies the roster to every team at start, so it reads this team's stored state before anything else.
        await using var second = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, clusterId);
        var team = await second.Grains.GetGrain<IVolunteerTeamGrain>("haoxiujiang").GetAsync();

        var job = Assert.Single(team.Jobs);
        Assert.Equal((ticketId, JobStatus.Active), (job.TicketId, job.Status));
        Assert.Equal(["m1"], job.MemberIds);
    }

    private static async Task PostOkAsync(HttpClient http, string path, string json, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
