using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser.Pages;

/// <summary>The leaders' overview at <c>/</c>: headline figures, the station hierarchy with live counters, the teams.</summary>
public sealed class OverviewPage(BrowserSession session) : DashboardPage(session, "/")
{
    protected override string Name => "overview";

    /// <summary>A headline figure by its stable name: <c>open</c>, <c>overdue</c>, <c>escalated-today</c>, <c>received-today</c>.</summary>
    public ILocator Stat(string name) => Page.Locator($"[data-stat='{name}'] [data-role=value]");

    public async Task<int> StatAsync(string name) => ParseCount(await Stat(name).TextContentAsync());

    /// <summary>How many stations of a level the roster holds: <c>community-stations</c> or <c>compound-stations</c>.</summary>
    public async Task<int> StationCountAsync(string level) =>
        int.Parse(await Page.Locator("[data-role=station-counts]").GetAttributeAsync($"data-{level}") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Station rows on screen: the communities, plus the compounds of every expanded community.</summary>
    public ILocator StationRows => Page.Locator("tr[data-station]");

    public ILocator StationRow(string stationId) => Page.Locator($"tr[data-station='{stationId}']");

    /// <summary>
    /// The row's first open count: a compound's open matters, or a community's own (the second is with its compounds).
    /// Its <c>data-open</c> is the plain number.
    /// </summary>
    public ILocator OpenCount(string stationId) => StationRow(stationId).Locator("[data-open]").First;

    /// <summary>The selector of <see cref="OpenCount"/>, for watches that run inside the page.</summary>
    public static string OpenCountSelector(string stationId) => $"tr[data-station='{stationId}'] [data-open]";

    public ILocator Teams => Page.Locator("[data-team]");

    public ILocator Team(string teamId) => Page.Locator($"[data-team='{teamId}']");

    public ILocator Failure => Page.Locator("[data-role=failure]");

    /// <summary>"Updated at HH:mm:ss": the time of the data shown, renewed by every refresh.</summary>
    public ILocator UpdatedAt => Page.Locator("[data-role=updated-at]");

    /// <summary>Interactive, and the roster has arrived (the prerendered copy may still say "loading").</summary>
    public override async Task WaitUntilReadyAsync()
    {
        await base.WaitUntilReadyAsync();
        await Expect(Stat("open")).ToBeVisibleAsync();
        await Expect(StationRows.First).ToBeVisibleAsync();
    }

    /// <summary>Opens a community's row to show its compound stations.</summary>
    public async Task ExpandAsync(string communityId, string oneOfItsCompounds)
    {
        await StationRow(communityId).Locator(".rz-row-toggler").ClickAsync();
        await Expect(StationRow(oneOfItsCompounds)).ToBeVisibleAsync();
    }
}
