using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace GuoduActors.Tests.Properties;

/// <summary>
/// Random and malformed HTTP requests against every REST and Open311 endpoint of the real host (memory storage):
/// random JSON bodies with fields of the wrong type and length, bodies that are not JSON, wrong content types and
/// charsets, unknown and malformed ids, query strings with unknown keys and unparsable values, anonymous and signed-in
/// callers. Whatever arrives, the answer is never a 5xx, and a refused request changes nothing a leader can see.
/// </summary>
public sealed class HttpFuzzPropertyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Open311Key = "fuzz-key";
    private static readonly string[] TicketActions = ["classify", "assign", "assign-team", "start", "wait", "resume", "resolve", "close", "reopen", "cancel", "hand-back"];
    private static readonly string[] StationReads = ["queue", "counters", "daily-counts", "inspections", "service-list"];
    private static readonly string[] JobActions = ["accept", "decline", "complete"];
    private static readonly string[] Fields =
    [
        "description", "residentPhone", "residentName", "categoryCode", "address", "note", "reason", "phone", "rating", "comment",
        "stationId", "teamId", "items", "nameZh", "nameEn", "members", "duty", "memberIds", "hours", "inspectedStationId", "date",
        "findings", "score", "userName", "password", "id", "skills", "",
    ];
    private static readonly string[] QueryKeys =
    [
        "station", "status", "category", "priority", "from", "to", "overdue", "q", "page", "pageSize", "sort", "desc", "week", "phone",
        "start_date", "end_date", "service_request_id", "service_code", "api_key", "jurisdiction_id", "days", "max", "x",
    ];
    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-7", "application/json; charset=nonsense",
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json", "",
    ];

    private readonly FakeTimeProvider _time = new(GuoduClock.MorningInGuodu);
    private GuoduApiFactory _factory = null!;
    private HttpClient _leader = null!;
    private HttpClient _anonymous = null!;
    private GovernanceScene _scene = null!;
    private string[] _ids = [];

    public async Task InitializeAsync()
    {
        _factory = GuoduApiFactory.InMemory(_time).WithSettings(new Dictionary<string, string?> { ["Open311:ApiKeys:0"] = Open311Key });
        _anonymous = _factory.CreateClient();
        _leader = await GovernanceScene.SignInAsync(_factory, "leader", "Guodu2026");
        _scene = await GovernanceScene.CreateAsync(_leader, SceneTickets.Classified | SceneTickets.AtCompound | SceneTickets.Resolved | SceneTickets.Closed | SceneTickets.TeamJob);
        _ids = [.. _scene.All];
    }

    public async Task DisposeAsync()
    {
        await _scene.DisposeAsync();
        _leader.Dispose();
        _anonymous.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task RandomAndMalformedRequestsNeverGetA5xxAndARefusedRequestChangesNothing()
    {
        var world = await ReadWorldAsync();
        var answers = new SortedDictionary<int, int>();
        await Gen.Select(Requests(_ids), Gen.Bool).SampleAsync(async (request, asLeader) =>
        {
            using var message = request.ToMessage();
            using var response = await (asLeader ? _leader : _anonymous).SendAsync(message);
            var status = (int)response.StatusCode;
            answers[status] = answers.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"{request} as {(asLeader ? "leader" : "anonymous")} answered {status}: {await response.Content.ReadAsStringAsync()}");
            if (request.Method == HttpMethod.Get)
                return;
            var after = await ReadWorldAsync();
            if (status >= 400)
                after.AssertSameAs(world);
            world = after;
        }, writeLine: output.WriteLine, iter: 300, threads: 1, print: input => $"{input.Item1} as {(input.Item2 ? "leader" : "anonymous")}");
        output.WriteLine($"Answers by status: {string.Join(", ", answers.Select(a => $"{a.Key}×{a.Value}"))}");
        Assert.Contains(answers.Keys, s => s >= 400);
        Assert.Contains(answers.Keys, s => s < 300);
    }

    private Task<GovernanceWorld> ReadWorldAsync() => GovernanceWorld.ReadAsync(_leader, _factory.Grains, _ids);

    /// <summary>One generated request: method, path and query (escaped where a client would), content type and body.</summary>
    public sealed record FuzzRequest(HttpMethod Method, string PathAndQuery, string? ContentType, string? Body)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(Method, PathAndQuery);
            if (Body is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
                if (!string.IsNullOrEmpty(ContentType))
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
            return message;
        }

        public override string ToString() =>
            $"{Method} {PathAndQuery} [{ContentType}] {(Body is null ? "(no body)" : Body.Length > 300 ? Body[..300] + $"… ({Body.Length} chars)" : Body)}";
    }

    // Text of every kind: empty, blank, ordinary, very long, non-ASCII, control characters, lookalikes of real values.
    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 0, 12]),
        (2, Gen.String[0, 30]),
        (1, Gen.Int[0, 70_000].Select(n => new string('长', n))),
        (2, Gen.OneOf("", " ", "\u0000", "null", "💥", "<script>", "GD-20261128-0001", "GD-20991231-9999", "SIM-20250101-0001", "fenglin",
            "haoxiujiang", "public-facilities", "13812341234", "2026-11-23", "2026-02-30", "-1", "0", "1e400", "NaN", "true", "../..", "%ZZ")));

    private static readonly Gen<string> JsonScalar = Gen.Frequency(
        (3, Text.Select(t => JsonSerializer.Serialize(t))),
        (2, Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, Gen.OneOf("true", "false", "null", "-0.5", "1e400", "12345678901234567890", "[]", "{}", "[1,\"a\",null]")));

    private static readonly Gen<string> JsonObject = Gen.Select(Gen.OneOf(Fields), Gen.Frequency(
            (4, JsonScalar),
            (1, JsonScalar.Array[0, 4].Select(items => $"[{string.Join(",", items)}]")),
            (1, Gen.Select(Gen.OneOf(Fields), JsonScalar, (k, v) => $"{{\"{k}\":{v}}}").Array[0, 3].Select(items => $"[{string.Join(",", items)}]"))),
            (name, value) => $"\"{name}\":{value}")
        .Array[0, 8].Select(pairs => $"{{{string.Join(",", pairs)}}}");

    private static readonly Gen<string> Body = Gen.Frequency(
        (6, JsonObject),
        (1, JsonScalar),
        (1, Gen.OneOf("", "{", "}", "[", "{\"description\":", "{'description':'x'}", "\uFEFF{}", "description=x&residentPhone=1", "{\"a\":1}{\"b\":2}")),
        (1, Text));

    /// <summary>
    /// A path segment: a real id, an unknown one, or any text, escaped as a client escapes it. Without NUL: Kestrel refuses a
    /// path holding one with 400 before the application sees it, and the in-memory test server throws on it instead.
    /// </summary>
    private static Gen<string> Segment(params string[] real) =>
        Gen.Frequency((3, Gen.OneOf(real)), (1, Text.Select(t => Uri.EscapeDataString(t.Replace("\0", "", StringComparison.Ordinal)))),
            (1, Gen.OneOf("..", "%2F", "a%20b", "%E4%B8", "GD-20991231-9999", "")));

    private static readonly Gen<string> Query = Gen.Select(Gen.OneOf(QueryKeys), Text, (key, value) => $"{key}={Uri.EscapeDataString(value)}")
        .Array[0, 4].Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join("&", pairs));

    private static readonly Gen<string> Format = Gen.Frequency((4, Gen.Const("json")), (1, Gen.OneOf("xml", "JSON", "txt", "")));

    private static readonly Gen<string> FormBody = Gen.Select(
            Gen.OneOf("api_key", "service_code", "description", "lat", "long", "address_string", "phone", "first_name", "last_name", "email",
                "device_id", "attribute[x]", "jurisdiction_id", ""),
            Gen.Frequency((1, Gen.OneOf(Open311Key, "plumbing-drains", "13812341234")), (3, Text)),
            (key, value) => $"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value)}")
        .Array[0, 9].Select(pairs => string.Join("&", pairs));

    private static readonly Gen<string> Station = Segment("fenglin", "bolangfeng", "guodu", "compound-02");
    private static readonly Gen<string> Team = Segment("haoxiujiang", "aishang-shuhua");

    /// <summary>Requests aimed at every endpoint; <paramref name="ticketIds"/> are real tickets, in the states the scene brought them to.</summary>
    private static Gen<FuzzRequest> Requests(string[] ticketIds)
    {
        var ticket = Segment(ticketIds);
        Gen<(HttpMethod Method, string Path)> target = Gen.OneOf(
            Station.Select(s => (HttpMethod.Post, $"/api/stations/{s}/tickets")),
            Gen.Select(ticket, Gen.OneOf(TicketActions), (t, a) => (HttpMethod.Post, $"/api/tickets/{t}/{a}")),
            ticket.Select(t => (HttpMethod.Get, $"/api/tickets/{t}")),
            Gen.Const((HttpMethod.Get, "/api/tickets")),
            Gen.Select(Station, Gen.OneOf(StationReads), (s, r) => (HttpMethod.Get, $"/api/stations/{s}/{r}")),
            Station.Select(s => (HttpMethod.Put, $"/api/stations/{s}/service-list")),
            Station.Select(s => (HttpMethod.Post, $"/api/stations/{s}/inspections")),
            Team.Select(t => (HttpMethod.Get, $"/api/teams/{t}")),
            Team.Select(t => (HttpMethod.Put, $"/api/teams/{t}/members")),
            Gen.Select(Team, ticket, Gen.OneOf(JobActions), (t, id, a) => (HttpMethod.Post, $"/api/teams/{t}/jobs/{id}/{a}")),
            Gen.OneOf((HttpMethod.Get, "/api/reports/weekly"), (HttpMethod.Get, "/api/reports/weekly.csv"), (HttpMethod.Post, "/api/reports/weekly/compile"),
                (HttpMethod.Get, "/api/overview"), (HttpMethod.Get, "/api/stations"), (HttpMethod.Get, "/api/teams"), (HttpMethod.Get, "/api/simulation"),
                (HttpMethod.Post, "/api/auth/signin"), (HttpMethod.Get, "/api/me")),
            Format.Select(f => (HttpMethod.Get, $"/open311/v2/requests.{f}")),
            Format.Select(f => (HttpMethod.Post, $"/open311/v2/requests.{f}")),
            Gen.Select(ticket, Format, (t, f) => (HttpMethod.Get, $"/open311/v2/requests/{t}.{f}")),
            Gen.Select(Segment("token"), Format, (t, f) => (HttpMethod.Get, $"/open311/v2/tokens/{t}.{f}")),
            Format.Select(f => (HttpMethod.Get, $"/open311/v2/services.{f}")),
            Gen.Select(Segment("plumbing-drains", "lift-entrapment"), Format, (c, f) => (HttpMethod.Get, $"/open311/v2/services/{c}.{f}")),
            Format.Select(f => (HttpMethod.Get, $"/open311/discovery.{f}")));
        return Gen.Select(target, Query, Gen.OneOf(ContentTypes), Body, FormBody, (aim, query, contentType, json, form) =>
            aim.Path.StartsWith("/open311/", StringComparison.Ordinal) && aim.Method == HttpMethod.Post
                ? new FuzzRequest(aim.Method, aim.Path + query, contentType.Length == 0 ? "application/x-www-form-urlencoded" : contentType, form)
                : new FuzzRequest(aim.Method, aim.Path + query, contentType, aim.Method == HttpMethod.Get ? null : json));
    }
}
