using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Analytics;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Satisfaction;

/// <summary>
/// Satisfaction at <c>/satisfaction</c> (leaders and planners): the weekly satisfaction rate per station and per category,
/// the stations whose satisfaction is falling, and what residents said when they rated 1 or 2.
/// </summary>
public sealed partial class SatisfactionPage : ComponentBase
{
    public const int MaxLines = 6;
    public static readonly IReadOnlyList<int> WeekChoices = [12, 26, 52];

    private Actor? _viewer;
    private bool _denied;
    private bool _loading;
    private int _weekCount = WeekChoices[0];
    private SatisfactionModel? _model;
    private IEnumerable<string> _stations = [];
    private IEnumerable<string> _categories = [];
    private IReadOnlyList<LowRating> _low = [];
    private bool _commentsFailed;
    // Comments by ticket and closing time: a ticket reopened and rated again has a new comment.
    private readonly Dictionary<(string, DateTimeOffset), string?> _comments = [];
    private DateTimeOffset _asOf;
    private Exception? _failure;
    private bool _rolling;
    private GovernanceRate _rate = GovernanceRate.Response;
    private string _officeId = "";
    // The compiled weekly reports of the charted weeks and the three before them, by week.
    private IReadOnlyDictionary<DateOnly, IReadOnlyList<WeeklyReport>> _reports = new Dictionary<DateOnly, IReadOnlyList<WeeklyReport>>();
    private bool _reportsFailed;

    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IRosterSource Roster { get; set; } = null!;
    [Inject] private IRatingSource Ratings { get; set; } = null!;
    [Inject] private IWeeklyReportSource Reports { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private ILogger<SatisfactionPage> Logger { get; set; } = null!;

    /// <summary>The decline test the page applies and states.</summary>
    public SatisfactionDeclineDetector Detector { get; } = new();

    private IReadOnlyList<RateSeries> StationLines => _model is null ? [] : _stations.Select(k => _model.StationSeries(k, _rolling)).ToList();

    private IReadOnlyList<RateSeries> CategoryLines => _model is null ? [] : _categories.Select(c => _model.CategorySeries(c, _rolling)).ToList();

    /// <summary>The completed weeks of the charts: only those have compiled reports.</summary>
    private IReadOnlyList<DateOnly> ReportWeeksShown => _model is null ? [] : _model.Weeks.Take(_model.Weeks.Count - 1).ToList();

    /// <summary>The response or resolution rate of each picked station (its own tickets; the whole sub-district's from the office's aggregate).</summary>
    private IReadOnlyList<RateSeries> GovernanceLines
    {
        get
        {
            if (_model is null)
                return [];
            var shown = ReportWeeksShown;
            var read = WeeklyRatings.WeeksEndingWith(shown[^1], shown.Count + RateTrends.RollingWeeks - 1);
            return _stations.Select(key =>
            {
                var all = key == SatisfactionModel.AllStations;
                var parts = RateTrends.FromReports(_reports, read, all ? _officeId : key, officeAggregate: all, _rate);
                return RateSeries.FromParts(key, _model.StationName(key), shown, _rolling ? RateTrends.Rolling(parts) : parts.Skip(RateTrends.RollingWeeks - 1).ToList());
            }).ToList();
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _viewer = await Current.GetAsync();
        _denied = !AnalyticsAccess.MaySeeSatisfaction(_viewer);
        if (!_denied)
            await LoadAsync();
    }

    private async Task ChangeWeeksAsync(int weeks)
    {
        _weekCount = weeks;
        await LoadAsync();
    }

    private void ChangeStations(IEnumerable<string> keys) => _stations = keys.Take(MaxLines).ToList();

    private void ChangeCategories(IEnumerable<string> codes) => _categories = codes.Take(MaxLines).ToList();

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            var now = Time.GetUtcNow();
            // The charted weeks, or the decline test's twelve if they reach further back, up to the week in progress.
            // The rolling view of the first charted week pools the three weeks before it.
            var span = Math.Max(_weekCount + RateTrends.RollingWeeks - 1, Detector.Options.TotalWeeks);
            var from = ReportWeeks.StartOf(ReportWeeks.LastCompleted(now).AddDays(-7 * (span - 1)));
            var roster = await Roster.GetRosterAsync();
            _officeId = roster.SubDistrict.Id;
            var ratings = await Ratings.GetRatingsAsync(from, ReportWeeks.EndOf(ReportWeeks.Containing(now)));
            var model = SatisfactionModel.Build(ratings, roster, Catalogue, now, _weekCount, Detector, IRatingSource.MaxComments);

            // Keep the reader's choice across refreshes; on the first read, start from what needs attention.
            var first = _model is null;
            _stations = first ? model.DefaultStations(MaxLines) : _stations.Where(k => model.Stations.Any(s => s.Key == k)).ToList();
            _categories = first ? model.DefaultCategories(3) : _categories;
            _model = model;
            await ReadCommentsAsync(model);
            await ReadReportsAsync(model);
            _asOf = now;
            _failure = null;
        }
        catch (Exception e)
        {
            _failure = e;
        }
        finally
        {
            _loading = false;
        }
    }

    /// <summary>The compiled weekly reports behind the response and resolution trends: one read of the office per week.</summary>
    private async Task ReadReportsAsync(SatisfactionModel model)
    {
        var weeks = WeeklyRatings.WeeksEndingWith(model.LastWeek, _weekCount + RateTrends.RollingWeeks - 1);
        try
        {
            var read = await Task.WhenAll(weeks.Select(async week => (Week: week, Reports: await Reports.GetWeekAsync(week))));
            _reports = read.ToDictionary(r => r.Week, r => r.Reports);
            _reportsFailed = false;
        }
        catch (Exception e)
        {
            // The satisfaction figures stand without the other two rates; the card says they could not be read.
            _reportsFailed = true;
            Logger.LogWarning(e, "The weekly reports of {Count} weeks could not be read", weeks.Count);
        }
    }

    private async Task ReadCommentsAsync(SatisfactionModel model)
    {
        var missing = model.LowRatings.Where(r => !_comments.ContainsKey((r.TicketId, r.ClosedAt))).ToList();
        _commentsFailed = false;
        if (missing.Count > 0)
        {
            try
            {
                var read = await Ratings.GetCommentsAsync(missing.Select(r => r.TicketId).ToList());
                foreach (var rating in missing.Where(r => read.ContainsKey(r.TicketId)))
                    _comments[(rating.TicketId, rating.ClosedAt)] = read[rating.TicketId];
            }
            catch (Exception e)
            {
                // The ratings stand without their comments; the panel says the comments could not be read.
                _commentsFailed = true;
                Logger.LogWarning(e, "The comments of {Count} low ratings could not be read", missing.Count);
            }
        }
        _low = model.LowRatings
            .Select(r => new LowRating(r.TicketId, model.StationName(r.OwnerId), model.CategoryName(r.CategoryCode), r.Rating, r.ClosedAt, r.Description,
                _comments.GetValueOrDefault((r.TicketId, r.ClosedAt)), _comments.ContainsKey((r.TicketId, r.ClosedAt))))
            .ToList();
    }
}
