using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GuoduActors.Silo.Api;

/// <summary>Reads a bounded JSON body, answering every way it can be wrong with a problem response instead of a 500.</summary>
internal static class JsonBody
{
    /// <summary>Far above any legitimate request (a 2 000-character description is ~6 KB), far below what could hurt.</summary>
    public const long MaxBytes = 64 * 1024;

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        if (!IsReadableCharset(request.ContentType))
            return (null, Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", "Send the body as application/json in UTF-8."));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBytes;
        if (request.ContentLength > MaxBytes)
            return (null, TooLarge());
        try
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = await request.ReadFromJsonAsync<T>(options);
            return body is null
                ? (null, Problems.Problem(StatusCodes.Status400BadRequest, "Missing body", "A JSON object is required."))
                : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Problem(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body could not be read: {e.Message}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    /// <summary>ReadFromJsonAsync throws (a 500) on a charset .NET cannot decode, such as an unknown name or the disabled UTF-7.</summary>
    private static bool IsReadableCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || StringSegment.IsNullOrEmpty(media.Charset))
            return true;
        try
        {
            Encoding.GetEncoding(media.Charset.ToString().Trim('"'));
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static IResult TooLarge() =>
        Problems.Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", $"A request body must be at most {MaxBytes / 1024} KB.");
}
