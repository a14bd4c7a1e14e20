using System.Text.Json;

namespace GuoduActors.Tests.Api;

/// <summary>Every malformed or refused request gets its 4xx problem response and changes nothing: no counter moves, no ticket number is spent.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadRequestTests(ApiFixture api)
{
    private const string Station = "community-05";
    private const string ValidPhone = "13812341234";

    private static string Body(object fields) => JsonSerializer.Serialize(fields, ApiClient.Json);

    private static readonly Dictionary<string, (Func<HttpRequestMessage> Request, HttpStatusCode Status)> Cases = new()
    {
        ["missing description"] = (() => ApiClient.TicketPost(Station, Body(new { residentPhone = ValidPhone })), HttpStatusCode.BadRequest),
        ["blank description"] = (() => ApiClient.TicketPost(Station, Body(new { description = "   ", residentPhone = ValidPhone })), HttpStatusCode.BadRequest),
        ["missing phone"] = (() => ApiClient.TicketPost(Station, Body(new { description = "路灯不亮" })), HttpStatusCode.BadRequest),
        ["phone that is not a phone number"] = (() => ApiClient.TicketPost(Station, Body(new { description = "路灯不亮", residentPhone = "call me maybe" })), HttpStatusCode.BadRequest),
        ["description of 2001 characters"] = (() => ApiClient.TicketPost(Station, Body(new { description = new string('修', 2001), residentPhone = ValidPhone })), HttpStatusCode.BadRequest),
        ["description of 10 MB"] = (() => ApiClient.TicketPost(Station, Body(new { description = new string('x', 10 * 1024 * 1024), residentPhone = ValidPhone })), HttpStatusCode.RequestEntityTooLarge),
        ["description that is a number"] = (() => ApiClient.TicketPost(Station, $$"""{"description": 42, "residentPhone": "{{ValidPhone}}"}"""), HttpStatusCode.BadRequest),
        ["phone that is an object"] = (() => ApiClient.TicketPost(Station, """{"description": "路灯不亮", "residentPhone": {"number": 1}}"""), HttpStatusCode.BadRequest),
        ["category code that is not a code"] = (() => ApiClient.TicketPost(Station, Body(new { description = "路灯不亮", residentPhone = ValidPhone, categoryCode = "Public Lighting!" })), HttpStatusCode.BadRequest),
        ["malformed JSON"] = (() => ApiClient.TicketPost(Station, """{"description": "路灯不亮", "residentPhone": """), HttpStatusCode.BadRequest),
        ["JSON null"] = (() => ApiClient.TicketPost(Station, "null"), HttpStatusCode.BadRequest),
        ["plain-text content type"] = (() => ApiClient.TicketPost(Station, Body(new { description = "路灯不亮", residentPhone = ValidPhone }), contentType: "text/plain"), HttpStatusCode.UnsupportedMediaType),
        ["unknown station"] = (() => ApiClient.TicketPost("atlantis", Body(new { description = "路灯不亮", residentPhone = ValidPhone })), HttpStatusCode.NotFound),
        ["idempotency key with spaces and punctuation"] = (() => ApiClient.TicketPost(Station, Body(new { description = "路灯不亮", residentPhone = ValidPhone }), key: "not a key!"), HttpStatusCode.BadRequest),
        ["idempotency key of 101 characters"] = (() => ApiClient.TicketPost(Station, Body(new { description = "路灯不亮", residentPhone = ValidPhone }), key: new string('k', 101)), HttpStatusCode.BadRequest),
        ["unknown ticket id"] = (() => new HttpRequestMessage(HttpMethod.Get, ApiClient.ResidentTicketUrl("GD-20000101-0001")), HttpStatusCode.NotFound),
        ["ill-formed ticket id"] = (() => new HttpRequestMessage(HttpMethod.Get, ApiClient.ResidentTicketUrl("not-a-ticket")), HttpStatusCode.NotFound),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task BadRequestIsRefusedWithAProblemAndChangesNothing(string @case)
    {
        var (request, status) = Cases[@case];
        var grains = api.Factory.Grains;
        var numberBefore = ApiClient.TicketNumber((await api.Http.RegisterCreatedAsync(Station, Tickets.Sample())).Id);
        var before = await StationLedger.SettledAsync(grains, "guodu");

        using var message = request();
        using var response = await api.Http.SendAsync(message);

        await response.AssertProblemAsync(status);
        (await StationLedger.SettledAsync(grains, "guodu")).AssertSameAs(before);
        var numberAfter = ApiClient.TicketNumber((await api.Http.RegisterCreatedAsync(Station, Tickets.Sample())).Id);
        Assert.Equal(numberBefore + 1, numberAfter);
        using var stations = await api.Http.GetAsync("/api/stations/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, stations.StatusCode);
    }

    [Fact]
    public async Task InvalidFieldsAreNamedInTheProblem()
    {
        using var response = await api.Http.SendAsync(ApiClient.TicketPost(Station, Body(new { description = "", residentPhone = "x" })));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("description", problem.Errors.Keys);
        Assert.Contains("residentPhone", problem.Errors.Keys);
    }
}
