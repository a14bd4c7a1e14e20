using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Components.Analytics;
using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Satisfaction;

/// <summary>Weekly satisfaction rates as lines, one per station or category, with the figures as a table beneath.</summary>
public sealed partial class SatisfactionChart : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    /// <summary>A stable, language-independent name for the chart.</summary>
    [Parameter, EditorRequired] public string Name { get; set; } = "";

    [Parameter, EditorRequired] public IReadOnlyList<RateSeries> Series { get; set; } = [];

    [Parameter, EditorRequired] public IReadOnlyList<DateOnly> Weeks { get; set; } = [];

    /// <summary>The week in progress, whose rate is so far only.</summary>
    [Parameter, EditorRequired] public DateOnly CurrentWeek { get; set; }

    private string WeekLabel(DateOnly week) =>
        week == CurrentWeek ? T["WeekInProgress", ReportWeeks.IsoLabel(week)] : ReportWeeks.IsoLabel(week);

    /// <summary>What to say when nothing is picked.</summary>
    [Parameter, EditorRequired] public string EmptyText { get; set; } = "";

    // Ticks on Mondays, every week or every few weeks so that at most about eight labels fit.
    private object AxisStart => Weeks[0].ToDateTime(TimeOnly.MinValue);

    private object AxisEnd => Weeks[^1].ToDateTime(TimeOnly.MinValue);

    private object AxisStep => TimeSpan.FromDays(7 * Math.Max(1, (int)Math.Ceiling(Weeks.Count / 8.0)));

    private static string Percent(RatePoint point) => AnalyticsFormat.Percent(point.Percent / 100);

    private string Cell(WeeklyRatings week) =>
        week.Rate is null ? "—" : $"{AnalyticsFormat.Percent(week.Rate)} ({T["RatingsCount", week.Ratings]})";
}
