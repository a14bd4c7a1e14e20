using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using static GuoduActors.Tests.Infrastructure.GovernanceScene;

namespace GuoduActors.Tests.Api;

/// <summary>
/// Bad input across the governance API — lifecycle commands, team jobs, lists, inspections, service lists — each refused
/// with its 4xx problem response, and nothing changed: tickets, projection, counters, team jobs and station records.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GovernanceBadInputTests(ApiFixture api, ITestOutputHelper output)
{
    private const string Unknown = "GD-20000101-0001";
    private const string WrongPhone = "13900009999";
    private static readonly string Today = GuoduClock.CstDate(GuoduClock.JustAfterMidnightInGuodu).Insert(6, "-").Insert(4, "-");

    /// <summary>One bad request: the tickets it needs, how to make it from them, and the status it must get.</summary>
    private sealed record BadInput(HttpStatusCode Status, Func<GovernanceScene, HttpRequestMessage> Request, SceneTickets Needs = SceneTickets.None);

    private static HttpRequestMessage Post(string path, string? json, AuthenticationHeaderValue? auth, string contentType = "application/json") =>
        Json(HttpMethod.Post, path, json, auth, contentType);

    private static HttpRequestMessage Put(string path, string? json, AuthenticationHeaderValue? auth) => Json(HttpMethod.Put, path, json, auth);

    private static HttpRequestMessage Get(string path, AuthenticationHeaderValue? auth) => Json(HttpMethod.Get, path, null, auth);

    private static HttpRequestMessage WithAuthorization(HttpRequestMessage request, string header)
    {
        request.Headers.TryAddWithoutValidation("Authorization", header);
        return request;
    }

    private static string Basic(string userAndPassword) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword));

    private static string Inspection(string station = "bolangfeng", string? date = null, string findings = "台账齐全 — records complete", object? score = null) =>
        JsonSerializer.Serialize(new { inspectedStationId = station, date = date ?? Today, findings, score = score ?? 90 });

    private static string ServiceList(int entries, string nameEn = "Lock repair") =>
        JsonSerializer.Serialize(Enumerable.Range(0, entries).Select(i => new { nameZh = $"开锁服务{i}", nameEn }).ToList());

    private static readonly Dictionary<string, BadInput> Cases = new()
    {
        // Missing, oversized and mistyped fields of every command body.
        ["classify without a category"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Registered}/classify", "{}", Leader)),
        ["classify into an unknown category"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Registered}/classify", """{"categoryCode":"moon-landing"}""", Leader)),
        ["classify with a note of 2001 characters"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Registered}/classify",
            JsonSerializer.Serialize(new { categoryCode = "sanitation", note = new string('记', 2001) }), Leader)),
        ["classify with a category that is a number"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Registered}/classify", """{"categoryCode":7}""", Leader)),
        ["classify with the JSON null as body"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Registered}/classify", "null", Leader)),
        ["assign with malformed JSON"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Classified}/assign", """{"stationId": "bolang""", Leader), SceneTickets.Classified),
        ["assign without a station"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Classified}/assign", "{}", Leader), SceneTickets.Classified),
        ["assign with a station that is an array"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Classified}/assign", """{"stationId":["bolangfeng"]}""", Leader), SceneTickets.Classified),
        ["assign-team without a team"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Classified}/assign-team", "{}", Leader), SceneTickets.Classified),
        ["start with a plain-text body"] = new(HttpStatusCode.UnsupportedMediaType, s => Post($"/api/tickets/{s.AssignedAtFenglin}/start", """{"note":"on my way"}""", Leader, "text/plain"), SceneTickets.AssignedAtFenglin),
        ["start with a body in a charset nobody knows"] = new(HttpStatusCode.UnsupportedMediaType, s => Post($"/api/tickets/{s.AssignedAtFenglin}/start", "{}", Leader, "application/json; charset=klingon"), SceneTickets.AssignedAtFenglin),
        ["start with a body in UTF-7"] = new(HttpStatusCode.UnsupportedMediaType, s => Post($"/api/tickets/{s.AssignedAtFenglin}/start", "{}", Leader, "application/json; charset=utf-7"), SceneTickets.AssignedAtFenglin),
        ["start with a form body"] = new(HttpStatusCode.UnsupportedMediaType, s => Post($"/api/tickets/{s.AssignedAtFenglin}/start", "note=on+my+way", Leader, "application/x-www-form-urlencoded"), SceneTickets.AssignedAtFenglin),
        ["resolve with a body of 10 MB"] = new(HttpStatusCode.RequestEntityTooLarge, s => Post($"/api/tickets/{s.AssignedAtFenglin}/resolve",
            JsonSerializer.Serialize(new { note = new string('x', 10 * 1024 * 1024) }), Leader), SceneTickets.AssignedAtFenglin),
        ["resolve without a note"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.AssignedAtFenglin}/resolve", "{}", Leader), SceneTickets.AssignedAtFenglin),
        ["resolve with a note of 2001 characters"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.AssignedAtFenglin}/resolve",
            JsonSerializer.Serialize(new { note = new string('修', 2001) }), Leader), SceneTickets.AssignedAtFenglin),
        ["resolve with a note that is an object"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.AssignedAtFenglin}/resolve", """{"note":{"text":"done"}}""", Leader), SceneTickets.AssignedAtFenglin),
        ["wait on the resident with a blank note"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.AssignedAtFenglin}/wait", """{"note":"   "}""", Leader), SceneTickets.AssignedAtFenglin),
        ["cancel without a reason"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Registered}/cancel", "{}", Leader)),
        ["cancel with a reason of 2001 characters"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Registered}/cancel",
            JsonSerializer.Serialize(new { reason = new string('重', 2001) }), Leader)),
        ["hand back without a reason"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.AtCompound}/hand-back", "{}", Leader), SceneTickets.AtCompound),
        ["close with rating 0"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Resolved}/close", $$"""{"rating":0,"phone":"{{ResidentPhone}}"}""", null), SceneTickets.Resolved),
        ["close with rating 6"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Resolved}/close", $$"""{"rating":6,"phone":"{{ResidentPhone}}"}""", null), SceneTickets.Resolved),
        ["close with rating \"five\""] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Resolved}/close", $$"""{"rating":"five","phone":"{{ResidentPhone}}"}""", null), SceneTickets.Resolved),
        ["close with rating 4.5"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Resolved}/close", $$"""{"rating":4.5,"phone":"{{ResidentPhone}}"}""", null), SceneTickets.Resolved),
        ["close without a rating"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Resolved}/close", $$"""{"phone":"{{ResidentPhone}}"}""", null), SceneTickets.Resolved),
        ["close with a comment of 501 characters"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Resolved}/close",
            JsonSerializer.Serialize(new { rating = 4, comment = new string('好', 501), phone = ResidentPhone }), null), SceneTickets.Resolved),
        ["reopen without a reason"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Resolved}/reopen", $$"""{"phone":"{{ResidentPhone}}"}""", null), SceneTickets.Resolved),

        // Transitions the lifecycle table does not have.
        ["start a Registered ticket"] = new(HttpStatusCode.Conflict, s => Post($"/api/tickets/{s.Registered}/start", "{}", Leader)),
        ["close an unresolved ticket"] = new(HttpStatusCode.Conflict, s => Post($"/api/tickets/{s.AssignedAtFenglin}/close", """{"rating":5}""", Leader), SceneTickets.AssignedAtFenglin),
        ["resolve a Closed ticket"] = new(HttpStatusCode.Conflict, s => Post($"/api/tickets/{s.Closed}/resolve", """{"note":"again"}""", Leader), SceneTickets.Closed),
        ["reopen an open ticket"] = new(HttpStatusCode.Conflict, s => Post($"/api/tickets/{s.Registered}/reopen", """{"reason":"not fixed"}""", Leader)),
        ["resume a ticket that is not waiting"] = new(HttpStatusCode.Conflict, s => Post($"/api/tickets/{s.AssignedAtFenglin}/resume", "{}", Leader), SceneTickets.AssignedAtFenglin),
        ["classify a Resolved ticket"] = new(HttpStatusCode.Conflict, s => Post($"/api/tickets/{s.Resolved}/classify", """{"categoryCode":"sanitation"}""", Leader), SceneTickets.Resolved),
        ["offer a Registered ticket to a team"] = new(HttpStatusCode.Conflict, s => Post($"/api/tickets/{s.Registered}/assign-team", """{"teamId":"haoxiujiang"}""", Leader)),
        ["hand back a ticket from a level-1 station"] = new(HttpStatusCode.Conflict, s => Post($"/api/tickets/{s.AssignedAtFenglin}/hand-back", """{"reason":"not ours"}""", Leader), SceneTickets.AssignedAtFenglin),
        ["cancel a Closed ticket"] = new(HttpStatusCode.Conflict, s => Post($"/api/tickets/{s.Closed}/cancel", """{"reason":"duplicate"}""", Leader), SceneTickets.Closed),

        // Ids that name nothing, or nothing well-formed.
        ["route to a station that is not a level-2 station of the owner"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Classified}/assign", """{"stationId":"compound-03"}""", Leader), SceneTickets.Classified),
        ["route to an unknown station"] = new(HttpStatusCode.NotFound, s => Post($"/api/tickets/{s.Classified}/assign", """{"stationId":"atlantis"}""", Leader), SceneTickets.Classified),
        ["offer to an unknown team"] = new(HttpStatusCode.NotFound, s => Post($"/api/tickets/{s.Classified}/assign-team", """{"teamId":"ghostbusters"}""", Leader), SceneTickets.Classified),
        ["classify an unknown ticket"] = new(HttpStatusCode.NotFound, _ => Post($"/api/tickets/{Unknown}/classify", """{"categoryCode":"sanitation"}""", Leader)),
        ["start an ill-formed ticket id"] = new(HttpStatusCode.NotFound, _ => Post("/api/tickets/GD-2026-1/start", "{}", Leader)),
        ["read a station whose id is blank"] = new(HttpStatusCode.NotFound, _ => Get("/api/stations/%20", Leader)),
        ["read the counters of a station whose id is blank"] = new(HttpStatusCode.NotFound, _ => Get("/api/stations/%20%20/counters", Leader)),
        ["register at a station whose id is blank"] = new(HttpStatusCode.NotFound, _ => Post("/api/stations/%09/tickets", JsonSerializer.Serialize(Tickets.Sample(), ApiClient.Json), null)),
        ["accept a job at a team whose id is blank"] = new(HttpStatusCode.NotFound, s => Post($"/api/teams/%20/jobs/{s.Registered}/accept", "{}", Leader)),
        ["route to a station whose id is blank"] = new(HttpStatusCode.BadRequest, s => Post($"/api/tickets/{s.Classified}/assign", """{"stationId":"  "}""", Leader), SceneTickets.Classified),
        ["register at the Small Affairs Office"] = new(HttpStatusCode.NotFound, _ => Post("/api/stations/guodu/tickets",
            JsonSerializer.Serialize(Tickets.Sample(), ApiClient.Json), null)),

        // Outside the caller's scope, or no caller at all.
        ["community02 classifies a 凤林 ticket"] = new(HttpStatusCode.Forbidden, s => Post($"/api/tickets/{s.Registered}/classify", """{"categoryCode":"sanitation"}""", Community02)),
        ["community02 starts a 凤林 ticket that cannot start"] = new(HttpStatusCode.Forbidden, s => Post($"/api/tickets/{s.Registered}/start", "{}", Community02)),
        ["community02 resolves a 凤林 ticket"] = new(HttpStatusCode.Forbidden, s => Post($"/api/tickets/{s.AssignedAtFenglin}/resolve", """{"note":"done"}""", Community02), SceneTickets.AssignedAtFenglin),
        ["铂琅峯 staff cancel a ticket their level-1 station owns"] = new(HttpStatusCode.Forbidden, s => Post($"/api/tickets/{s.Registered}/cancel", """{"reason":"duplicate"}""", Bolangfeng)),
        ["planner starts an assigned ticket"] = new(HttpStatusCode.Forbidden, s => Post($"/api/tickets/{s.AssignedAtFenglin}/start", "{}", Planner), SceneTickets.AssignedAtFenglin),
        ["team lead resolves a ticket not offered to the team"] = new(HttpStatusCode.Forbidden, s => Post($"/api/tickets/{s.AssignedAtFenglin}/resolve", """{"note":"done"}""", TeamLead), SceneTickets.AssignedAtFenglin),
        ["team lead starts a ticket offered to another team"] = new(HttpStatusCode.Forbidden, s => Post($"/api/tickets/{s.OtherTeamJob}/start", "{}", TeamLead), SceneTickets.OtherTeamJob),
        ["team lead accepts a job of another team"] = new(HttpStatusCode.Forbidden, s => Post($"/api/teams/aishang-shuhua/jobs/{s.OtherTeamJob}/accept", "{}", TeamLead), SceneTickets.OtherTeamJob),
        ["team lead edits another team's members"] = new(HttpStatusCode.Forbidden, _ => Put("/api/teams/aishang-shuhua/members", """{"members":[{"id":"m1","name":"王五","skills":[]}]}""", TeamLead)),
        ["planner edits a team's members"] = new(HttpStatusCode.Forbidden, _ => Put("/api/teams/haoxiujiang/members", """{"members":[]}""", Planner)),
        ["resident with another phone closes the ticket"] = new(HttpStatusCode.Forbidden, s => Post($"/api/tickets/{s.Resolved}/close", $$"""{"rating":1,"phone":"{{WrongPhone}}"}""", null), SceneTickets.Resolved),
        ["resident with another phone reopens the ticket"] = new(HttpStatusCode.Forbidden, s => Post($"/api/tickets/{s.Closed}/reopen", $$"""{"reason":"bad","phone":"{{WrongPhone}}"}""", null), SceneTickets.Closed),
        ["close with neither credentials nor phone"] = new(HttpStatusCode.Unauthorized, s => Post($"/api/tickets/{s.Resolved}/close", """{"rating":5}""", null), SceneTickets.Resolved),
        ["start without credentials"] = new(HttpStatusCode.Unauthorized, s => Post($"/api/tickets/{s.AssignedAtFenglin}/start", "{}", null), SceneTickets.AssignedAtFenglin),
        ["start with a phone instead of credentials"] = new(HttpStatusCode.Unauthorized, s => Post($"/api/tickets/{s.AssignedAtFenglin}/start", $$"""{"phone":"{{ResidentPhone}}"}""", null), SceneTickets.AssignedAtFenglin),
        ["start with the leader's name and a wrong password"] = new(HttpStatusCode.Unauthorized, s =>
            Post($"/api/tickets/{s.AssignedAtFenglin}/start", "{}", ApiClient.BasicAuth("leader", "Guodu2025")), SceneTickets.AssignedAtFenglin),
        ["start with Basic credentials that are not base64"] = new(HttpStatusCode.Unauthorized, s =>
            WithAuthorization(Post($"/api/tickets/{s.AssignedAtFenglin}/start", "{}", null), "Basic !!not*base64!!"), SceneTickets.AssignedAtFenglin),
        ["start with Basic credentials without a colon"] = new(HttpStatusCode.Unauthorized, s =>
            WithAuthorization(Post($"/api/tickets/{s.AssignedAtFenglin}/start", "{}", null), Basic("leaderGuodu2026")), SceneTickets.AssignedAtFenglin),
        ["start as a user nobody configured"] = new(HttpStatusCode.Unauthorized, s =>
            Post($"/api/tickets/{s.AssignedAtFenglin}/start", "{}", ApiClient.BasicAuth("mallory", "Guodu2026")), SceneTickets.AssignedAtFenglin),
        ["cancel with a bearer token nobody issued"] = new(HttpStatusCode.Unauthorized, s =>
            WithAuthorization(Post($"/api/tickets/{s.Registered}/cancel", """{"reason":"duplicate"}""", null), "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiTGVhZGVyIn0.")),

        // Team jobs.
        ["accept a job never offered to the team"] = new(HttpStatusCode.Conflict, s => Post($"/api/teams/haoxiujiang/jobs/{s.Registered}/accept", "{}", TeamLead)),
        ["accept a job with people who are not members"] = new(HttpStatusCode.BadRequest, s => Post($"/api/teams/haoxiujiang/jobs/{s.TeamJob}/accept", """{"memberIds":["ghost"]}""", TeamLead), SceneTickets.TeamJob),
        ["accept a job with member ids that are numbers"] = new(HttpStatusCode.BadRequest, s => Post($"/api/teams/haoxiujiang/jobs/{s.TeamJob}/accept", """{"memberIds":[1,2]}""", TeamLead), SceneTickets.TeamJob),
        ["decline a job without a reason"] = new(HttpStatusCode.BadRequest, s => Post($"/api/teams/haoxiujiang/jobs/{s.TeamJob}/decline", "{}", TeamLead), SceneTickets.TeamJob),
        ["complete a job with 0 hours"] = new(HttpStatusCode.BadRequest, s => Post($"/api/teams/haoxiujiang/jobs/{s.TeamJob}/complete", """{"hours":0,"note":"done"}""", TeamLead), SceneTickets.TeamJob),
        ["complete a job with hours \"lots\""] = new(HttpStatusCode.BadRequest, s => Post($"/api/teams/haoxiujiang/jobs/{s.TeamJob}/complete", """{"hours":"lots","note":"done"}""", TeamLead), SceneTickets.TeamJob),
        ["complete a job that was never accepted"] = new(HttpStatusCode.Conflict, s => Post($"/api/teams/haoxiujiang/jobs/{s.TeamJob}/complete", """{"hours":2,"note":"done"}""", TeamLead), SceneTickets.TeamJob),
        ["accept a job at an unknown team"] = new(HttpStatusCode.NotFound, s => Post($"/api/teams/ghostbusters/jobs/{s.Registered}/accept", "{}", Leader)),
        ["edit members with the same id twice"] = new(HttpStatusCode.BadRequest, _ => Put("/api/teams/haoxiujiang/members",
            """{"members":[{"id":"m1","name":"张师傅","skills":[]},{"id":"m1","name":"李师傅","skills":[]}]}""", TeamLead)),
        ["edit members with a null member"] = new(HttpStatusCode.BadRequest, _ => Put("/api/teams/haoxiujiang/members", """{"members":[null]}""", TeamLead)),
        ["edit members with a duty slot without members"] = new(HttpStatusCode.BadRequest, _ => Put("/api/teams/haoxiujiang/members",
            """{"members":[{"id":"m1","name":"张师傅","skills":[]}],"duty":[{"day":"Monday","from":"08:00:00","to":"10:00:00","memberIds":null}]}""", TeamLead)),
        ["read a team that does not exist"] = new(HttpStatusCode.NotFound, _ => Get("/api/teams/ghostbusters", Leader)),

        // Lists and searches.
        ["list tickets from 2026-13-45"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?from=2026-13-45", Leader)),
        ["list tickets to a date in another format"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?to=29/11/2026", Leader)),
        ["list tickets to a day before from"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?from=2026-11-29&to=2026-11-01", Leader)),
        ["list tickets with pageSize=0"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?pageSize=0", Leader)),
        ["list tickets with pageSize=201"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?pageSize=201", Leader)),
        ["list tickets on page -1"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?page=-1", Leader)),
        ["list tickets on page \"two\""] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?page=two", Leader)),
        ["list tickets with status=Bogus"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?status=Bogus", Leader)),
        ["list tickets with a numeric status"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?status=3", Leader)),
        ["list tickets with overdue=maybe"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?overdue=maybe", Leader)),
        ["list tickets sorted by the resident's phone"] = new(HttpStatusCode.BadRequest, _ => Get("/api/tickets?sort=residentPhone", Leader)),
        ["list tickets searching 101 characters"] = new(HttpStatusCode.BadRequest, _ => Get($"/api/tickets?q={new string('q', 101)}", Leader)),
        ["list tickets without credentials"] = new(HttpStatusCode.Unauthorized, _ => Get("/api/tickets", null)),
        ["list tickets as a team lead"] = new(HttpStatusCode.Forbidden, _ => Get("/api/tickets", TeamLead)),
        ["list 凤林's tickets as community02"] = new(HttpStatusCode.Forbidden, _ => Get("/api/tickets?station=fenglin", Community02)),
        ["read daily counts from 2026-02-30"] = new(HttpStatusCode.BadRequest, _ => Get("/api/stations/fenglin/daily-counts?from=2026-02-30", Leader)),
        ["read a queue of \"all\" tickets"] = new(HttpStatusCode.BadRequest, _ => Get("/api/stations/fenglin/queue?max=all", Leader)),
        ["read the overview without credentials"] = new(HttpStatusCode.Unauthorized, _ => Get("/api/overview", null)),

        // Inspections: a level-1 station inspects its own level-2 stations, in the past, scoring 0–100.
        ["inspection dated in the future"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(date: "2099-01-01"), Fenglin)),
        ["inspection dated 2026-02-30"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(date: "2026-02-30"), Fenglin)),
        ["inspection with score 101"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(score: 101), Fenglin)),
        ["inspection with score -1"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(score: -1), Fenglin)),
        ["inspection with score \"good\""] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(score: "good"), Fenglin)),
        ["inspection without findings"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(findings: " "), Fenglin)),
        ["inspection with findings of 2001 characters"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(findings: new string('查', 2001)), Fenglin)),
        ["inspection of a station that is not a child"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(station: "compound-03"), Fenglin)),
        ["inspection of an unknown station"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(station: "atlantis"), Fenglin)),
        ["inspection without an inspected station"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", $$"""{"date":"{{Today}}","findings":"ok","score":80}""", Fenglin)),
        ["inspection of a station whose id is blank"] = new(HttpStatusCode.BadRequest, _ => Post("/api/stations/fenglin/inspections", Inspection(station: " "), Fenglin)),
        ["inspection recorded by a level-2 station"] = new(HttpStatusCode.Conflict, _ => Post("/api/stations/bolangfeng/inspections", Inspection(), Bolangfeng)),
        ["inspection recorded by another station's staff"] = new(HttpStatusCode.Forbidden, _ => Post("/api/stations/fenglin/inspections", Inspection(), Community02)),
        ["inspection without credentials"] = new(HttpStatusCode.Unauthorized, _ => Post("/api/stations/fenglin/inspections", Inspection(), null)),

        // Service lists: published by level-2 stations, at most 100 named entries.
        ["service list published by a level-1 station"] = new(HttpStatusCode.Conflict, _ => Put("/api/stations/fenglin/service-list", ServiceList(1), Fenglin)),
        ["service list of 101 entries"] = new(HttpStatusCode.BadRequest, _ => Put("/api/stations/bolangfeng/service-list", ServiceList(101), Bolangfeng)),
        ["service list entry without an English name"] = new(HttpStatusCode.BadRequest, _ => Put("/api/stations/bolangfeng/service-list", ServiceList(1, nameEn: ""), Bolangfeng)),
        ["service list entry that is null"] = new(HttpStatusCode.BadRequest, _ => Put("/api/stations/bolangfeng/service-list", "[null]", Bolangfeng)),
        ["service list that is an object"] = new(HttpStatusCode.BadRequest, _ => Put("/api/stations/bolangfeng/service-list", """{"nameZh":"开锁","nameEn":"Locks"}""", Bolangfeng)),
        ["service list by another station's staff"] = new(HttpStatusCode.Forbidden, _ => Put("/api/stations/bolangfeng/service-list", ServiceList(1), Community02)),
        ["service list of an unknown station"] = new(HttpStatusCode.NotFound, _ => Put("/api/stations/atlantis/service-list", ServiceList(1), Leader)),

        // Weekly reports and sign-in.
        ["weekly reports of a week that is not a date"] = new(HttpStatusCode.BadRequest, _ => Get("/api/reports/weekly?week=last-week", Leader)),
        ["weekly compilation by the planner"] = new(HttpStatusCode.Forbidden, _ => Post("/api/reports/weekly/compile", null, Planner)),
        ["sign-in with a wrong password"] = new(HttpStatusCode.Unauthorized, _ => Post("/api/auth/signin", """{"userName":"leader","password":"guodu2026"}""", null)),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task BadGovernanceRequestIsRefusedWithAProblemAndChangesNothing(string @case)
    {
        var (status, request, needs) = Cases[@case];
        using var leader = await SignInAsync(api.Factory, "leader", "Guodu2026");
        await using var scene = await GovernanceScene.CreateAsync(leader, needs);
        var before = await GovernanceWorld.ReadAsync(leader, api.Factory.Grains, scene.All);

        using var message = request(scene);
        using var response = await api.Http.SendAsync(message);

        var problem = await response.AssertProblemAsync(status);
        Assert.True(!string.IsNullOrWhiteSpace(problem.Detail) || problem.Errors.Count > 0, $"The problem explains nothing: {problem.Title}");
        output.WriteLine($"{(int)status} {problem.Title}: {problem.Detail}{string.Join("; ", problem.Errors.SelectMany(e => e.Value))}");
        (await GovernanceWorld.ReadAsync(leader, api.Factory.Grains, scene.All)).AssertSameAs(before);
    }

    /// <summary>
    /// 400 requests a confused or hostile client could send: random routes of the API with real, unknown, blank and
    /// garbled ids, random methods, JSON fragments, truncated JSON, raw bytes, odd content types and credentials. Never
    /// a 5xx; and over every batch in which no mutating request was accepted, nothing changed.
    /// </summary>
    [Fact]
    public async Task HundredsOfRandomMalformedRequestsNeverCauseAServerErrorNorChangeAnythingWhenRefused()
    {
        const int Rounds = 8, RequestsPerRound = 50;
        var random = new Random(20261129);
        // Its own client, without cookies: a lucky random sign-in must not sign in the rest of the collection.
        using var http = api.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        using var leader = await SignInAsync(api.Factory, "leader", "Guodu2026");
        await using var scene = await GovernanceScene.CreateAsync(leader, SceneTickets.AssignedAtFenglin | SceneTickets.Resolved | SceneTickets.TeamJob);
        var fuzz = new RequestFuzzer(random, scene.All.ToList());
        var serverErrors = new List<string>();
        int checkedRounds = 0, accepted = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var before = await GovernanceWorld.ReadAsync(leader, api.Factory.Grains, scene.All);
            var changedSomething = false;
            for (var i = 0; i < RequestsPerRound; i++)
            {
                using var request = fuzz.Next();
                var line = $"{request.Method} {request.RequestUri} [{request.Content?.Headers.ContentType}] [{request.Headers.Authorization}]";
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                    serverErrors.Add($"{(int)response.StatusCode} ← {line}: {body[..Math.Min(body.Length, 300)]}");
                if (response.IsSuccessStatusCode && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
                {
                    changedSomething = true;
                    accepted++;
                    output.WriteLine($"accepted: {line}");
                }
            }
            if (changedSomething)
                continue;
            (await GovernanceWorld.ReadAsync(leader, api.Factory.Grains, scene.All)).AssertSameAs(before);
            checkedRounds++;
        }

        output.WriteLine($"{Rounds * RequestsPerRound} requests, {accepted} mutating request(s) accepted, {checkedRounds} of {Rounds} rounds checked unchanged.");
        Assert.True(serverErrors.Count == 0, $"{serverErrors.Count} server error(s):\n{string.Join("\n", serverErrors)}");
        Assert.True(checkedRounds >= Rounds / 2, $"Only {checkedRounds} of {Rounds} rounds were refused throughout: the generator is too often right.");
    }
}

/// <summary>Random requests over the API's routes, reproducible from the <see cref="Random"/> it is given.</summary>
internal sealed class RequestFuzzer(Random random, IReadOnlyList<string> tickets)
{
    private static readonly HttpMethod[] Methods =
        [HttpMethod.Get, HttpMethod.Post, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Head, HttpMethod.Options];

    private static readonly string[] Routes =
    [
        "/api/stations", "/api/stations/{s}", "/api/teams", "/api/stations/{s}/tickets", "/api/tickets/{t}", "/api/tickets/{t}/{action}",
        "/api/tickets/{t}/{action}", "/api/tickets/{t}/{action}", "/api/tickets", "/api/overview", "/api/stations/{s}/queue",
        "/api/stations/{s}/counters", "/api/stations/{s}/daily-counts", "/api/stations/{s}/inspections", "/api/stations/{s}/service-list",
        "/api/teams/{team}", "/api/teams/{team}/members", "/api/teams/{team}/jobs/{t}/{job}", "/api/reports/weekly", "/api/reports/weekly.csv",
        "/api/reports/weekly/compile", "/api/auth/signin", "/api/me", "/api/{s}", "/api/tickets/{t}/{s}",
    ];

    private static readonly string[] Actions = ["classify", "assign", "assign-team", "start", "wait", "resume", "resolve", "close", "reopen", "cancel", "hand-back"];
    private static readonly string[] JobActions = ["accept", "decline", "complete"];
    private static readonly string[] Stations = ["fenglin", "bolangfeng", "community-02", "compound-03", "guodu", "atlantis"];
    private static readonly string[] Teams = ["haoxiujiang", "aishang-shuhua", "bolangfeng-safety", "ghostbusters"];

    private static readonly string[] Fields =
    [
        "description", "residentPhone", "residentName", "categoryCode", "address", "stationId", "teamId", "note", "reason", "phone",
        "rating", "comment", "memberIds", "hours", "members", "duty", "inspectedStationId", "date", "findings", "score", "nameZh", "nameEn",
        "userName", "password", "id", "name", "skills", "day", "from", "to",
    ];

    private static readonly string[] Queries =
        ["station", "status", "category", "priority", "from", "to", "overdue", "q", "page", "pageSize", "sort", "desc", "max", "week", "phone"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "application/json; charset=bogus", "application/json; charset=utf-7",
        "application/problem+json", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*",
    ];

    private static readonly AuthenticationHeaderValue?[] Credentials = [null, null, Leader, Fenglin, Community02, TeamLead, Planner, Bolangfeng];

    private static readonly string[] RawAuthorizations =
    [
        "Basic", "Basic ", "Basic !!!", "Basic bGVhZGVy", "Basic Og==", "Bearer abc.def.ghi", "Digest username=\"leader\"", "basic bGVhZGVyOkd1b2R1MjAyNg==x",
    ];

    public HttpRequestMessage Next()
    {
        var method = Pick(Methods);
        var path = Pick(Routes)
            .Replace("{s}", Id(Stations), StringComparison.Ordinal)
            .Replace("{t}", Id(tickets), StringComparison.Ordinal)
            .Replace("{team}", Id(Teams), StringComparison.Ordinal)
            .Replace("{action}", Pick(Actions), StringComparison.Ordinal)
            .Replace("{job}", Pick(JobActions), StringComparison.Ordinal);
        if (Chance(0.5))
            path += "?" + string.Join('&', Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"{Pick(Queries)}={Uri.EscapeDataString(Scalar())}"));
        var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get && method != HttpMethod.Head && Chance(0.9))
        {
            request.Content = new ByteArrayContent(Body());
            if (Chance(0.9))
                request.Content.Headers.TryAddWithoutValidation("Content-Type", Pick(ContentTypes));
        }
        if (Chance(0.8))
            request.Headers.Authorization = Pick(Credentials);
        else
            request.Headers.TryAddWithoutValidation("Authorization", Chance(0.5) ? Pick(RawAuthorizations) : "Basic " + Convert.ToBase64String(Bytes(random.Next(0, 40))));
        if (Chance(0.3))
            request.Headers.TryAddWithoutValidation(TicketEndpoints.IdempotencyHeader, Chance(0.5) ? Tickets.NewKey() : Ascii(random.Next(0, 120)));
        if (Chance(0.2))
            request.Headers.TryAddWithoutValidation("Accept", Pick(["text/csv", "application/xml", "*/*", "application/json;q=0"]));
        return request;
    }

    /// <summary>A path segment: mostly a real or well-formed id, sometimes blank, garbled, very long or an escape (not %00: Kestrel refuses it before the app, the test server throws).</summary>
    private string Id(IReadOnlyList<string> real) => random.Next(10) switch
    {
        < 5 => Pick(real),
        5 => "GD-20000101-0001",
        6 => Pick(["%20", "%09", "%01", "%ff", "%2e%2e", "%2F", "+", "GD-2026-1", "null", "%E5%87%A4%E6%9E%97"]),
        7 => Uri.EscapeDataString(new string('x', random.Next(100, 3000))),
        _ => Uri.EscapeDataString(Scalar().Replace("\0", "", StringComparison.Ordinal)),
    };

    private byte[] Body() => random.Next(12) switch
    {
        0 => Bytes(random.Next(0, 200)),
        1 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Json(2))],
        2 => Encoding.UTF8.GetBytes(new string('[', random.Next(50, 5000))),
        3 => Encoding.UTF8.GetBytes(Truncated(Json(3))),
        4 => [.. Encoding.UTF8.GetBytes(Json(1)), 0xC3, 0x28],
        5 => Encoding.UTF8.GetBytes(new string(' ', 70_000) + "{}"),
        _ => Encoding.UTF8.GetBytes(Json(3)),
    };

    private string Truncated(string json) => json[..random.Next(0, json.Length)];

    /// <summary>A random JSON value whose objects use the API's own field names, so that it reaches the validation behind parsing.</summary>
    private string Json(int depth) => random.Next(depth > 0 ? 10 : 6) switch
    {
        < 5 => Value(),
        5 => "null",
        < 8 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 4)).Select(_ => Json(depth - 1))) + "]",
        _ => "{" + string.Join(',', Enumerable.Range(0, random.Next(0, 5)).Select(_ => $"{JsonSerializer.Serialize(Pick(Fields))}:{Json(depth - 1)}")) + "}",
    };

    private string Value() => random.Next(8) switch
    {
        0 => Pick(["0", "-1", "6", "101", "4.5", "1e308", "-1e400", "99999999999999999999", "NaN"]),
        1 => Pick(["true", "false"]),
        _ => JsonSerializer.Serialize(Scalar()),
    };

    private string Scalar() => random.Next(14) switch
    {
        0 => "",
        1 => "   ",
        2 => GovernanceScene.ResidentPhone,
        3 => Pick(tickets),
        4 => Pick(Stations),
        5 => Pick(Teams),
        6 => Pick(["2026-13-45", "2026-11-29", "2099-01-01", "0001-01-01", "9999-12-31", "2026-11-23"]),
        7 => Pick(["Bogus", "Registered", "3", "true", "maybe", "-1", "0", "200", "201", "due", "residentPhone"]),
        8 => new string('长', random.Next(1990, 2010)),
        9 => "\u0000\u001f\ud800<script>'\"",
        10 => Pick(["sanitation", "public-facilities", "moon-landing", "Public Lighting!"]),
        _ => Ascii(random.Next(0, 30)),
    };

    private string Ascii(int length) => new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x21, 0x7F)).ToArray());

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private bool Chance(double p) => random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
