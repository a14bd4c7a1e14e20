using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>Tickets a test needs beyond the one it always gets (registered at 凤林, untouched).</summary>
[Flags]
public enum SceneTickets
{
    None = 0,
    /// <summary>Classified at 凤林.</summary>
    Classified = 1,
    /// <summary>Assigned and kept by 凤林 itself (a level-1 station).</summary>
    AssignedAtFenglin = 2,
    /// <summary>Routed by 凤林 to its level-2 station 铂琅峯 (owner bolangfeng, Assigned).</summary>
    AtCompound = 4,
    /// <summary>Resolved by 凤林.</summary>
    Resolved = 8,
    /// <summary>Resolved, then confirmed and rated by the resident.</summary>
    Closed = 16,
    /// <summary>Offered to the 好修匠 repair team (haoxiujiang).</summary>
    TeamJob = 32,
    /// <summary>Offered to the calligraphy group (aishang-shuhua), whose lead no demo user is.</summary>
    OtherTeamJob = 64,
}

/// <summary>
/// Tickets in known states, brought there through the public API by the leader, so a test can aim a bad request
/// at each state. Team jobs are cancelled on disposal: the teams' capacity is small and shared by the whole collection.
/// The leader acts through a client signed in with a cookie (<see cref="SignInAsync"/>): every Basic request costs a
/// 100 000-iteration PBKDF2 hash, and a case makes a few dozen set-up and snapshot reads.
/// </summary>
public sealed class GovernanceScene : IAsyncDisposable
{
    public const string Station = "fenglin";
    public const string ResidentPhone = "13812341234";

    public static readonly AuthenticationHeaderValue Leader = ApiClient.BasicAuth("leader", "Guodu2026");
    public static readonly AuthenticationHeaderValue Fenglin = ApiClient.BasicAuth("fenglin", "Fenglin2026");
    public static readonly AuthenticationHeaderValue Bolangfeng = ApiClient.BasicAuth("bolangfeng", "Bolang2026");
    public static readonly AuthenticationHeaderValue Community02 = ApiClient.BasicAuth("community02", "Station2026");
    public static readonly AuthenticationHeaderValue TeamLead = ApiClient.BasicAuth("haoxiujiang", "Repair2026");
    public static readonly AuthenticationHeaderValue Planner = ApiClient.BasicAuth("planner", "Planner2026");

    private readonly HttpClient _http;
    private readonly Dictionary<SceneTickets, string> _tickets = [];

    /// <summary>A client of <paramref name="factory"/> holding the sign-in cookie of a demo user.</summary>
    public static async Task<HttpClient> SignInAsync(GuoduApiFactory factory, string user, string password)
    {
        var http = factory.CreateClient();
        using var response = await http.PostAsJsonAsync("/api/auth/signin", new { userName = user, password });
        Assert.True(response.IsSuccessStatusCode, $"Signing in as {user} answered {(int)response.StatusCode}.");
        return http;
    }

    private GovernanceScene(HttpClient http, string registered)
    {
        _http = http;
        Registered = registered;
    }

    public string Registered { get; }

    public string Classified => this[SceneTickets.Classified];
    public string AssignedAtFenglin => this[SceneTickets.AssignedAtFenglin];
    public string AtCompound => this[SceneTickets.AtCompound];
    public string Resolved => this[SceneTickets.Resolved];
    public string Closed => this[SceneTickets.Closed];
    public string TeamJob => this[SceneTickets.TeamJob];
    public string OtherTeamJob => this[SceneTickets.OtherTeamJob];

    /// <summary>Every ticket of the scene, to snapshot.</summary>
    public IEnumerable<string> All => _tickets.Values.Prepend(Registered);

    private string this[SceneTickets kind] =>
        _tickets.TryGetValue(kind, out var id) ? id : throw new InvalidOperationException($"The case uses a {kind} ticket but does not ask for one.");

    /// <summary>Brings the tickets about through <paramref name="leader"/>, a client signed in as the leader.</summary>
    public static async Task<GovernanceScene> CreateAsync(HttpClient leader, SceneTickets needs)
    {
        var scene = new GovernanceScene(leader, await RegisterAsync(leader, "public-facilities"));
        foreach (var kind in Enum.GetValues<SceneTickets>().Where(k => k != SceneTickets.None && needs.HasFlag(k)))
            scene._tickets[kind] = await scene.BringAsync(kind);
        return scene;
    }

