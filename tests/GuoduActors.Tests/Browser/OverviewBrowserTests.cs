using GuoduActors.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser;

/// <summary>The overview in a real browser, against the real silo process on Azure Tables.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task OverviewShowsTheRosterInChineseByDefault()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        var overview = new OverviewPage(session);
        await overview.GotoAsync();

        Assert.Equal("zh-CN", await overview.LanguageAsync());
        await Expect(overview.Heading).ToHaveTextAsync("郭杜街道");
        Assert.Equal(33, await overview.StationCountAsync("community-stations"));
        Assert.Equal(38, await overview.StationCountAsync("compound-stations"));
        await Expect(overview.StationRows).ToHaveCountAsync(33);
        await Expect(overview.StationRow("fenglin")).ToContainTextAsync("凤林社区");
        await Expect(overview.Teams).ToHaveCountAsync(3);
        await Expect(overview.Team("haoxiujiang")).ToContainTextAsync("“好修匠”服务队");
        await Expect(overview.Team("bolangfeng-safety")).ToContainTextAsync("铂琅峯平安志愿服务队");
        await Expect(overview.Team("aishang-shuhua")).ToContainTextAsync("“爱尚书画人人乐”");

        // Expanding is a click the circuit handles: the compounds of Fenglin appear under it.
        await overview.ExpandAsync("fenglin", "bolangfeng");
        await Expect(overview.StationRow("bolangfeng")).ToContainTextAsync("铂琅峯小区");
        await overview.ScreenshotAsync("fenglin-expanded");
        session.AssertNoBrowserErrors();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task OverviewKeepsRefreshingWithoutBrowserErrors(string culture)
    {
        await using var session = await fixture.OpenSessionAsync(output, variant: culture);
        var overview = new OverviewPage(session);
        await overview.GotoInAsync(culture);
        var firstUpdate = await overview.UpdatedAt.TextContentAsync();

        // The page refreshes at least every two seconds; errors of a refresh would only show after one.
        await Expect(overview.UpdatedAt).Not.ToHaveTextAsync(firstUpdate ?? "");
        await overview.ExpandAsync("fenglin", "bolangfeng");
        await Expect(overview.Failure).ToHaveCountAsync(0);
        session.AssertNoBrowserErrors();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task OverviewAt768PixelsWideDoesNotScrollSideways(string culture)
    {
        await using var session = await fixture.OpenSessionAsync(output, new() { ViewportSize = new() { Width = 768, Height = 1024 } }, culture);
        var overview = new OverviewPage(session);
        await overview.GotoInAsync(culture);
        // The nested grid of an expanded community is the widest thing on the page.
        await overview.ExpandAsync("fenglin", "bolangfeng");
        await overview.ScreenshotAsync("768-expanded");

        var widths = await overview.WidthsAsync();
        Assert.True(widths.Document <= widths.Window, $"The page is {widths.Document} px wide in a {widths.Window} px window ({culture}).");
        // Radzen's layout scrolls inside its body, so content too wide for it would not widen the document.
        Assert.True(widths.Body <= widths.BodyVisible, $"The layout's body holds {widths.Body} px of content in {widths.BodyVisible} px ({culture}).");
        session.AssertNoBrowserErrors();
    }
}
