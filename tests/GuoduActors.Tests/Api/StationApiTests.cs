using System.Text.Json;
using Orleans.Runtime;

namespace GuoduActors.Tests.Api;

/// <summary>The roster, health and dashboard as the public HTTP API shows them.</summary>
[Collection(ApiCollection.Name)]
public sealed class StationApiTests(ApiFixture api)
{
    [Fact]
    public async Task StationListShowsAll71StationsWithIdsNamesLevelsAndParents()
    {
        var stations = await api.Http.GetFromJsonAsync<List<StationDto>>("/api/stations", ApiClient.Json);

        Assert.NotNull(stations);
        Assert.Equal(71, stations.Count);
        Assert.Equal(71, stations.Select(s => s.Id).Distinct().Count());
        Assert.All(stations, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.NameZh));
            Assert.False(string.IsNullOrWhiteSpace(s.NameEn));
        });
        Assert.Equal(33, stations.Count(s => s.Level == StationLevel.Community && s.ParentId == "guodu"));
        var communities = stations.Where(s => s.Level == StationLevel.Community).Select(s => s.Id).ToHashSet();
        Assert.Equal(38, stations.Count(s => s.Level == StationLevel.Compound && communities.Contains(s.ParentId)));
        Assert.Contains(stations, s => s is { Id: "fenglin", NameZh: "凤林社区", Level: StationLevel.Community });
        Assert.Contains(stations, s => s is { Id: "bolangfeng", NameZh: "铂琅峯小区", Level: StationLevel.Compound, ParentId: "fenglin" });
    }

    [Fact]
    public async Task OneStationIsServedByIdAndAnUnknownOneIsNotFound()
    {
        var bolangfeng = await api.Http.GetFromJsonAsync<StationDto>("/api/stations/bolangfeng", ApiClient.Json);
        using var unknown = await api.Http.GetAsync("/api/stations/atlantis");

        Assert.Equal(new StationDto("bolangfeng", "铂琅峯小区", bolangfeng!.NameEn, StationLevel.Compound, "fenglin", false), bolangfeng);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TeamListShowsTheThreeVolunteerTeamsWithTheirSkills()
    {
        var teams = await api.Http.GetFromJsonAsync<List<TeamDto>>("/api/teams", ApiClient.Json);

        Assert.Equal(3, teams!.Count);
        Assert.All(teams, t => Assert.NotEmpty(t.Skills));
        Assert.Contains(teams, t => t.Id == "bolangfeng-safety" && t.Skills.Contains("safety-patrol"));
    }

    [Fact]
    public async Task HealthEndpointReportsHealthyStorageAndSiloAsJson()
    {
        using var response = await api.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("silo").GetProperty("status").GetString());
        Assert.Contains("1 active silo", checks.GetProperty("silo").GetProperty("description").GetString());
    }

    [Fact]
    public async Task OrleansDashboardIsServed()
    {
        using var response = await api.Http.GetAsync("/orleans");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void HostUnderTestRunsItsSiloOnAFreePortNotTheSharedDefault()
    {
        var silo = api.Factory.Services.GetRequiredService<ILocalSiloDetails>();

        Assert.NotEqual(11111, silo.SiloAddress.Endpoint.Port);
        Assert.NotEqual(30000, silo.GatewayAddress?.Endpoint.Port ?? 0);
        Assert.StartsWith("api-", silo.ClusterId, StringComparison.Ordinal);
    }
}
