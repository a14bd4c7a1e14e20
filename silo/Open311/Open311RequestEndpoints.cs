using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GuoduActors.Grains;
using GuoduActors.Silo.Api;
using Microsoft.AspNetCore.Http.Features;

namespace GuoduActors.Silo.Open311;

/// <summary>
/// Service requests: posting one registers a ticket at a station; reading them answers from the query projection,
/// so no ticket grain is activated. The resident's name and phone never appear in the output.
/// </summary>
internal static class Open311RequestEndpoints
{
    /// <summary>The spec's default window and its cap on a window a client asks for.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    /// <summary>The spec's cap on one answer.</summary>
    public const int MaxResults = 1000;

    private const int MaxIds = 100;
    private const int MaxMediaUrlLength = 500;

    public static RouteGroupBuilder MapOpen311RequestEndpoints(this RouteGroupBuilder open311)
    {
        open311.MapPost("/v2/requests.{format}", CreateAsync)
            // Authenticated by api_key, not by a cookie, so there is no cross-site form to forge.
            .DisableAntiforgery()
            .WithName("Open311PostRequest")
            .WithSummary("GeoReport v2: posts a service request (form-encoded, api_key required); registered synchronously, so the answer holds its id.");
        open311.MapGet("/v2/requests.{format}", ListAsync)
            .WithName("Open311Requests")
            .WithSummary("GeoReport v2: service requests by id, service_code, status and start_date/end_date (90 days, 1000 at most).");
        open311.MapGet("/v2/requests/{serviceRequestId}.{format}", GetAsync)
            .WithName("Open311Request").WithSummary("GeoReport v2: one service request.");
        open311.MapGet("/v2/tokens/{token}.{format}", (string token, string format) =>
            Open311Document.ParseFormat(format) is { } f
                ? Open311Errors.NotFound(f, $"token '{token}' was not found: requests here are created synchronously and answered with their service_request_id, so no tokens are issued.")
                : Open311Errors.UnknownFormat(format))
            .WithName("Open311Token").WithSummary("GeoReport v2: no tokens are issued (every service is realtime), so every token is unknown.");
        return open311;
    }

    private static async Task<IResult> CreateAsync(string format, HttpRequest request, Open311Site site, Open311ApiKeys keys,
        IGrainFactory grains, TimeProvider time, ILoggerFactory loggers)
    {
        if (Open311Document.ParseFormat(format) is not { } f)
            return Open311Errors.UnknownFormat(format);
        var (form, problem) = await ReadFormAsync(request, f);
        if (problem is not null)
            return problem;
        string? Field(string name) =>
            (form![name].ToString() is { Length: > 0 } posted ? posted : request.Query[name].ToString()).Trim() is { Length: > 0 } value ? value : null;

        if (site.CheckJurisdiction(Field("jurisdiction_id")) is { } wrong)
            return Open311Errors.NotFound(f, wrong);
        if (Field("api_key") is not { } apiKey)
            return Open311Errors.Forbidden(f, "api_key is missing: posting a service request requires one (see key_service in /open311/discovery.xml).");
        if (!keys.IsValid(apiKey, out var clientTag))
            return Open311Errors.Forbidden(f, "Invalid api_key received: the service request was not created.");
        if (Field("service_code") is not { } serviceCode)
            return Open311Errors.BadRequest(f, "service_code was not provided: choose one from services.xml.");
        if (site.Catalogue.Find(serviceCode) is null)
            return Open311Errors.NotFound(f, $"service_code '{serviceCode}' was not found: choose one from services.xml.");

        var errors = new List<string>();
        var stationId = Field($"attribute[{Open311Site.StationAttribute}]") ?? site.Options.DefaultStationId;
        if (site.DeskStation(stationId) is null)
            errors.Add($"attribute[{Open311Site.StationAttribute}] '{stationId}' is not a station: see the values in services/{serviceCode}.xml.");
        var address = Location(Field("lat"), Field("long"), Field("address_string"), Field("address_id"), errors);
        var description = Field("description");
        if (description is null)
            errors.Add($"description was not provided: describe the matter, in up to {TicketRules.MaxDescriptionLength} characters.");
        if (Field("media_url") is { } media)
        {
            if (media.Length > MaxMediaUrlLength || !Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"media_url must be an http or https URL of at most {MaxMediaUrlLength} characters.");
            else if (description is not null)
                // The ticket has no media field: the link goes into the description, where the desk sees it.
                description = $"{description}\n\n图片/Media: {media}";
        }
        var phone = Field("phone");
        if (phone is null)
            errors.Add("phone was not provided: the station calls the resident back, so a phone number is required.");
        var idempotencyKey = request.Headers[TicketEndpoints.IdempotencyHeader].ToString();
        if (idempotencyKey.Length > 0 && !TicketRules.IsValidRequestKey(idempotencyKey))
            errors.Add($"The {TicketEndpoints.IdempotencyHeader} header must be 1 to {TicketRules.MaxRequestKeyLength} letters, digits or . _ : -");

        var ticket = new NewTicket(description ?? "", serviceCode, Name(Field("first_name"), Field("last_name")), phone ?? "", address);
        if (description is not null && phone is not null)
            errors.AddRange(TicketRules.Validate(ticket).Select(e => $"{ParameterOf(e.Key)}: {string.Join(" ", e.Value)}"));
        if (errors.Count > 0)
            return Open311Errors.List(f, StatusCodes.Status400BadRequest, errors);

        var requestKey = RequestKey(clientTag, idempotencyKey, stationId, ticket, Field("device_id"), Field("account_id"), time.GetUtcNow());
        TicketSnapshot created;
        try
        {
            created = await grains.GetGrain<IStationGrain>(stationId).RegisterTicketAsync(ticket, requestKey);
        }
        catch (DomainRefusalException refusal)
        {
            return Open311Errors.From(f, refusal);
        }
        loggers.CreateLogger(typeof(Open311RequestEndpoints)).LogInformation("Open311 client {Client} registered {Ticket} at {Station}", clientTag, created.Id, stationId);
        var language = Open311Site.LanguageOf(request);
        return new Open311Document(StatusCodes.Status200OK, "service_requests", new JsonArray(new JsonObject
        {
            ["service_request_id"] = created.Id,
            ["service_notice"] = site.ServiceNotice(created.OwnerStationId, created.IsOpen, created.ResolutionDue, language),
            ["account_id"] = Field("account_id"),
        }), f);
    }

