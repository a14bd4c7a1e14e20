using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>The calls the tests make on the public HTTP API, read with the API's own JSON conventions.</summary>
public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public const string IdempotencyHeader = "Idempotency-Key";

    public static HttpRequestMessage TicketPost(string stationId, string body, string? key = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stations/{stationId}/tickets")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (key is not null)
            request.Headers.TryAddWithoutValidation(IdempotencyHeader, key);
        return request;
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient http, string stationId, NewTicket ticket, string? key = null) =>
        http.SendAsync(TicketPost(stationId, JsonSerializer.Serialize(ticket, Json), key));

    /// <summary>Registers <paramref name="ticket"/> and returns the created ticket, failing the test on any other answer.</summary>
    public static async Task<TicketDto> RegisterCreatedAsync(this HttpClient http, string stationId, NewTicket ticket, string? key = null)
    {
        using var response = await http.RegisterAsync(stationId, ticket, key);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<TicketDto>(body, Json)!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    /// <summary>Asserts an RFC 9457 problem response with <paramref name="status"/> and returns it.</summary>
    public static async Task<HttpValidationProblemDetails> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<HttpValidationProblemDetails>(body, Json)!;
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        return problem;
    }

    /// <summary>The number part of a <c>GD-yyyyMMdd-NNNN</c> id.</summary>
    public static int TicketNumber(string ticketId) => int.Parse(ticketId[(ticketId.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Basic credentials of one of the demo users in silo/appsettings.json.</summary>
    public static System.Net.Http.Headers.AuthenticationHeaderValue BasicAuth(string user, string password) =>
        new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>Reads a ticket as the planner: signed in, but outside every station, so contact data is masked.</summary>
    public static async Task<TicketDto?> GetTicketAsPlannerAsync(this HttpClient http, string ticketId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{ticketId}");
        request.Headers.Authorization = BasicAuth("planner", "Planner2026");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TicketDto>(Json);
    }

    /// <summary>The URL a resident tracks their ticket with: its id and their phone.</summary>
    public static string ResidentTicketUrl(string ticketId, string phone = "13812341234") => $"/api/tickets/{ticketId}?phone={phone}";
}
