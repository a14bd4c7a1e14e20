using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace GuoduActors.Tests.Open311;

/// <summary>Posting and reading service requests as an Open311 client does, through the real HTTP pipeline.</summary>
[Collection(Open311Collection.Name)]
public sealed class Open311RequestTests(Open311Fixture site)
{
    [Fact]
    public async Task APostedRequestGetsAnIdAndReadsBackOpenWithTheSlaAsExpectedDatetime()
    {
        var posted = await site.PostRequestAsync(site.ValidRequest());
        var created = Assert.Single(JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
        var id = created.GetProperty("service_request_id").GetString()!;

        var request = Assert.Single((await site.GetJsonAsync($"/open311/v2/requests/{id}.json")).EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("凤林社区", created.GetProperty("service_notice").GetString());
        Assert.Equal(id, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("plumbing-drains", request.GetProperty("service_code").GetString());
        Assert.Equal("水管漏水及下水道疏通", request.GetProperty("service_name").GetString());
        Assert.Equal("凤林社区", request.GetProperty("agency_responsible").GetString());
        var requested = W3c(request.GetProperty("requested_datetime").GetString()!);
        var expected = W3c(request.GetProperty("expected_datetime").GetString()!);
        Assert.Equal(TimeSpan.FromHours(8), requested.Offset);
        // plumbing-drains is a utilities matter: resolved within 3 days on the calendar clock.
        Assert.Equal(TimeSpan.FromDays(3), expected - requested);
    }

    [Fact]
    public async Task APostedRequestAnswersInXmlAsServiceRequestsOfOneRequest()
    {
        using var response = await site.PostRequestAsync(site.ValidRequest(), format: "xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(["service_request_id", "service_notice", "account_id"], request.Elements().Select(e => e.Name.LocalName));
        Assert.StartsWith("GD-", request.Element("service_request_id")!.Value);
    }

    [Fact]
    public async Task TheResidentsPhoneAndNameNeverAppearInOpen311Output()
    {
        var id = await site.CreateRequestAsync(site.ValidRequest());

        foreach (var path in new[] { $"/open311/v2/requests/{id}.json", $"/open311/v2/requests/{id}.xml", "/open311/v2/requests.json", "/open311/v2/requests.xml" })
        {
            var text = await site.CreateClient().GetStringAsync(path);
            Assert.Contains(id, text);
            Assert.DoesNotContain(Open311Fixture.ResidentPhone, text);
            Assert.DoesNotContain(Open311Fixture.ResidentPhone[^4..], text);
            Assert.DoesNotContain(Open311Fixture.ResidentFamilyName + Open311Fixture.ResidentGivenName, text);
        }
    }

    [Fact]
    public async Task TheStationAttributeChoosesTheStationThatRegistersTheRequest()
    {
        var fields = site.ValidRequest();
        fields["attribute[station]"] = "bolangfeng";

        var id = await site.CreateRequestAsync(fields);

        var request = Assert.Single((await site.GetJsonAsync($"/open311/v2/requests/{id}.json")).EnumerateArray());
        Assert.Equal("铂琅峯小区", request.GetProperty("agency_responsible").GetString());
    }

    [Fact]
    public async Task PostingTheSameRequestTwiceRegistersOneTicket()
    {
        var fields = site.ValidRequest();
        var before = await site.CountRequestsAsync();

        var first = await site.CreateRequestAsync(fields);
        var retry = await site.CreateRequestAsync(fields);

        Assert.Equal(first, retry);
        Assert.Equal(before + 1, await site.CountRequestsAsync());
    }

    [Fact]
    public async Task AnIdempotencyKeyReusedForOtherContentIsRefusedAndRegistersNothing()
    {
        var key = $"retry-{Guid.NewGuid():N}";
        using var first = await site.PostRequestAsync(site.ValidRequest(), idempotencyKey: key);
        var before = await site.CountRequestsAsync();

        using var reused = await site.PostRequestAsync(site.ValidRequest(), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal(400, Assert.Single(JsonDocument.Parse(await reused.Content.ReadAsStringAsync()).RootElement.EnumerateArray()).GetProperty("code").GetInt32());
        Assert.Equal(before, await site.CountRequestsAsync());
    }

    [Fact]
    public async Task ARequestResolvedAtTheDeskIsClosedWithoutAnExpectedDatetime()
    {
        var id = await site.CreateRequestAsync(site.ValidRequest());

        await site.ResolveAtTheDeskAsync(id);

        var request = Assert.Single((await site.GetJsonAsync($"/open311/v2/requests/{id}.json")).EnumerateArray());
        Assert.Equal("closed", request.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("expected_datetime").ValueKind);
        Assert.Contains(id, Ids(await site.GetJsonAsync("/open311/v2/requests.json?status=closed")));
        Assert.DoesNotContain(id, Ids(await site.GetJsonAsync("/open311/v2/requests.json?status=open")));
    }

    [Fact]
    public async Task FiltersSelectRequestsByIdServiceCodeStatusAndDateWindow()
    {
        var drain = await site.CreateRequestAsync(site.ValidRequest("plumbing-drains"));
        var noise = await site.CreateRequestAsync(site.ValidRequest("noise"));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var window = $"start_date={Uri.EscapeDataString(today.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))}"
            + $"&end_date={Uri.EscapeDataString(today.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))}";

        var byId = Ids(await site.GetJsonAsync($"/open311/v2/requests.json?service_request_id={drain},{noise}&status=closed"));
        var byCode = Ids(await site.GetJsonAsync($"/open311/v2/requests.json?service_code=noise&status=open&{window}"));
        var inThePast = Ids(await site.GetJsonAsync("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-01-31T00:00:00Z"));

        Assert.Equal([drain, noise], byId.Order(StringComparer.Ordinal));
        Assert.Contains(noise, byCode);
        Assert.DoesNotContain(drain, byCode);
        Assert.DoesNotContain(drain, inThePast);
    }

    public static TheoryData<string, string?, string?, HttpStatusCode> RefusedPosts => new()
    {
        { "api_key", "wrong-key", null, HttpStatusCode.Forbidden },
        { "api_key", null, null, HttpStatusCode.Forbidden },
        { "service_code", null, null, HttpStatusCode.BadRequest },
        { "service_code", "no-such-service", null, HttpStatusCode.NotFound },
        { "jurisdiction_id", "sfgov.org", null, HttpStatusCode.NotFound },
        { "phone", null, null, HttpStatusCode.BadRequest },
        { "phone", "call me", null, HttpStatusCode.BadRequest },
        { "description", null, null, HttpStatusCode.BadRequest },
        { "address_string", null, null, HttpStatusCode.BadRequest },
        { "lat", "34.15", null, HttpStatusCode.BadRequest },
        { "attribute[station]", "guodu", null, HttpStatusCode.BadRequest },
        { "media_url", "javascript:alert(1)", null, HttpStatusCode.BadRequest },
        { "device_id", "json-client", "application/json", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(RefusedPosts))]
    public async Task ARefusedPostAnswersTheErrorListAndRegistersNothing(string field, string? value, string? contentType, HttpStatusCode status)
    {
        var fields = site.ValidRequest();
        if (value is null)
            fields.Remove(field);
        else
            fields[field] = value;
        var before = await site.CountRequestsAsync();

        HttpResponseMessage response;
        if (contentType is null)
        {
            response = await site.PostRequestAsync(fields);
        }
        else
        {
            response = await site.CreateClient().PostAsync("/open311/v2/requests.json",
                new StringContent(JsonSerializer.Serialize(fields), System.Text.Encoding.UTF8, contentType));
        }

        Assert.Equal(status, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.NotEqual(0, errors.GetArrayLength());
        Assert.All(errors.EnumerateArray(), e =>
        {
            Assert.Equal((int)status, e.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("description").GetString()));
        });
        Assert.Equal(before, await site.CountRequestsAsync());
        response.Dispose();
    }

    [Fact]
    public async Task AMissingPhoneIsNamedInTheError()
    {
        var fields = site.ValidRequest();
        fields.Remove("phone");

        using var response = await site.PostRequestAsync(fields, format: "xml");

        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        Assert.Contains("phone", Assert.Single(xml.Root.Elements("error")).Element("description")!.Value);
    }

    [Theory]
    [InlineData("start_date=yesterday")]
    [InlineData("end_date=2026-13-01T00:00:00Z")]
    [InlineData("start_date=2026-11-01T10:00:00")]
    [InlineData("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")]
    [InlineData("start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z")]
    [InlineData("status=pending")]
    public async Task BadQueryArgumentsAreA400ErrorList(string query)
    {
        var errors = await site.GetJsonAsync($"/open311/v2/requests.json?{query}", HttpStatusCode.BadRequest);

        Assert.Equal(400, errors.EnumerateArray().First().GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("GD-20200101-0001")]
    [InlineData("not-a-ticket")]
    public async Task AnUnknownRequestIdIsA404ErrorList(string id)
    {
        var errors = await site.GetJsonAsync($"/open311/v2/requests/{id}.json", HttpStatusCode.NotFound);

        Assert.Contains(id, Assert.Single(errors.EnumerateArray()).GetProperty("description").GetString());
    }

    [Fact]
    public async Task NoTokensAreIssuedSoEveryTokenIsA404ErrorList()
    {
        var errors = await site.GetJsonAsync("/open311/v2/tokens/12345.json", HttpStatusCode.NotFound);

        Assert.Equal(404, Assert.Single(errors.EnumerateArray()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task TheRequestListInXmlIsServiceRequestsOfRequestElements()
    {
        var id = await site.CreateRequestAsync(site.ValidRequest());

        var xml = XDocument.Parse(await site.CreateClient().GetStringAsync($"/open311/v2/requests.xml?service_request_id={id}"));

        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(
            ["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
             "service_notice", "requested_datetime", "updated_datetime", "expected_datetime"],
            request.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.EndsWith("+08:00", request.Element("requested_datetime")!.Value);
    }

    private static List<string> Ids(JsonElement requests) =>
        [.. requests.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];

    private static DateTimeOffset W3c(string value) =>
        DateTimeOffset.ParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