    private static async Task<IResult> ListAsync(string format, HttpRequest request, Open311Site site, ITicketProjectionStore projection,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (Open311Document.ParseFormat(format) is not { } f)
            return Open311Errors.UnknownFormat(format);
        var query = request.Query;
        if (site.CheckJurisdiction(query["jurisdiction_id"]) is { } wrong)
            return Open311Errors.NotFound(f, wrong);
        var language = Open311Site.LanguageOf(request);

        // The spec: service_request_id overrides every other argument.
        if (List(query["service_request_id"]) is { Count: > 0 } ids)
        {
            if (ids.Count > MaxIds)
                return Open311Errors.BadRequest(f, $"service_request_id names at most {MaxIds} requests at once.");
            return Requests(f, site, language, await FindAsync(projection, ids, cancellationToken));
        }

        var errors = new List<string>();
        var start = Date(query["start_date"], "start_date", isEnd: false, errors);
        var end = Date(query["end_date"], "end_date", isEnd: true, errors);
        var statuses = List(query["status"]).Select(s => s.ToLowerInvariant()).ToList();
        if (statuses.Any(s => s is not ("open" or "closed")))
            errors.Add("status must be open, closed, or both comma-separated.");
        if (start is { } s0 && end is { } e0)
        {
            if (e0 <= s0)
                errors.Add("end_date must be after start_date.");
            else if (e0 - s0 > Window + TimeSpan.FromTicks(1))
                errors.Add($"start_date and end_date may span at most {Window.TotalDays:0} days.");
        }
        if (errors.Count > 0)
            return Open311Errors.List(f, StatusCodes.Status400BadRequest, errors);

        // Either bound alone opens a 90-day window from it; neither means the most recent 90 days.
        var (from, to) = (start, end) switch
        {
            ({ } a, { } b) => (a, (DateTimeOffset?)b),
            ({ } a, null) => (a, a + Window),
            (null, { } b) => (b - Window, b),
            _ => (time.GetUtcNow() - Window, null),
        };
        var codes = List(query["service_code"]).ToHashSet(StringComparer.Ordinal);
        var wantOpen = statuses.Count == 0 || statuses.Contains("open");
        var wantClosed = statuses.Count == 0 || statuses.Contains("closed");
        var fallback = site.Catalogue.FallbackCategoryCode;
        var filter = new TicketFilter
        {
            RegisteredFrom = from,
            RegisteredTo = to,
            OpenOnly = wantOpen && !wantClosed ? true : null,
            // The fallback service also stands for tickets without a category, so only another single code goes to storage.
            CategoryCode = codes.Count == 1 && codes.Single() != fallback ? codes.Single() : null,
        };
        var rows = await QueryAsync(projection, filter, row =>
            (codes.Count == 0 || codes.Contains(site.Catalogue.Resolve(row.CategoryCode).Code)) && (row.IsOpen ? wantOpen : wantClosed),
            cancellationToken);
        return Requests(f, site, language, rows);
    }

