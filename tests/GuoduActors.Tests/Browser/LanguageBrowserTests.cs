using GuoduActors.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser;

/// <summary>The header's language button: Chinese by default, English on request, remembered in a cookie.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string CultureCookie = ".AspNetCore.Culture";

    [Fact]
    public async Task HeaderButtonSwitchesToEnglishAndBackAndTheChoiceSurvivesAReload()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        var overview = new OverviewPage(session);
        await overview.GotoAsync();
        await Expect(overview.Html).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(overview.Heading).ToHaveTextAsync("郭杜街道");
        await Expect(overview.LanguageSwitch).ToContainTextAsync("English");

        await overview.SwitchLanguageAsync();
        await AssertEnglishAsync(overview);
        Assert.Equal("c=en|uic=en", await CultureCookieAsync(session));

        await overview.ReloadAsync();
        await AssertEnglishAsync(overview);

        await overview.SwitchLanguageAsync();
        await Expect(overview.Html).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(overview.Heading).ToHaveTextAsync("郭杜街道");
        await Expect(session.Page).ToHaveTitleAsync("服务站概览 · 家门口服务站治理看板");
        await Expect(overview.LanguageSwitch).ToContainTextAsync("English");
        Assert.Equal("c=zh-CN|uic=zh-CN", await CultureCookieAsync(session));

        await overview.ReloadAsync();
        await Expect(overview.Html).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(overview.Team("haoxiujiang")).ToContainTextAsync("“好修匠”服务队");
        session.AssertNoBrowserErrors();
    }

    private static async Task AssertEnglishAsync(OverviewPage overview)
    {
        await Expect(overview.Html).ToHaveAttributeAsync("lang", "en");
        await Expect(overview.Heading).ToHaveTextAsync("Guodu Sub-district");
        await Expect(overview.Page).ToHaveTitleAsync("Station overview · Doorstep Service Stations — Governance Dashboard");
        await Expect(overview.Team("haoxiujiang")).ToContainTextAsync("\"Good Craftsman\" Repair Team");
        // The button now offers Chinese, written in Chinese.
        await Expect(overview.LanguageSwitch).ToContainTextAsync("中文");
    }

    private static async Task<string?> CultureCookieAsync(BrowserSession session)
    {
        var cookie = (await session.Context.CookiesAsync()).SingleOrDefault(c => c.Name == CultureCookie);
        return cookie is null ? null : Uri.UnescapeDataString(cookie.Value);
    }
}
