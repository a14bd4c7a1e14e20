using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using GuoduActors.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace GuoduActors.Tests.Open311;

/// <summary>Discovery, the service list and the service definitions, read as an Open311 client reads them.</summary>
[Collection(Open311Collection.Name)]
public sealed class Open311ServiceTests(Open311Fixture site)
{
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    [Fact]
    public async Task DiscoveryNamesTheGeoReportV2EndpointInBothFormats()
    {
        var discovery = await site.GetJsonAsync("/open311/discovery.json");

        var endpoint = Assert.Single(discovery.GetProperty("endpoints").EnumerateArray());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal("production", endpoint.GetProperty("type").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.False(string.IsNullOrEmpty(discovery.GetProperty("changeset").GetString()));
        Assert.False(string.IsNullOrEmpty(discovery.GetProperty("key_service").GetString()));
    }

    [Fact]
    public async Task DiscoveryInXmlIsADiscoveryElementWithEndpointsAndFormats()
    {
        var xml = await GetXmlAsync("/open311/discovery.xml");

        Assert.Equal("discovery", xml.Root!.Name.LocalName);
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], xml.Root.Elements().Select(e => e.Name.LocalName));
        var endpoint = Assert.Single(xml.Root.Element("endpoints")!.Elements("endpoint"));
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
    }

    [Fact]
    public async Task TheServiceListHasEveryCatalogueCategoryInChineseByDefault()
    {
        var catalogue = site.Services.GetRequiredService<Catalogue>();

        var services = await site.GetJsonAsync("/open311/v2/services.json");

        Assert.Equal(catalogue.Categories.Select(c => c.Code), services.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()));
        var burstPipe = services.EnumerateArray().First(s => s.GetProperty("service_code").GetString() == "burst-pipe");
        Assert.Equal("水管爆裂跑水", burstPipe.GetProperty("service_name").GetString());
        Assert.Equal("居家维修", burstPipe.GetProperty("group").GetString());
        Assert.Equal("realtime", burstPipe.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.True, burstPipe.GetProperty("metadata").ValueKind);
        Assert.Contains("2小时内响应", burstPipe.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("/open311/v2/services.json?locale=en", null)]
    [InlineData("/open311/v2/services.json", "en-GB,en;q=0.9,zh;q=0.5")]
    public async Task TheServiceListIsEnglishWhenTheClientAsksForEnglish(string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        using var response = await site.CreateClient().SendAsync(request);

        using var services = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var burstPipe = services.RootElement.EnumerateArray().First(s => s.GetProperty("service_code").GetString() == "burst-pipe");
        Assert.Equal("Burst pipe or flooding", burstPipe.GetProperty("service_name").GetString());
        Assert.Equal("Home repairs", burstPipe.GetProperty("group").GetString());
    }

    [Fact]
    public async Task TheServiceListInXmlIsServicesOfServiceElementsWithTheSpecFields()
    {
        using var response = await site.CreateClient().GetAsync("/open311/v2/services.xml");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var xml = XDocument.Parse(text);
        Assert.Equal("utf-8", xml.Declaration?.Encoding);
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.NotEmpty(xml.Root.Elements());
        Assert.All(xml.Root.Elements(), service =>
        {
            Assert.Equal("service", service.Name.LocalName);
            Assert.Equal(ServiceFields, service.Elements().Select(e => e.Name.LocalName));
        });
        Assert.Equal("true", xml.Root.Elements().First().Element("metadata")!.Value);
    }

    [Fact]
    public async Task TheServiceDefinitionOffersTheOptionalStationAttributeWithTheRosterStations()
    {
        var xml = await GetXmlAsync("/open311/v2/services/burst-pipe.xml");

        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        Assert.Equal("burst-pipe", xml.Root.Element("service_code")!.Value);
        var attribute = Assert.Single(xml.Root.Element("attributes")!.Elements("attribute"));
        Assert.Equal("station", attribute.Element("code")!.Value);
        Assert.Equal("singlevaluelist", attribute.Element("datatype")!.Value);
        Assert.Equal("false", attribute.Element("required")!.Value);
        var keys = attribute.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value).ToList();
        Assert.Contains("fenglin", keys);
        Assert.Contains("bolangfeng", keys);
        Assert.DoesNotContain("guodu", keys);
    }

    [Fact]
    public async Task AnUnknownServiceCodeIsA404ErrorListInEitherFormat()
    {
        var json = await site.GetJsonAsync("/open311/v2/services/no-such-service.json", HttpStatusCode.NotFound);
        var xml = await GetXmlAsync("/open311/v2/services/no-such-service.xml", HttpStatusCode.NotFound);

        var error = Assert.Single(json.EnumerateArray());
        Assert.Equal(404, error.GetProperty("code").GetInt32());
        Assert.Contains("no-such-service", error.GetProperty("description").GetString());
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        Assert.Equal("404", Assert.Single(xml.Root.Elements("error")).Element("code")!.Value);
    }

    [Theory]
    [InlineData("/open311/v2/services.yaml")]
    [InlineData("/open311/v2/services")]
    [InlineData("/open311/v2/nothing-here.xml")]
    public async Task AnUnknownFormatOrResourceIsA404ErrorList(string path)
    {
        var xml = await GetXmlAsync(path, HttpStatusCode.NotFound);

        Assert.Equal("errors", xml.Root!.Name.LocalName);
        Assert.Equal("404", Assert.Single(xml.Root.Elements("error")).Element("code")!.Value);
    }

    [Fact]
    public async Task AJurisdictionIdOtherThanTheSubDistrictIsA404()
    {
        var wrong = await site.GetJsonAsync("/open311/v2/services.json?jurisdiction_id=sfgov.org", HttpStatusCode.NotFound);
        var right = await site.GetJsonAsync("/open311/v2/services.json?jurisdiction_id=guodu");

        Assert.Contains("sfgov.org", Assert.Single(wrong.EnumerateArray()).GetProperty("description").GetString());
        Assert.NotEqual(0, right.GetArrayLength());
    }

    private async Task<XDocument> GetXmlAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await site.CreateClient().GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
