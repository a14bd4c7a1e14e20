using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GuoduActors.Tests.Open311;

[CollectionDefinition(Name)]
public sealed class Open311Collection : ICollectionFixture<Open311Fixture>
{
    public const string Name = "Open311";
}

/// <summary>
/// The whole silo (HTTP pipeline, Orleans in memory storage, the shipped roster and catalogue) behind a test server,
/// with one Open311 api_key; shared by the Open311 tests, which therefore look only at the tickets they create.
/// </summary>
public class Open311Fixture : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key";
    public const string ResidentPhone = "13812341234";
    public const string ResidentFamilyName = "张";
    public const string ResidentGivenName = "三丰";
    private int _sequence;

    /// <summary>How long a registration may take to reach the lists (<c>Intake:ListDelay</c>); none in this fixture.</summary>
    protected virtual string ListDelay => "00:00:00";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings, not app configuration: Program reads them while it builds, before the factory's later hooks run.
        builder.UseSetting("Storage:Mode", "Memory");
        builder.UseSetting("Cluster:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Open311:ApiKeys:0", ApiKey);
        // Lists at once after a registration (the product lists it up to a second later), as every memory-mode test host.
        builder.UseSetting("Intake:ListDelay", ListDelay);
    }

    /// <summary>A complete, valid request as a resident's app posts it; every call describes a different matter.</summary>
    public Dictionary<string, string> ValidRequest(string serviceCode = "plumbing-drains") => new()
    {
        ["api_key"] = ApiKey,
        ["service_code"] = serviceCode,
        ["description"] = $"厨房下水道堵了，污水倒灌（第 {Interlocked.Increment(ref _sequence)} 件）",
        ["address_string"] = "凤林社区3号楼2单元501",
        ["phone"] = ResidentPhone,
        ["first_name"] = ResidentGivenName,
        ["last_name"] = ResidentFamilyName,
        ["device_id"] = "test-device",
    };

    public async Task<HttpResponseMessage> PostRequestAsync(IDictionary<string, string> fields, string format = "json", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = new FormUrlEncodedContent(fields) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await CreateClient().SendAsync(request);
    }

    /// <summary>Posts a request that must be accepted, and returns its service_request_id.</summary>
    public async Task<string> CreateRequestAsync(IDictionary<string, string> fields)
    {
        using var response = await PostRequestAsync(fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return Assert.Single(body.RootElement.EnumerateArray()).GetProperty("service_request_id").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await CreateClient().GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>How many requests the default GET requests answers (the last 90 days).</summary>
    public async Task<int> CountRequestsAsync() => (await GetJsonAsync("/open311/v2/requests.json")).GetArrayLength();

    /// <summary>Fenglin's desk classifies, keeps and resolves the ticket through the staff REST API.</summary>
    public async Task ResolveAtTheDeskAsync(string ticketId)
    {
        var desk = CreateClient();
        desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("fenglin:Fenglin2026")));
        foreach (var (action, body) in new (string, object)[]
        {
            ("classify", new { categoryCode = "plumbing-drains" }),
            ("assign", new { stationId = "fenglin" }),
            ("resolve", new { note = "已疏通" }),
        })
        {
            using var response = await desk.PostAsJsonAsync($"/api/tickets/{ticketId}/{action}", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

}
