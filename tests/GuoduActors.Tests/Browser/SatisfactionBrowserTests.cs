using GuoduActors.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SatisfactionBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ALeaderSeesTheWeeksRatingInTheSubDistrictsLineAndTheDeclineTest()
    {
        // A resident's rating of this week, through the API as it happens: registered, classified, routed, resolved, rated 5.
        using var leader = new HttpClient { BaseAddress = fixture.BaseUrl };
        leader.DefaultRequestHeaders.Authorization = GovernanceScene.Leader;
        await using var scene = await GovernanceScene.CreateAsync(leader, SceneTickets.Closed);
        await using var session = await fixture.OpenSessionAsync(output);
        await session.SignInAsync("leader", "Guodu2026");
        var satisfaction = new SatisfactionPage(session);

        await satisfaction.GotoAsync();

        await Expect(satisfaction.Heading).ToHaveTextAsync("群众满意度");
        await Expect(satisfaction.StationChartLines.First).ToBeAttachedAsync();
        await Expect(satisfaction.NoRatings).ToHaveCountAsync(0);
        await Expect(satisfaction.Declining).ToBeVisibleAsync();
        var thisWeek = ReportWeeks.Containing(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(satisfaction.StationCell(thisWeek, "*")).ToContainTextAsync("条评价");
        await Expect(satisfaction.Page.Locator("[data-chart=stations]")).ToContainTextAsync("满意率");
        await Expect(satisfaction.GovernanceTrends).ToContainTextAsync("响应率与解决率趋势");
        await satisfaction.RollingView.ClickAsync();
        await Expect(satisfaction.StationCell(thisWeek, "*")).ToContainTextAsync("条评价");
        await satisfaction.ScreenshotAsync("rated");
        session.AssertNoBrowserErrors();
    }
}