    private static async Task<IResult> GetAsync(string serviceRequestId, string format, HttpRequest request, Open311Site site,
        ITicketProjectionStore projection, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (Open311Document.ParseFormat(format) is not { } f)
            return Open311Errors.UnknownFormat(format);
        if (site.CheckJurisdiction(request.Query["jurisdiction_id"]) is { } wrong)
            return Open311Errors.NotFound(f, wrong);
        var rows = await FindAsync(projection, [serviceRequestId], cancellationToken);
        // Just posted: the lists may not have it yet (they follow a registration by up to Intake:ListDelay), the ticket has.
        if (rows.Count == 0 && TicketIds.IsWellFormed(serviceRequestId)
            && await grains.GetGrain<ITicketGrain>(serviceRequestId).GetAsync() is { } ticket)
            rows = [TicketRow.From(ticket)];
        return rows.Count == 0
            ? Open311Errors.NotFound(f, $"service_request_id '{serviceRequestId}' was not found.")
            : Requests(f, site, Open311Site.LanguageOf(request), rows);
    }

    private static Open311Document Requests(Open311Format format, Open311Site site, Open311Language language, IEnumerable<TicketRow> rows) =>
        new(StatusCodes.Status200OK, "service_requests", new JsonArray([.. rows.Select(r => (JsonNode)Request(site, language, r))]), format);

    /// <summary>
    /// One ticket as a GeoReport request. The projection holds no location (address, coordinates) nor media, so
    /// those optional fields are left out rather than sent empty; the resident's name and phone are never sent.
    /// </summary>
    private static JsonObject Request(Open311Site site, Open311Language language, TicketRow row)
    {
        var service = site.Catalogue.Resolve(row.CategoryCode);
        return new JsonObject
        {
            ["service_request_id"] = row.TicketId,
            ["status"] = Open311Site.Status(row.IsOpen),
            ["status_notes"] = Open311Site.StatusNotes(row.Status, language),
            ["service_name"] = Open311Site.Pick(language, service.NameZh, service.NameEn),
            ["service_code"] = service.Code,
            ["description"] = row.Description,
            ["agency_responsible"] = site.AgencyName(row.OwnerId, language),
            ["service_notice"] = site.ServiceNotice(row.OwnerId, row.IsOpen, row.ResolutionDue, language),
            ["requested_datetime"] = Open311Dates.Format(row.RegisteredAt),
            ["updated_datetime"] = Open311Dates.Format(row.UpdatedAt),
            ["expected_datetime"] = row.IsOpen ? Open311Dates.Format(row.ResolutionDue) : null,
        };
    }

