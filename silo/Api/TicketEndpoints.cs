using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GuoduActors.Silo.Api;

/// <summary>A ticket as the public API shows it; the resident's contact is masked unless the caller may see it.</summary>
public sealed record TicketDto(
    string Id, string StationId, string OwnerStationId, TicketStatus Status, string Description, string? CategoryCode,
    string? ResidentName, string ResidentPhone, string? Address, DateTimeOffset RegisteredAt, IReadOnlyList<TimelineEntry> Timeline)
{
    public static TicketDto From(TicketSnapshot t, bool showContact) => new(
        t.Id, t.StationId, t.OwnerStationId, t.Status, t.Description, t.CategoryCode,
        showContact || t.ResidentName is null ? t.ResidentName : TicketRules.MaskName(t.ResidentName),
        showContact ? t.ResidentPhone : TicketRules.MaskPhone(t.ResidentPhone),
        t.Address, t.RegisteredAt, t.Timeline);
}

internal static class TicketEndpoints
{
    /// <summary>Far above any legitimate ticket (a 2 000-character description is ~6 KB), far below what could hurt.</summary>
    private const long MaxBodyBytes = 64 * 1024;
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapTicketEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/stations/{stationId}/tickets", RegisterAsync)
            .WithName("RegisterTicket")
            .WithSummary("Registers a resident's small matter at a station (登记). Send an Idempotency-Key header to make retries safe.");

        api.MapGet("/tickets/{ticketId}", (string ticketId, IGrainFactory grains) => Problems.Guard(async () =>
        {
            var ticket = TicketIds.IsWellFormed(ticketId) ? await grains.GetGrain<ITicketGrain>(ticketId).GetAsync() : null;
            return ticket is null
                ? Problems.Problem(StatusCodes.Status404NotFound, "Not found", $"No ticket '{ticketId}' exists.")
                : TypedResults.Ok(TicketDto.From(ticket, showContact: false));
        }))
        .WithName("GetTicket");
        return api;
    }

    private static async Task<IResult> RegisterAsync(string stationId, HttpRequest request, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var requestKey = request.Headers[IdempotencyHeader].ToString();
        if (requestKey.Length == 0)
            requestKey = Guid.NewGuid().ToString("N");
        else if (!TicketRules.IsValidRequestKey(requestKey))
            return Problems.Validation(new Dictionary<string, string[]> { [IdempotencyHeader] = ["The Idempotency-Key must be 1 to 100 letters, digits or . _ : -"] });

        if (!request.HasJsonContentType())
            return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the ticket as application/json.");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (request.ContentLength > MaxBodyBytes)
            return TooLarge();

        NewTicket? ticket;
        try
        {
            ticket = await request.ReadFromJsonAsync<NewTicket>(json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            return Problems.Problem(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body is not a valid ticket: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        var errors = TicketRules.Validate(ticket);
        if (errors.Count > 0)
            return Problems.Validation(errors);

        return await Problems.Guard(async () =>
        {
            var created = await grains.GetGrain<IStationGrain>(stationId).RegisterTicketAsync(ticket!, requestKey);
            return TypedResults.Created($"/api/tickets/{created.Id}", TicketDto.From(created, showContact: true));
        });
    }

    private static IResult TooLarge() =>
        Problems.Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"A ticket request must be at most {MaxBodyBytes / 1024} KB.");
}