    private async Task<string> BringAsync(SceneTickets kind)
    {
        var category = kind == SceneTickets.OtherTeamJob ? "sanitation" : "public-facilities";
        var id = await RegisterAsync(_http, category);
        await StepAsync(id, "classify", $$"""{"categoryCode":"{{category}}"}""");
        switch (kind)
        {
            case SceneTickets.AssignedAtFenglin:
                await StepAsync(id, "assign", """{"stationId":"fenglin"}""");
                break;
            case SceneTickets.AtCompound:
                await StepAsync(id, "assign", """{"stationId":"bolangfeng"}""");
                break;
            case SceneTickets.Resolved or SceneTickets.Closed:
                await StepAsync(id, "assign", """{"stationId":"fenglin"}""");
                await StepAsync(id, "resolve", """{"note":"路灯已更换 — lamp replaced"}""");
                if (kind == SceneTickets.Closed)
                    await StepAsync(id, "close", $$"""{"rating":5,"phone":"{{ResidentPhone}}"}""");
                break;
            case SceneTickets.TeamJob:
                await StepAsync(id, "assign-team", """{"teamId":"haoxiujiang"}""");
                break;
            case SceneTickets.OtherTeamJob:
                await StepAsync(id, "assign-team", """{"teamId":"aishang-shuhua"}""");
                break;
        }
        return id;
    }

    private static async Task<string> RegisterAsync(HttpClient http, string category) =>
        (await http.RegisterCreatedAsync(Station, Tickets.Sample() with { CategoryCode = category })).Id;

    private async Task StepAsync(string ticketId, string action, string json)
    {
        using var request = Json(HttpMethod.Post, $"/api/tickets/{ticketId}/{action}", json, auth: null);
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Setting up: {action} {ticketId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static HttpRequestMessage Json(HttpMethod method, string path, string? json, AuthenticationHeaderValue? auth, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            // Set unvalidated, so a test can send what a careless client would: an unknown charset, say.
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        request.Headers.Authorization = auth;
        return request;
    }

    /// <summary>Frees the teams' capacity; a ticket the case did not leave in an open state simply refuses (and that is fine).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var kind in new[] { SceneTickets.TeamJob, SceneTickets.OtherTeamJob })
        {
            if (!_tickets.TryGetValue(kind, out var id))
                continue;
            using var request = Json(HttpMethod.Post, $"/api/tickets/{id}/cancel", """{"reason":"test finished"}""", auth: null);
            using var _ = await _http.SendAsync(request);
        }
    }
}

/// <summary>
/// Everything a refused request must leave as it was, read through the API by a client signed in as the leader: the station counters of the
/// overview (after it has converged), the projection's list total and the rows of the scene's tickets, each ticket
/// with its timeline, the teams' jobs, and the records (inspections, service lists) of the stations the cases aim at.
/// </summary>
public sealed record GovernanceWorld(
    string Overview, int ListTotal, IReadOnlyDictionary<string, string> Tickets, IReadOnlyDictionary<string, string> Rows,
    IReadOnlyDictionary<string, string> Records)
{
    private static readonly string[] RecordPaths =
    [
        "/api/teams/haoxiujiang", "/api/teams/aishang-shuhua",
        "/api/stations/fenglin/inspections", "/api/stations/bolangfeng/inspections", "/api/stations/compound-03/inspections",
        "/api/stations/fenglin/service-list", "/api/stations/bolangfeng/service-list",
    ];

    public static async Task<GovernanceWorld> ReadAsync(HttpClient leader, IGrainFactory grains, IEnumerable<string> ticketIds)
    {
        await StationLedger.SettledAsync(grains, "guodu");
        var overview = JsonNode.Parse(await GetAsync(leader, "/api/overview"))!.AsObject();
        overview.Remove("asOf");
        var total = JsonNode.Parse(await GetAsync(leader, "/api/tickets?pageSize=1"))!["total"]!.GetValue<int>();
        var tickets = new Dictionary<string, string>();
        var rows = new Dictionary<string, string>();
        foreach (var id in ticketIds)
        {
            tickets[id] = await GetAsync(leader, $"/api/tickets/{id}");
            rows[id] = await GetAsync(leader, $"/api/tickets?q={id}");
        }
        var records = new Dictionary<string, string>();
        foreach (var path in RecordPaths)
            records[path] = await GetAsync(leader, path);
        return new GovernanceWorld(overview.ToJsonString(), total, tickets, rows, records);
    }

    public void AssertSameAs(GovernanceWorld before)
    {
        Assert.Equal(before.Overview, Overview);
        Assert.Equal(before.ListTotal, ListTotal);
        foreach (var (id, ticket) in before.Tickets)
            Assert.Equal(ticket, Tickets[id]);
        foreach (var (id, row) in before.Rows)
            Assert.Equal(row, Rows[id]);
        foreach (var (path, record) in before.Records)
            Assert.Equal(record, Records[path]);
    }

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var request = GovernanceScene.Json(HttpMethod.Get, path, null, auth: null);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Reading {path} answered {(int)response.StatusCode}: {body}");
        return body;
    }
}
