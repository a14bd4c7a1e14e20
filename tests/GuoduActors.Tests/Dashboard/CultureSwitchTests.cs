using System.Globalization;
using System.Net;
using GuoduActors.Dashboard;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GuoduActors.Tests.Dashboard;

/// <summary>
/// The dashboard's request localization and its culture switch, on an in-memory host that has the dashboard's own
/// services and middleware but no silo.
/// </summary>
public sealed class CultureSwitchTests : IAsyncLifetime
{
    private const string CulturePath = "/test/culture";
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IOverviewSource>(new FakeOverviewSource());
        builder.Services.AddSingleton<ILiveUpdates>(new FakeLiveUpdates());
        builder.AddGuoduDashboard();
        _app = builder.Build();
        _app.UseGuoduDashboard();
        _app.MapCultureSwitch();
        _app.MapGet(CulturePath, () => CultureInfo.CurrentUICulture.Name);
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task RequestsAreChineseByDefaultEvenWhenTheBrowserPrefersEnglish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, CulturePath);
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var response = await _client.SendAsync(request);

        Assert.Equal("zh-CN", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AQueryStringDoesNotChangeTheCultureBecauseTheCircuitWouldNotSeeIt()
    {
        var response = await _client.GetAsync($"{CulturePath}?culture=en&ui-culture=en");

        Assert.Equal("zh-CN", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SwitchingToEnglishSetsTheCultureCookieAndReturnsToTheGivenPage()
    {
        var response = await _client.GetAsync("/culture/set?culture=en&redirectUri=%2F%3Ftab%3Dstations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?tab=stations", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", cookie);
    }

    [Fact]
    public async Task TheCultureCookieMakesLaterRequestsEnglish()
    {
        var switched = await _client.GetAsync("/culture/set?culture=en&redirectUri=/");
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie")).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, CulturePath);
        request.Headers.Add("Cookie", cookie);
        var response = await _client.SendAsync(request);

        Assert.Equal("en", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task TheSwitchRefusesToRedirectAnywhereButThisSite(string redirectUri)
    {
        var response = await _client.GetAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString(redirectUri)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task TheSwitchRefusesACultureTheDashboardDoesNotSpeak()
    {
        var response = await _client.GetAsync("/culture/set?culture=fr&redirectUri=/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("zh-CN, en", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/?culture=en", true)]
    [InlineData("/stations/fenglin", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\r\nLocation: https://evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("evil.example", false)]
    [InlineData(null, false)]
    public void OnlyPathsOnThisSiteCountAsLocal(string? url, bool local) =>
        Assert.Equal(local, CultureSwitch.IsLocalUrl(url));
}
