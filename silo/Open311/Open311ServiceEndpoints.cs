using System.Text.Json.Nodes;

namespace GuoduActors.Silo.Open311;

/// <summary>Service discovery, the service list and the service definitions: read-only views of the catalogue and the roster.</summary>
internal static class Open311ServiceEndpoints
{
    public static RouteGroupBuilder MapOpen311ServiceEndpoints(this RouteGroupBuilder open311)
    {
        open311.MapGet("/discovery.{format}", Discovery)
            .WithName("Open311Discovery").WithSummary("Open311 service discovery: where the GeoReport v2 endpoint is and which formats it speaks.");
        open311.MapGet("/v2/services.{format}", Services)
            .WithName("Open311Services").WithSummary("GeoReport v2 service list: the catalogue's categories (?locale=en for English names).");
        open311.MapGet("/v2/services/{serviceCode}.{format}", Definition)
            .WithName("Open311ServiceDefinition").WithSummary("GeoReport v2 service definition: the optional station attribute.");
        return open311;
    }

    private static IResult Discovery(string format, HttpRequest request, Open311Site site)
    {
        if (Open311Document.ParseFormat(format) is not { } f)
            return Open311Errors.UnknownFormat(format);
        var language = Open311Site.LanguageOf(request);
        var url = site.Options.EndpointUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2";
        var office = site.AgencyName(site.JurisdictionId, language);
        return new Open311Document(StatusCodes.Status200OK, "discovery", new JsonObject
        {
            ["changeset"] = site.Changeset,
            ["contact"] = site.Options.Contact is { Length: > 0 } contact ? contact : office,
            ["key_service"] = site.Options.KeyService is { Length: > 0 } keys ? keys
                : Open311Site.Pick(language, $"请向{office}申请 api_key。", $"Ask {office} for an api_key."),
            ["endpoints"] = new JsonArray(new JsonObject
            {
                ["specification"] = Open311Site.Specification,
                ["url"] = url,
                ["changeset"] = site.Changeset,
                ["type"] = "production",
                ["formats"] = new JsonArray("text/xml", "application/json"),
            }),
        }, f);
    }

    private static IResult Services(string format, HttpRequest request, Open311Site site)
    {
        if (Open311Document.ParseFormat(format) is not { } f)
            return Open311Errors.UnknownFormat(format);
        if (site.CheckJurisdiction(request.Query["jurisdiction_id"]) is { } wrong)
            return Open311Errors.NotFound(f, wrong);
        var language = Open311Site.LanguageOf(request);
        return new Open311Document(StatusCodes.Status200OK, "services",
            new JsonArray([.. site.Catalogue.Categories.Select(c => (JsonNode)site.Service(c, language))]), f);
    }

    private static IResult Definition(string serviceCode, string format, HttpRequest request, Open311Site site)
    {
        if (Open311Document.ParseFormat(format) is not { } f)
            return Open311Errors.UnknownFormat(format);
        if (site.CheckJurisdiction(request.Query["jurisdiction_id"]) is { } wrong)
            return Open311Errors.NotFound(f, wrong);
        if (site.Catalogue.Find(serviceCode) is not { } category)
            return Open311Errors.NotFound(f, $"service_code '{serviceCode}' was not found: see services.{format} for the list.");
        return new Open311Document(StatusCodes.Status200OK, "service_definition", site.Definition(category, Open311Site.LanguageOf(request)), f);
    }
}
