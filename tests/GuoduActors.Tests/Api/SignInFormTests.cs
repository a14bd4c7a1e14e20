using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GuoduActors.Tests.Api;

/// <summary>
/// The dashboard's sign-in: the static form at <c>/signin</c> posts to <c>/account/signin</c>, which checks the form's
/// antiforgery token before the credentials (a form posted from another site must not sign anyone in).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class SignInFormTests(ApiFixture api)
{
    [Fact]
    public async Task TheFormSignsInAndReturnsToThePageAskedFor()
    {
        using var browser = Browser();
        var token = await FormTokenAsync(browser, "/tickets");

        using var response = await PostAsync(browser, token, "fenglin", "Fenglin2026", "/tickets");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tickets", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("guodu.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongPasswordReturnsToTheFormWhichSaysSo()
    {
        using var browser = Browser();
        var token = await FormTokenAsync(browser, "/tickets");

        using var response = await PostAsync(browser, token, "fenglin", "fenglin2026", "/tickets");
        var form = await browser.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("/signin?failed=1&returnUrl=%2Ftickets", response.Headers.Location.OriginalString);
        Assert.Contains("用户名或密码不正确", WebUtility.HtmlDecode(form));
    }

    [Fact]
    public async Task APostWithoutTheFormsTokenSignsNobodyIn()
    {
        using var browser = Browser();

        using var response = await PostAsync(browser, token: null, "fenglin", "Fenglin2026", "/tickets");

        Assert.Equal("/signin?expired=1&returnUrl=%2Ftickets", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("guodu.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AReturnAddressOffThisSiteIsReplacedByTheOverview()
    {
        using var browser = Browser();
        var token = await FormTokenAsync(browser, "//evil.example/");

        using var response = await PostAsync(browser, token, "leader", "Guodu2026", "//evil.example/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    private HttpClient Browser() => api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> FormTokenAsync(HttpClient browser, string returnUrl)
    {
        var html = await browser.GetStringAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new Xunit.Sdk.XunitException("The sign-in page has no antiforgery token.");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string? token, string user, string password, string returnUrl)
    {
        var fields = new Dictionary<string, string> { ["userName"] = user, ["password"] = password, ["returnUrl"] = returnUrl };
        if (token is not null)
            fields["__RequestVerificationToken"] = token;
        return browser.PostAsync("/account/signin", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
