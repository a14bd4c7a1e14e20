using System.Globalization;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>One week's rate for the sparkline: the week's Monday and the rate in percent.</summary>
public sealed record RatePoint(string Week, double Value);

/// <summary>
/// One of the three weekly rates: this week so far, last week for comparison, and a sparkline of the weeks shown
/// (weeks without a rate are gaps, never zeros).
/// </summary>
public sealed partial class RateCard : ComponentBase
{
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;

    /// <summary>A stable, language-independent name: response, resolution or satisfaction.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";
    [Parameter, EditorRequired] public string Label { get; set; } = "";

    /// <summary>How the rate is defined, shown on hover.</summary>
    [Parameter] public string? Definition { get; set; }

    [Parameter, EditorRequired] public IReadOnlyList<WeekRates> Weeks { get; set; } = [];
    [Parameter, EditorRequired] public Func<WeekRates, double?> Rate { get; set; } = _ => null;

    private double? ThisWeek => Weeks.LastOrDefault(w => w.IsToDate) is { } w ? Rate(w) : null;
    private double? LastWeek => Weeks.LastOrDefault(w => !w.IsToDate) is { } w ? Rate(w) : null;

    private IReadOnlyList<RatePoint> Points => Weeks
        .Where(w => Rate(w) is not null)
        .Select(w => new RatePoint(w.WeekStart.ToString("MM-dd", CultureInfo.InvariantCulture), Math.Round(Rate(w)!.Value * 100, 1)))
        .ToList();

    private string VersusLastWeek
    {
        get
        {
            if (LastWeek is not { } last)
                return T["LastWeekNone"];
            if (ThisWeek is not { } now)
                return T["LastWeekOnly", Percent(last)];
            var points = (int)Math.Round((now - last) * 100, MidpointRounding.AwayFromZero);
            return T["VersusLastWeek", Percent(last), points.ToString("+0;-0;±0", CultureInfo.InvariantCulture)];
        }
    }

    private string? TrendStyle => (ThisWeek, LastWeek) switch
    {
        ({ } now, { } last) when now - last >= 0.005 => "color: var(--rz-success)",
        ({ } now, { } last) when last - now >= 0.005 => "color: var(--rz-danger)",
        _ => null,
    };

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "—";
}
