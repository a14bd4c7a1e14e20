using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser.Pages;

/// <summary>The satisfaction page at <c>/satisfaction</c>: weekly rates per station and category, falling stations, low ratings.</summary>
public sealed class SatisfactionPage(BrowserSession session) : DashboardPage(session, "/satisfaction")
{
    protected override string Name => "satisfaction";

    public ILocator StationChartLines => Page.Locator("[data-chart=stations] svg path");

    public ILocator CategoryChartLines => Page.Locator("[data-chart=categories] svg path");

    public ILocator Window => Page.Locator("[data-role=window]");

    public ILocator Declining => Page.Locator("[data-role=declining]");

    /// <summary>The response and resolution rates' trend card.</summary>
    public ILocator GovernanceTrends => Page.Locator("[data-role=governance-trends]");

    /// <summary>The "4-week rolling" choice of the view.</summary>
    public ILocator RollingView => Page.Locator("[data-role=view] >> text=4 周滚动");

    public ILocator NoRatings => Page.Locator("[data-role=no-ratings]");

    /// <summary>The station table's cell (behind "show data") of the week starting <paramref name="week"/> for a line.</summary>
    public ILocator StationCell(string week, string series) =>
        Page.Locator($"[data-table=stations] tr[data-week='{week}'] td[data-series='{series}']");

    public override async Task WaitUntilReadyAsync()
    {
        await base.WaitUntilReadyAsync();
        await Expect(Window).ToBeVisibleAsync();
    }
}
