using System.Globalization;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services.Forecasting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Planner;

/// <summary>
/// The backtest beside the chart, for the chosen series and pooled over all: the model's MAE and MASE against
/// seasonal-naive's, the relative MAE and the 80 % interval's coverage — so nobody trusts a forecast blindly.
/// </summary>
public sealed partial class PlannerAccuracy : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public SeriesView Series { get; set; } = null!;

    [Parameter] public BacktestReport? Backtest { get; set; }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.CurrentCulture) : "—";
}
