using System.Text.Json;
using GuoduActors.Tests.Browser.Pages;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// Cookie sign-in as the dashboard does it (<c>POST /account/signin</c>, the form its sign-in page will post), then the
/// pages as that user. There is no sign-in page yet: the form is posted through the browser context's request API, which
/// shares the context's cookies.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task LeaderSignedInWithTheCookieUsesTheOverviewAsLeader()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        await session.SignInAsync("leader", "Guodu2026");
        var overview = new OverviewPage(session);
        await overview.GotoAsync();

        // The browser itself carries the cookie: a request made by the page's own script is the leader's.
        var me = await session.Page.EvaluateAsync<JsonElement>("() => fetch('/api/me').then(r => r.json())");
        Assert.Equal("Leader", me.GetProperty("role").GetString());
        var cookie = Assert.Single(await session.Context.CookiesAsync(), c => c.Name == "guodu.auth");
        Assert.True(cookie.HttpOnly, "The sign-in cookie must not be readable by scripts.");
        Assert.Equal(33, await overview.StationCountAsync("community-stations"));
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task WrongPasswordLeavesTheBrowserSignedOutAndSaysSoOnTheSignInPage()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        await session.Page.GotoAsync("/signin?returnUrl=%2F");
        await session.Page.FillAsync("#userName", "leader");
        await session.Page.FillAsync("#password", "not-the-password");

        await session.Page.ClickAsync("[data-role=sign-in]");

        await session.Page.WaitForURLAsync(url => url.Contains("failed=1", StringComparison.Ordinal));
        await Microsoft.Playwright.Assertions.Expect(session.Page.Locator("[data-role=sign-in-error]")).ToBeVisibleAsync();
        Assert.DoesNotContain(await session.Context.CookiesAsync(), c => c.Name == "guodu.auth");
        var me = await session.Context.APIRequest.GetAsync("/api/me");
        Assert.Equal(401, me.Status);
    }
}