    /// <summary>
    /// Tickets by id. An id carries its registration day (<c>GD-yyyyMMdd-NNNN</c>, China Standard Time), so each
    /// day's ids are one query over that day instead of a scan of every ticket.
    /// </summary>
    private static async Task<List<TicketRow>> FindAsync(ITicketProjectionStore projection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new List<TicketRow>();
        foreach (var day in ids.Where(TicketIds.IsWellFormed).Distinct(StringComparer.Ordinal).GroupBy(id => id[3..11]))
        {
            if (!DateOnly.TryParseExact(day.Key, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                continue;
            var local = date.ToDateTime(TimeOnly.MinValue);
            var start = new DateTimeOffset(local, TicketIds.ChinaStandardTime.GetUtcOffset(local));
            var wanted = day.ToHashSet(StringComparer.Ordinal);
            // Two days, not one: an id reserved just before midnight may belong to a ticket created just after it.
            var filter = new TicketFilter { RegisteredFrom = start, RegisteredTo = start.AddDays(2) };
            found.AddRange(await QueryAsync(projection, filter, row => wanted.Contains(row.TicketId), cancellationToken));
        }
        return [.. found.OrderByDescending(r => r.RegisteredAt).ThenBy(r => r.TicketId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Matching rows, newest first, at most <see cref="MaxResults"/>. A ticket handed between owners can briefly have
    /// a row under each; the more recently updated one is the ticket.
    /// </summary>
    private static async Task<List<TicketRow>> QueryAsync(ITicketProjectionStore projection, TicketFilter filter, Func<TicketRow, bool> keep,
        CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, TicketRow>(StringComparer.Ordinal);
        await foreach (var row in projection.QueryAsync(filter, cancellationToken))
        {
            if (keep(row) && (!latest.TryGetValue(row.TicketId, out var seen) || row.UpdatedAt > seen.UpdatedAt))
                latest[row.TicketId] = row;
        }
        return [.. latest.Values.OrderByDescending(r => r.RegisteredAt).ThenBy(r => r.TicketId, StringComparer.Ordinal).Take(MaxResults)];
    }

    private static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpRequest request, Open311Format format)
    {
        if (!request.HasFormContentType)
            return (null, Open311Errors.BadRequest(format, "Send the service request as application/x-www-form-urlencoded."));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = JsonBody.MaxBytes;
        if (request.ContentLength > JsonBody.MaxBytes)
            return (null, TooLarge(format));
        try
        {
            return (await request.ReadFormAsync(request.HttpContext.RequestAborted), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(format));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return (null, Open311Errors.BadRequest(format, $"The form could not be read: {e.Message}"));
        }
    }

    private static Open311Document TooLarge(Open311Format format) =>
        Open311Errors.One(format, StatusCodes.Status413PayloadTooLarge, $"A service request must be at most {JsonBody.MaxBytes / 1024} KB.");

    /// <summary>
    /// The spec requires a location: lat and long together, an address_string or an address_id. The ticket keeps one
    /// address line, so whatever was given is written into it, most specific first.
    /// </summary>
    private static string? Location(string? lat, string? lon, string? addressString, string? addressId, List<string> errors)
    {
        string? point = null;
        if (lat is not null || lon is not null)
        {
            if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || y is < -90 or > 90
                || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x is < -180 or > 180)
                errors.Add("lat and long must be sent together as WGS84 degrees (lat -90 to 90, long -180 to 180).");
            else
                point = string.Create(CultureInfo.InvariantCulture, $"WGS84 {y:0.######},{x:0.######}");
        }
        else if (addressString is null && addressId is null)
        {
            errors.Add("A location is required: lat and long, address_string or address_id.");
        }
        string?[] parts = [addressString, point, addressId is null ? null : $"address_id {addressId}"];
        return parts.Any(p => p is not null) ? string.Join("; ", parts.Where(p => p is not null)) : null;
    }

    /// <summary>Given and family name as one: 张 + 三 → 张三 for Chinese names, "John Smith" otherwise.</summary>
    private static string? Name(string? first, string? last) => (first, last) switch
    {
        (null, null) => null,
        ({ } a, null) => a,
        (null, { } b) => b,
        ({ } a, { } b) => (a + b).Any(c => c >= '\u2E80') ? b + a : $"{a} {b}",
    };

    private static string ParameterOf(string ticketField) => ticketField switch
    {
        "description" => "description",
        "residentPhone" => "phone",
        "residentName" => "first_name/last_name",
        "address" => "address_string",
        "categoryCode" => "service_code",
        _ => ticketField,
    };

    /// <summary>
    /// The registration's idempotency key. With an <c>Idempotency-Key</c> header: that key, scoped to the client. Without
    /// one: the client, the device or account, the day (China Standard Time) and the content, so a double-tapped submit
    /// registers one ticket while the same report on another day registers a new one. Hashed: grain keys are logged.
    /// </summary>
    private static string RequestKey(string clientTag, string idempotencyKey, string stationId, NewTicket ticket,
        string? deviceId, string? accountId, DateTimeOffset now)
    {
        string[] material = idempotencyKey.Length > 0
            ? ["header", clientTag, idempotencyKey]
            : ["content", clientTag, deviceId ?? "", accountId ?? "", TicketIds.DayKey(now), stationId,
               ticket.CategoryCode ?? "", ticket.Description, ticket.ResidentPhone, ticket.ResidentName ?? "", ticket.Address ?? ""];
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', material)));
        return "open311-" + Convert.ToHexStringLower(digest)[..40];
    }

    private static DateTimeOffset? Date(string? value, string name, bool isEnd, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (Open311Dates.TryParse(value, isEnd, out var instant))
            return instant;
        errors.Add($"{name} must be a W3C date-time with an offset, e.g. 2026-11-01T00:00:00+08:00 or 2026-11-01T00:00:00Z (a bare 2026-11-01 means that day in China Standard Time).");
        return null;
    }

    /// <summary>A comma-separated argument, which the spec also lets a client repeat.</summary>
    private static List<string> List(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
}
