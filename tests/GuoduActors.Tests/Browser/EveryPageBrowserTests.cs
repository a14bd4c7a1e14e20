using GuoduActors.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// Every page of the dashboard in Chinese, as the person it is for sees it, at 1280×800 and on a 768-px-wide tablet, and in
/// English on the tablet: it
/// loads, shows its content, scrolls no wider than the window, and the browser reports no error. The screenshots are
/// the test's artifacts (<c>artifacts/screenshots/EveryPageBrowserTests.*</c>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private sealed record Visit(string Path, string ReadySelector, (string User, string Password)? SignIn, bool Interactive = true);

    private static readonly (string, string) Leader = ("leader", "Guodu2026");
    private static readonly (string, string) BolangfengStaff = ("bolangfeng", "Bolang2026");

    public static TheoryData<string> Pages => new()
    {
        "overview", "station", "my-station", "tickets", "ticket", "teams", "team", "satisfaction", "reports", "report", "track", "signin",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageShowsItsContentInChineseAt1280AndAt768WithoutSidewaysScrollOrBrowserErrors(string name)
    {
        var visit = await VisitOfAsync(name);
        await using var session = await fixture.OpenSessionAsync(output, new() { ViewportSize = new() { Width = 1280, Height = 800 } }, name);
        if (visit.SignIn is var (user, password))
            await session.SignInAsync(user, password);
        var page = new AnyPage(session, visit.Path, name, visit.ReadySelector, visit.Interactive);

        await page.GotoAsync();
        Assert.Equal("zh-CN", await page.LanguageAsync());
        await Expect(page.Heading.First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, 1280);

        await page.ResizeAsync(768, 1024);
        await AssertNoSidewaysScrollAsync(page, 768);
        session.AssertNoBrowserErrors();
    }

    /// <summary>English labels run longer than Chinese ones: the tablet width is where they would overflow.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageShowsItsContentInEnglishAt768WithoutSidewaysScrollOrBrowserErrors(string name)
    {
        var visit = await VisitOfAsync(name);
        await using var session = await fixture.OpenSessionAsync(output, new() { ViewportSize = new() { Width = 768, Height = 1024 } }, $"{name}-en");
        // The reader's choice as the header's language button stores it.
        await session.Context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString("c=en|uic=en"), Url = fixture.BaseUrl.ToString() }]);
        if (visit.SignIn is var (user, password))
            await session.SignInAsync(user, password);
        var page = new AnyPage(session, visit.Path, $"{name}-en", visit.ReadySelector, visit.Interactive);

        await page.GotoAsync();
        Assert.Equal("en", await page.LanguageAsync());
        await Expect(page.Heading.First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, 768);
        session.AssertNoBrowserErrors();
    }

    private async Task<Visit> VisitOfAsync(string name) => name switch
    {
        "overview" => new("/", "tr[data-station]", Leader),
        "station" => new("/stations/fenglin", "[data-role=children]", Leader),
        // Sends the staff on to their station's page.
        "my-station" => new("/my-station", "[data-role=level]", BolangfengStaff),
        "tickets" => new("/tickets", "[data-role=total]", Leader),
        "ticket" => new($"/tickets/{(await fixture.Api.RegisterCreatedAsync("bolangfeng", Tickets.Sample(), Tickets.NewKey())).Id}",
            "[data-role=actions]", BolangfengStaff),
        "teams" => new("/teams", "[data-role=updated-at]", Leader),
        "team" => new("/teams/haoxiujiang", "[data-role=home]", Leader),
        "satisfaction" => new("/satisfaction", "[data-role=updated-at]", Leader),
        "reports" => new("/reports", "[data-role=week-picker]", Leader),
        "report" => new("/report", "[data-role=report-form]", null),
        "track" => new("/track", "[data-role=track-form]", null),
        "signin" => new("/signin", "[data-role=sign-in-form]", null, Interactive: false),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such page in the tour."),
    };

    private static async Task AssertNoSidewaysScrollAsync(AnyPage page, int width)
    {
        var widths = await page.Page.EvaluateAsync<int[]>("""
            () => {
                const body = document.querySelector('.rz-body') ?? document.body;
                return [document.documentElement.scrollWidth, document.documentElement.clientWidth, body.scrollWidth, body.clientWidth];
            }
            """);
        Assert.True(widths[0] <= widths[1] + 1, $"At {width} px, {page.Path} is {widths[0]} px wide in a {widths[1]} px window.");
        // Radzen's layout scrolls inside its body, so content too wide for it would not widen the document.
        Assert.True(widths[2] <= widths[3] + 1, $"At {width} px, the layout's body of {page.Path} holds {widths[2]} px of content in {widths[3]} px.");
    }
}
