using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser.Pages;

/// <summary>The planner page at <c>/planner</c>: the forecast chart, the backtest accuracy, the 8-week table, retraining.</summary>
public sealed class PlannerPage(BrowserSession session) : DashboardPage(session, "/planner")
{
    protected override string Name => "planner";

    /// <summary>The drawn chart: Radzen renders its SVG once the circuit is up and the chart has its size.</summary>
    public ILocator ChartLines => Page.Locator("[data-chart=planner] svg path");

    public ILocator WeekRows => Page.Locator("[data-table=planner-weeks] tbody tr");

    public ILocator ModelInfo => Page.Locator("[data-role=model-info]");

    public ILocator BacktestWindow => Page.Locator("[data-role=backtest-window]");

    public ILocator Retrain => Page.Locator("[data-role=retrain]");

    public ILocator Training => Page.Locator("[data-role=training]");

    public ILocator SimulatedData => Page.Locator("[data-role=simulated-data]");

    public ILocator CsvLink => Page.Locator("[data-role=csv]");

    public ILocator Cell(ILocator row, string cell) => row.Locator($"[data-cell={cell}]");

    /// <summary>A figure of the accuracy table: <paramref name="metric"/> such as <c>rel-mae</c>, scope <c>series</c> or <c>overall</c>.</summary>
    public ILocator Accuracy(string metric, string scope) => Page.Locator($"[data-table=accuracy] tr[data-metric={metric}] td[data-scope={scope}]");

    public override async Task WaitUntilReadyAsync()
    {
        await base.WaitUntilReadyAsync();
        await Expect(ChartLines.First).ToBeAttachedAsync();
        await Expect(WeekRows).ToHaveCountAsync(8);
    }
}
