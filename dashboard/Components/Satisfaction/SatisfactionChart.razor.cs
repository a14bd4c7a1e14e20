using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Components.Analytics;
using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen.Blazor;

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

    /// <summary>The value axis' title; the satisfaction rate's unless another rate is drawn.</summary>
    [Parameter] public string? AxisTitle { get; set; }

    /// <summary>The resource key of "{0} …" saying how many cases a week's rate rests on (its denominator).</summary>
    [Parameter] public string CountKey { get; set; } = "RatingsCount";

    /// <summary>What to say when nothing is picked.</summary>
    [Parameter, EditorRequired] public string EmptyText { get; set; } = "";

    // Ticks on Mondays, every week or every few weeks so that at most about eight labels fit.
    private object AxisStart => Weeks[0].ToDateTime(TimeOnly.MinValue);

    private object AxisEnd => Weeks[^1].ToDateTime(TimeOnly.MinValue);

    private object AxisStep => TimeSpan.FromDays(7 * Math.Max(1, (int)Math.Ceiling(Weeks.Count / 8.0)));

    // Okabe–Ito colours, told apart also by readers with colour-blindness, and a marker shape per line besides.
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
    private static readonly MarkerType[] Markers = [MarkerType.Circle, MarkerType.Square, MarkerType.Diamond, MarkerType.Triangle, MarkerType.Circle, MarkerType.Square];

    private static string Colour(int line) => Colours[line % Colours.Length];

    private static MarkerType Marker(int line) => Markers[line % Markers.Length];

    private static string Percent(RatePoint point) => AnalyticsFormat.Percent(point.Percent / 100);

    private string Cell(WeeklyRatings week) =>
        week.Rate is null ? "—" : $"{AnalyticsFormat.Percent(week.Rate)} ({T[CountKey, week.Ratings]})";
}
