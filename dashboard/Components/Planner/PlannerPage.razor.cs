using System.Globalization;
using GuoduActors.Dashboard.Components.Satisfaction;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Analytics;
using GuoduActors.Dashboard.Services.Forecasting;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Planner;

/// <summary>
/// The planner page at <c>/planner</c> (planners and leaders): for a station (or the whole sub-district) and a category
/// (or all), the recent daily counts with the forecast and its 80 % band, the next 8 weeks with the staff hours they
/// imply, the model's backtest accuracy, and a retraining on demand. Follows the forecasting service's changes live.
/// </summary>
public sealed partial class PlannerPage : ComponentBase, IDisposable
{
    private Actor? _viewer;
    private bool _denied;
    private ForecastSnapshot _snapshot = ForecastSnapshot.Empty;
    private Roster? _roster;
    private IReadOnlyList<SeriesOption> _stations = [];
    private IReadOnlyList<SeriesOption> _categories = [];
    private string _station = "";
    private string _category = ForecastHierarchy.AllCategories;
    private SimulationStatus? _simulation;
    private DateTimeOffset? _retrainRequestedAt;
    private bool _alreadyRunning;
    private Exception? _failure;
    private CultureInfo _culture = CultureInfo.CurrentCulture;
    private CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IPlannerForecasts Forecasts { get; set; } = null!;
    [Inject] private IRosterSource Roster { get; set; } = null!;
    [Inject] private IOverviewSource Overview { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private ILogger<PlannerPage> Logger { get; set; } = null!;

    private bool MayRetrain => AnalyticsAccess.MayRetrainForecasts(_viewer);

    private PlannerSelection Selection => PlannerSelection.For(_snapshot, _station, _category, Catalogue);

    /// <summary>The CSV of the shown table, from the API (<c>GET /api/forecast/weekly.csv</c>).</summary>
    public string CsvPath => CsvPathOf(_station, _category);

    public static string CsvPathOf(string stationId, string categoryCode) =>
        $"api/forecast/weekly.csv?station={Uri.EscapeDataString(stationId)}"
        + (categoryCode == ForecastHierarchy.AllCategories ? "" : $"&category={Uri.EscapeDataString(categoryCode)}");

    protected override async Task OnInitializedAsync()
    {
        _viewer = await Current.GetAsync();
        _denied = !AnalyticsAccess.MaySeePlanner(_viewer);
        if (_denied)
            return;
        // Changes arrive on the service's threads: render them in the reader's language, as the page was opened.
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        Forecasts.Changed += OnForecastsChanged;
        _snapshot = Forecasts.Current;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _roster = await Roster.GetRosterAsync();
            _stations = PlannerChoices.Stations(_roster);
            _categories = PlannerChoices.Categories(Catalogue, T["PlannerAllCategories"]);
            if (_station.Length == 0)
                _station = _roster.SubDistrict.Id;
            _failure = null;
        }
        catch (Exception e)
        {
            _failure = e;
        }
        try
        {
            _simulation = (await Overview.GetOverviewAsync()).Simulation;
        }
        catch (Exception e)
        {
            // The notice is a label on the figures; the figures stand without it.
            Logger.LogWarning(e, "Could not tell whether the data is simulated");
        }
    }

    private void Retrain()
    {
        if (!MayRetrain)
            return;
        _retrainRequestedAt = Time.GetUtcNow();
        _alreadyRunning = !Forecasts.RequestRetrain();
        _snapshot = Forecasts.Current;
    }

    private void OnForecastsChanged()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        _ = InvokeAsync(() =>
        {
            _snapshot = Forecasts.Current;
            StateHasChanged();
        });
    }

    public void Dispose() => Forecasts.Changed -= OnForecastsChanged;
}
