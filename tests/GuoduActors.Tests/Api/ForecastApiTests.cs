using System.Text.Json;

namespace GuoduActors.Tests.Api;

/// <summary>The forecasts over HTTP on a product with no history: who may read them, and what an untrained model answers.</summary>
[Collection(ApiCollection.Name)]
public sealed class ForecastApiTests(ApiFixture api)
{
    [Fact]
    public async Task APlannerLearnsThatNoModelIsTrainedYetAndHowMuchHistoryItNeeds()
    {
        await WaitForAssertionAsync(async () =>
        {
            using var status = JsonDocument.Parse(await Send("/api/forecast", ApiClient.BasicAuth("planner", "Planner2026"), HttpStatusCode.OK));
            Assert.Equal(JsonValueKind.Null, status.RootElement.GetProperty("trainedAt").ValueKind);
            Assert.Equal(196, status.RootElement.GetProperty("historyDaysNeeded").GetInt32());
        }, TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("/api/forecast")]
    [InlineData("/api/forecast/weekly.csv")]
    public async Task OnlyPlannersAndLeadersReadTheForecasts(string path)
    {
        Assert.Contains("Sign in", await Send(path, null, HttpStatusCode.Unauthorized));
        Assert.Contains("planners and leaders", await Send(path, ApiClient.BasicAuth("fenglin", "Fenglin2026"), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task TheCsvOfAnUntrainedModelIsNotFoundWithAProblemSayingWhy() =>
        Assert.Contains("has not been trained yet", await Send("/api/forecast/weekly.csv?station=fenglin&category=all", ApiClient.BasicAuth("leader", "Guodu2026"), HttpStatusCode.NotFound));

    private async Task<string> Send(string path, System.Net.Http.Headers.AuthenticationHeaderValue? auth, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        using var response = await api.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return body;
    }
}
