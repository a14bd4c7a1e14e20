using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace GuoduActors.Silo.Open311;

/// <summary>The two output formats of GeoReport v2, chosen by the resource's extension (<c>services.xml</c>, <c>services.json</c>).</summary>
internal enum Open311Format
{
    Xml,
    Json,
}

/// <summary>
/// One GeoReport v2 response. The body is built once as JSON nodes; XML is derived from it by the spec's Spark
/// convention read backwards (an array named <c>services</c> becomes <c>&lt;services&gt;&lt;service&gt;…</c>), so the
/// two formats cannot drift apart.
/// </summary>
internal sealed class Open311Document(int status, string root, JsonNode body, Open311Format format) : IResult
{
    /// <summary>The element name of one item of each array the spec defines.</summary>
    private static readonly Dictionary<string, string> ItemNames = new(StringComparer.Ordinal)
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["attributes"] = "attribute",
        ["values"] = "value",
        ["endpoints"] = "endpoint",
        ["formats"] = "format",
        ["errors"] = "error",
    };

    // Served as application/json only, never inside HTML, so Chinese text, '+' of offsets and quotes stay readable.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public int Status => status;

    public static Open311Format? ParseFormat(string? extension) => extension?.ToLowerInvariant() switch
    {
        "xml" => Open311Format.Xml,
        "json" => Open311Format.Json,
        _ => null,
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = Render();
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = format == Open311Format.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    public byte[] Render()
    {
        using var buffer = new MemoryStream();
        if (format == Open311Format.Json)
        {
            using var json = new Utf8JsonWriter(buffer, JsonOptions);
            body.WriteTo(json);
        }
        else
        {
            using var xml = XmlWriter.Create(buffer, XmlSettings);
            new XDocument(Element(root, body)).Save(xml);
        }
        return buffer.ToArray();
    }

    private static XElement Element(string name, JsonNode? node) => node switch
    {
        null => new XElement(name),
        JsonObject o => new XElement(name, o.Select(p => Element(p.Key, p.Value))),
        JsonArray a => new XElement(name, a.Select(item => Element(ItemNames[name], item))),
        JsonValue v => new XElement(name, Text(v)),
        _ => throw new InvalidOperationException($"No XML form for {node.GetType().Name}."),
    };

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => XmlSafe(value.GetValue<string>()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    /// <summary>Drops the characters XML 1.0 cannot carry (a resident's text may hold any control character).</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
            return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
                safe.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                safe.Append(text, i++, 2);
        }
        return safe.ToString();
    }
}

/// <summary>The GeoReport v2 error list: JSON <c>[{"code":400,"description":"…"}]</c>, XML <c>&lt;errors&gt;&lt;error&gt;…</c>.</summary>
internal static class Open311Errors
{
    public static Open311Document List(Open311Format format, int status, IEnumerable<string> descriptions) =>
        new(status, "errors", new JsonArray([.. descriptions.Select(d => (JsonNode)new JsonObject { ["code"] = status, ["description"] = d })]), format);

    public static Open311Document One(Open311Format format, int status, string description) => List(format, status, [description]);

    public static Open311Document BadRequest(Open311Format format, string description) => One(format, StatusCodes.Status400BadRequest, description);

    public static Open311Document NotFound(Open311Format format, string description) => One(format, StatusCodes.Status404NotFound, description);

    /// <summary>The spec answers a missing or wrong api_key with 403, not 401: there is no challenge to answer.</summary>
    public static Open311Document Forbidden(Open311Format format, string description) => One(format, StatusCodes.Status403Forbidden, description);

    /// <summary>An extension other than .xml or .json: the resource does not exist, said in XML, the format every client reads.</summary>
    public static Open311Document UnknownFormat(string extension) =>
        NotFound(Open311Format.Xml, $"Format '{extension}' is not offered: append .xml or .json to the resource.");

    /// <summary>A domain refusal in GeoReport terms: 404 for what does not exist, 403 for scope, 400 for everything else.</summary>
    public static Open311Document From(Open311Format format, DomainRefusalException refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => NotFound(format, refusal.Message),
        RefusalKind.Forbidden => Forbidden(format, refusal.Message),
        _ => BadRequest(format, refusal.Message),
    };
}
