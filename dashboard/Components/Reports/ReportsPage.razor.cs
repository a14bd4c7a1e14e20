using GuoduActors.Dashboard.Components.Analytics;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Analytics;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Reports;

/// <summary>A week in the picker: its Monday and how the reader reads it.</summary>
public sealed record WeekOption(DateOnly Monday, string Label);

/// <summary>
/// The weekly reports (周汇总) at <c>/reports?week=yyyy-MM-dd</c>: one week's figures and three rates per station, office →
/// level-1 aggregate → its level-2 stations, with the same week as a CSV file from the API; leaders may compile a week
/// that the schedule has not compiled yet. Station staff see their stations only.
/// </summary>
public sealed partial class ReportsPage : ComponentBase
{
    private Actor? _viewer;
    private bool _denied;
    private bool _mayCompile;
    private bool _expandAll;
    private IReadOnlyList<WeekOption> _weeks = [];
    private DateOnly _week;
    private string? _loadedQuery;
    private string? _weekNotice;
    private ReportsModel? _model;
    private Exception? _failure;
    private bool _compiling;
    private (bool Failed, string Message)? _compiled;

    /// <summary>The week's Monday as <c>yyyy-MM-dd</c>; omitted: the last completed week.</summary>
    [SupplyParameterFromQuery(Name = "week")] public string? WeekQuery { get; set; }

    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IRosterSource Roster { get; set; } = null!;
    [Inject] private IWeeklyReportSource Reports { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private ILogger<ReportsPage> Logger { get; set; } = null!;

    /// <summary>The CSV export of the shown week, from the API (<c>GET /api/reports/weekly.csv</c>).</summary>
    public string CsvPath => CsvPathOf(_week);

    public static string CsvPathOf(DateOnly week) => $"api/reports/weekly.csv?week={week:yyyy-MM-dd}";

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedQuery is not null && _loadedQuery == (WeekQuery ?? ""))
            return;
        _loadedQuery = WeekQuery ?? "";
        _viewer ??= await Current.GetAsync();
        _denied = !AnalyticsAccess.MaySeeReports(_viewer);
        _mayCompile = AnalyticsAccess.MayCompileReports(_viewer);
        _expandAll = _viewer?.Role == ActorRole.StationStaff;
        if (_denied)
            return;

        var now = Time.GetUtcNow();
        var last = ReportWeeks.LastCompleted(now);
        var oldest = ReportWeeks.OldestKept(now);
        _weeks = Enumerable.Range(0, ReportWeeks.WindowWeeks).Select(i => last.AddDays(-7 * i)).Where(w => w >= oldest)
            .Select(w => new WeekOption(w, AnalyticsFormat.Week(w))).ToList();
        _weekNotice = null;
        _week = last;
        if (!string.IsNullOrEmpty(WeekQuery))
        {
            if (!ReportWeeks.TryParse(WeekQuery, out var asked, out _))
                _weekNotice = T["WeekNotAMonday", WeekQuery, AnalyticsFormat.Week(last)];
            else if (_weeks.All(w => w.Monday != asked))
                _weekNotice = T["WeekOutOfRange", asked.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), AnalyticsFormat.Week(last)];
            else
                _week = asked;
        }
        await LoadAsync();
    }

    private async Task ChangeWeekAsync(DateOnly week)
    {
        _week = week;
        _compiled = null;
        _loadedQuery = week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // The address names the week, so it can be bookmarked and shared; the parameters then match what is loaded.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("week", _loadedQuery), replace: true);
        _weekNotice = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _model = null;
        try
        {
            var roster = await Roster.GetRosterAsync();
            _model = ReportsModel.Build(await Reports.GetWeekAsync(_week), roster, _viewer!);
            _failure = null;
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }

    private async Task CompileAsync()
    {
        if (!_mayCompile || _compiling)
            return;
        _compiling = true;
        _compiled = null;
        try
        {
            var reports = await Reports.CompileAsync(_week);
            _compiled = (false, T["CompileDone", ReportWeeks.IsoLabel(_week), reports.Count]);
            _model = ReportsModel.Build(reports, await Roster.GetRosterAsync(), _viewer!);
            _failure = null;
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Compiling the weekly reports of {Week} failed", _week);
            _compiled = (true, T["CompileFailed", ReportWeeks.IsoLabel(_week), e.Message]);
        }
        finally
        {
            _compiling = false;
        }
    }
}
