using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using GuoduActors.Silo.Hosting;

namespace GuoduActors.Silo.Open311;

/// <summary>Section <c>Open311</c>: the GeoReport v2 endpoint at <c>/open311/v2</c>.</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>
    /// The keys client applications send as <c>api_key</c> to post requests (<c>Open311__ApiKeys__0=…</c>). None
    /// configured: the endpoint is read-only and every post is answered 403.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>The station that registers a request posted without <c>attribute[station]</c>: a level-1 desk that routes.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessage = "DefaultStationId must be a station id (lower-case letters, digits and dashes).")]
    public string DefaultStationId { get; set; } = "fenglin";

    /// <summary>Discovery's <c>contact</c>; the Small Affairs Office's name when empty.</summary>
    public string? Contact { get; set; }

    /// <summary>Discovery's <c>key_service</c>: how a developer obtains an api_key.</summary>
    public string? KeyService { get; set; }

    /// <summary>The v2 endpoint's public URL for discovery (behind a proxy); the request's own host when empty.</summary>
    public string? EndpointUrl { get; set; }
}

public static class Open311Hosting
{
    /// <summary>Binds and checks the <c>Open311</c> section; a bad setting stops the start with one sentence.</summary>
    public static WebApplicationBuilder AddGuoduOpen311(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(Open311Options.Section).Get<Open311Options>() ?? new();
        OrleansHosting.Validate(options, Open311Options.Section);
        if (options.ApiKeys.Any(string.IsNullOrWhiteSpace))
            throw new StartupException($"an entry of '{Open311Options.Section}:ApiKeys' is empty; remove it or give it a value.");
        if (options.EndpointUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw new StartupException($"'{Open311Options.Section}:EndpointUrl' must be an absolute http or https URL, or empty.");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new Open311ApiKeys(options.ApiKeys));
        var changeset = Changeset(builder);
        builder.Services.AddSingleton(sp => new Open311Site(
            sp.GetRequiredService<GuoduActors.Roster>(), sp.GetRequiredService<Sla.Catalogue>(), options, changeset));
        return builder;
    }

    /// <summary>Maps discovery and the v2 resources; call after <c>MapGuoduApi</c>, whose status-code pages these answer themselves.</summary>
    public static WebApplication MapGuoduOpen311(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<Open311Site>();
        if (site.DeskStation(site.Options.DefaultStationId) is null)
            throw new StartupException($"'{Open311Options.Section}:DefaultStationId' is '{site.Options.DefaultStationId}', which is not a station of the roster.");
        if (site.Options.ApiKeys.Count == 0)
            app.Logger.LogWarning("Open311 is read-only: no {Section}:ApiKeys are configured, so every posted request is refused.", Open311Options.Section);

        var open311 = app.MapGroup("/open311").AddEndpointFilter<Open311FailureFilter>().WithTags("Open311");
        open311.MapOpen311ServiceEndpoints();
        open311.MapOpen311RequestEndpoints();
        // Anything else under /open311 answers in the spec's error list rather than as a problem document.
        open311.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Post], (string? path) =>
            Open311Errors.NotFound(path?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Json : Open311Format.Xml,
                $"No Open311 resource at /open311/{path}: see /open311/discovery.xml, and end every resource with .xml or .json."))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Discovery's changeset: when the service list or the definitions last changed, i.e. the newer of the catalogue
    /// (services) and the roster (the station attribute's values). Sortable as a string because the offset is fixed.
    /// </summary>
    private static string Changeset(WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var sla = builder.Configuration.GetSection(SlaOptions.Section).Get<SlaOptions>() ?? new();
        var guodu = builder.Configuration.GetSection(GuoduOptions.Section).Get<GuoduOptions>() ?? new();
        var changed = new[] { sla.CataloguePath, guodu.RosterPath }
            .Select(path => DataFiles.Resolve(path, contentRoot))
            .Where(File.Exists)
            .Select(path => new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero))
            .DefaultIfEmpty(DateTimeOffset.UnixEpoch)
            .Max();
        return Open311Dates.Format(changed.AddTicks(-(changed.Ticks % TimeSpan.TicksPerSecond)));
    }
}

/// <summary>
/// Answers any unexpected failure (storage down, a silo unreachable) as the spec's "400 General service error",
/// in the error list, instead of a 500 problem document; the failure itself is logged for the operators.
/// </summary>
internal sealed class Open311FailureFilter(ILogger<Open311FailureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var http = context.HttpContext;
            logger.LogError(e, "Open311 {Method} {Path} failed", http.Request.Method, http.Request.Path);
            var format = Open311Document.ParseFormat(http.GetRouteValue("format") as string) ?? Open311Format.Xml;
            return Open311Errors.BadRequest(format, "General service error: the request could not be processed now and changed nothing. Try again later.");
        }
    }
}

/// <summary>W3C date-times (ISO 8601 with an offset), written in China Standard Time like every other date of the sub-district.</summary>
internal static partial class Open311Dates
{
    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TicketIds.ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? at) => at is { } value ? Format(value) : null;

    /// <summary>
    /// Reads a query's date: a W3C date-time with its offset (<c>2026-11-01T00:00:00Z</c>, <c>…+08:00</c>, seconds and
    /// fractions optional), or a bare date, taken as a whole day in China Standard Time. An end date is returned as the
    /// exclusive instant after it: the next day for a bare date, the next tick for a date-time.
    /// </summary>
    public static bool TryParse(string value, bool isEnd, out DateTimeOffset instant)
    {
        instant = default;
        // A '+' sent unencoded in a query string arrives as a space.
        var match = W3cPattern().Match(value.Trim().Replace(' ', '+'));
        if (!match.Success)
            return false;
        var g = match.Groups;
        int Part(string name) => int.Parse(g[name].Value, CultureInfo.InvariantCulture);
        var year = Part("y");
        if (year is < 2000 or > 9000 || !DateOnly.TryParseExact(match.Value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return false;
        if (!g["h"].Success)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            var start = new DateTimeOffset(local, TicketIds.ChinaStandardTime.GetUtcOffset(local));
            instant = isEnd ? start.AddDays(1) : start;
            return true;
        }
        var (hour, minute, second) = (Part("h"), Part("m"), g["s"].Success ? Part("s") : 0);
        if (hour > 23 || minute > 59 || second > 59)
            return false;
        var offset = g["z"].Value is "Z" or "z" ? TimeSpan.Zero
            : TimeSpan.FromMinutes((g["z"].Value[0] == '-' ? -1 : 1) * (int.Parse(g["z"].Value[1..3], CultureInfo.InvariantCulture) * 60 + int.Parse(g["z"].Value[4..6], CultureInfo.InvariantCulture)));
        if (offset.Duration() > TimeSpan.FromHours(14))
            return false;
        var fraction = g["f"].Success ? long.Parse(g["f"].Value[1..].PadRight(7, '0'), CultureInfo.InvariantCulture) : 0;
        instant = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)), offset).AddTicks(fraction);
        if (isEnd)
            instant = instant.AddTicks(1);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})-\d{2}-\d{2}(?:T(?<h>\d{2}):(?<m>\d{2})(?::(?<s>\d{2})(?<f>\.\d{1,7})?)?(?<z>[Zz]|[+-]\d{2}:\d{2}))?$")]
    private static partial Regex W3cPattern();
}
