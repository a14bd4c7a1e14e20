using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GuoduActors.Silo.Api;
using static GuoduActors.Tests.WeeklyReports.TicketRows;

namespace GuoduActors.Tests.WeeklyReports;

/// <summary>
/// <c>/api/reports/weekly</c> over HTTP, on the shipped roster (1 office, 33 level-1 and 38 level-2 stations) with three
/// tickets in the week of 2026-11-16: Bolangfeng resolved one in 45 minutes (rated 5), compound 03 one in 90
/// (rated 2), Fenglin one in a day after a late first response.
/// </summary>
public sealed class WeeklyReportApiTests : IClassFixture<WeeklyReportsApi>, IAsyncLifetime
{
    private const string Week = "2026-11-16";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly WeeklyReportsApi _api;
    private readonly HttpClient _http;

    public WeeklyReportApiTests(WeeklyReportsApi api)
    {
        _api = api;
        _http = api.CreateClient();
    }

    public async Task InitializeAsync()
    {
        var monday = Cst.At(2026, 11, 16, 9);
        foreach (var row in new[]
        {
            Registered("GD-20261116-0001", "bolangfeng", monday).Resolved(monday.AddMinutes(45)).Closed(monday.AddHours(3), 5),
            Registered("GD-20261117-0001", "compound-03", monday.AddDays(1)).Resolved(monday.AddDays(1).AddMinutes(90)).Closed(monday.AddDays(2), 2),
            Registered("GD-20261118-0001", "fenglin", monday.AddDays(2)).Responded(monday.AddDays(2).AddHours(3)).Resolved(monday.AddDays(3)),
        })
        {
            await _api.Projection.UpsertAsync(row);
        }
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ALeaderCompilesTheWeekAndReadsItFromTheOfficeDownToTheCompounds()
    {
        var compiled = await ReportsAsync(HttpMethod.Post, $"/api/reports/weekly/compile?week={Week}", "leader");
        var read = await ReportsAsync(HttpMethod.Get, $"/api/reports/weekly?week={Week}", "leader");

        Assert.Equal(1 + 1 + 33 + 33 + 38, read.Count);
        Assert.Equal(compiled.Select(r => (r.StationId, r.Kind, r.Received)), read.Select(r => (r.StationId, r.Kind, r.Received)));
        Assert.Equal(
            [(StationLevel.Office, WeeklyReportKind.Aggregate, 1), (StationLevel.Office, WeeklyReportKind.Own, 1),
             (StationLevel.Community, WeeklyReportKind.Aggregate, 33), (StationLevel.Community, WeeklyReportKind.Own, 33),
             (StationLevel.Compound, WeeklyReportKind.Own, 38)],
            read.GroupBy(r => (r.Level, r.Kind)).Select(g => (g.Key.Level, g.Key.Kind, g.Count())));

        var total = read[0];
        Assert.Equal(("guodu", "郭杜街道“小事办”", "2026-W47"), (total.StationId, total.StationNameZh, total.IsoWeek));
        Assert.Equal(72, total.Covers.Count);
        Assert.Equal((3, 3, 3), (total.Received, total.Resolved, total.ResolvedOnTime));
        Assert.Equal(90, total.MedianResolutionMinutes);
        Assert.Equal(0.6667, total.ResponseRate);
        Assert.Equal(1, total.ResolutionRate);
        Assert.Equal(0.5, total.SatisfactionRate);

        var fenglin = read.Single(r => r.StationId == "fenglin" && r.Kind == WeeklyReportKind.Aggregate);
        Assert.Equal(["fenglin", "bolangfeng", "compound-02"], fenglin.Covers);
        Assert.Equal((2, 45 + (1440 - 45) / 2.0), (fenglin.Received, fenglin.MedianResolutionMinutes));
        var quiet = read.Single(r => r.StationId == "compound-02");
        Assert.Equal((0, null, null), (quiet.Received, quiet.ResponseRate, quiet.MedianResolutionMinutes));
    }

    [Fact]
    public async Task WithoutAWeekTheLastCompletedWeekIsAnswered()
    {
        await CompileAsync();

        var reports = await ReportsAsync(HttpMethod.Get, "/api/reports/weekly", "planner");

        Assert.Equal(106, reports.Count);
        Assert.All(reports, r => Assert.Equal(new DateOnly(2026, 11, 16), r.WeekStart));
    }

    [Fact]
    public async Task StationStaffSeeTheReportsOfTheirStationsOnly()
    {
        await CompileAsync();

        var community = await ReportsAsync(HttpMethod.Get, $"/api/reports/weekly?week={Week}", "fenglin");
        var compound = await ReportsAsync(HttpMethod.Get, $"/api/reports/weekly?week={Week}", "bolangfeng");
        var oneOfTheirs = await ReportsAsync(HttpMethod.Get, $"/api/reports/weekly?week={Week}&station=bolangfeng", "fenglin");
        using var notTheirs = await SendAsync(HttpMethod.Get, $"/api/reports/weekly?week={Week}&station=community-02", "fenglin");

        Assert.Equal(
            [("fenglin", WeeklyReportKind.Aggregate), ("fenglin", WeeklyReportKind.Own), ("bolangfeng", WeeklyReportKind.Own), ("compound-02", WeeklyReportKind.Own)],
            community.Select(r => (r.StationId, r.Kind)));
        Assert.Equal(["bolangfeng"], compound.Select(r => r.StationId));
        Assert.Equal(["bolangfeng"], oneOfTheirs.Select(r => r.StationId));
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/reports/weekly")]
    [InlineData("GET", "/api/reports/weekly.csv")]
    [InlineData("POST", "/api/reports/weekly/compile")]
    public async Task WithoutCredentialsTheAnswerIs401(string method, string url)
    {
        using var anonymous = await SendAsync(new HttpMethod(method), url, user: null);
        using var wrongPassword = new HttpRequestMessage(new HttpMethod(method), url);
        wrongPassword.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("leader:not-the-password")));
        using var refused = await _http.SendAsync(wrongPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/reports/weekly/compile", "planner")]
    [InlineData("POST", "/api/reports/weekly/compile", "fenglin")]
    [InlineData("GET", "/api/reports/weekly", "repairs")]
    [InlineData("GET", "/api/reports/weekly.csv", "repairs")]
    public async Task OutsideTheirRoleTheAnswerIs403(string method, string url, string user)
    {
        using var response = await SendAsync(new HttpMethod(method), $"{url}?week={Week}", user);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/reports/weekly", "2026-11-17")]
    [InlineData("GET", "/api/reports/weekly.csv", "2026-02-30")]
    [InlineData("GET", "/api/reports/weekly", "last-week")]
    [InlineData("POST", "/api/reports/weekly/compile", "2026-11-18")]
    [InlineData("POST", "/api/reports/weekly/compile", "2026-11-23")]
    public async Task ABadWeekIs400WithAProblem(string method, string url, string week)
    {
        using var response = await SendAsync(new HttpMethod(method), $"{url}?week={week}", "leader");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(week == "2026-11-23" ? "not ended" : "week", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsvIsAUtf8AttachmentWithABomAHeaderAndInvariantNumbers()
    {
        await CompileAsync();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            using var response = await SendAsync(HttpMethod.Get, $"/api/reports/weekly.csv?week={Week}", "leader");
            var bytes = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("weekly-reports-2026-11-16.csv", response.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

            var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var header = lines[0].Split(',');
            Assert.Equal(1 + 106, lines.Length);
            Assert.Equal(["week_start", "iso_week", "station_id", "station_name_zh"], header[..4]);
            var rows = lines[1..].Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
            var total = rows[0];
            Assert.Equal(("guodu", "office", "aggregate"), (total["station_id"], total["level"], total["kind"]));
            Assert.Equal(("0.6667", "1", "0.5", "90"), (total["response_rate"], total["resolution_rate"], total["satisfaction_rate"], total["median_resolution_minutes"]));
            var bolangfeng = rows.Single(r => r["station_id"] == "bolangfeng");
            Assert.Equal(("铂琅峯小区", "45", "1"), (bolangfeng["station_name_zh"], bolangfeng["median_resolution_minutes"], bolangfeng["satisfaction_rate"]));
            var quiet = rows.Single(r => r["station_id"] == "compound-02");
            Assert.Equal(("0", "", ""), (quiet["received"], quiet["response_rate"], quiet["median_first_response_minutes"]));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private async Task CompileAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/reports/weekly/compile?week={Week}", "leader");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<WeeklyReportDto>> ReportsAsync(HttpMethod method, string url, string user)
    {
        using var response = await SendAsync(method, url, user);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<WeeklyReportDto>>(Json))!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? user) => _http.SendAsync(_api.Request(method, url, user));
}
