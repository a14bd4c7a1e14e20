using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Sla;

namespace GuoduActors.Dashboard.Components.Satisfaction;

/// <summary>Something a line can be drawn for: a station, the whole sub-district, or a category.</summary>
public sealed record SeriesOption(string Key, string Name, bool IsPlaceholder = false);

/// <summary>One point of a line: a week with ratings, its rate as a percentage and how many ratings it rests on.</summary>
public sealed record RatePoint(DateTime Week, double Percent, int Ratings);

/// <summary>One line of a chart: the weekly satisfaction of one station or category.</summary>
public sealed record RateSeries(string Key, string Name, IReadOnlyList<WeeklyRatings> Weeks)
{
    /// <summary>
    /// A line of another rate in the same terms: per week its numerator as the "satisfied" and its denominator as the
    /// "rated", so the chart draws numerator ÷ denominator and leaves a week with nothing to count empty.
    /// </summary>
    public static RateSeries FromParts(string key, string name, IReadOnlyList<DateOnly> weeks, IReadOnlyList<RateParts> parts) =>
        new(key, name, [.. weeks.Select((week, i) => new WeeklyRatings(week, parts[i].Denominator, parts[i].Numerator))]);

    /// <summary>The weeks with ratings: a week nobody rated has no rate, so the line skips it rather than dropping to 0.</summary>
    public IReadOnlyList<RatePoint> Points { get; } = Weeks
        .Where(w => w.Rate is not null)
        .Select(w => new RatePoint(w.WeekStart.ToDateTime(TimeOnly.MinValue), Math.Round(w.Rate!.Value * 100, 1), w.Ratings))
        .ToList();
}

/// <summary>A station the decline test flagged, with the evidence.</summary>
public sealed record DecliningStation(string StationId, string Name, bool IsPlaceholder, DeclineResult Result);

/// <summary>A rating of 1 or 2 with what the resident said, newest first on the page.</summary>
public sealed record LowRating(
    string TicketId, string StationName, string CategoryName, int Rating, DateTimeOffset ClosedAt, string Description, string? Comment, bool CommentRead);

/// <summary>
/// The satisfaction page's figures, built once per read of the ratings: every station's and category's weekly counts,
/// the decline test of every station, and the most recent low ratings. Lines are then drawn for whichever stations and
/// categories the reader picks, without reading again.
/// </summary>
public sealed class SatisfactionModel
{
    /// <summary>The key of the whole sub-district's line among the stations.</summary>
    public const string AllStations = "*";

    private readonly ILookup<string, RatedTicket> _byStation;
    private readonly ILookup<string, RatedTicket> _byCategory;
    private readonly IReadOnlyList<RatedTicket> _inChart;
    private readonly IReadOnlyList<RatedTicket> _forRolling;
    private readonly Func<string?, string> _categoryKey;

    private SatisfactionModel(
        IReadOnlyList<DateOnly> weeks, IReadOnlyList<RatedTicket> inChart, IReadOnlyList<RatedTicket> forRolling, IReadOnlyList<SeriesOption> stations,
        IReadOnlyList<SeriesOption> categories, Func<string?, string> categoryKey, IReadOnlyList<DecliningStation> declining, int tested, int tooFew,
        IReadOnlyList<RatedTicket> low)
    {
        Weeks = weeks;
        _inChart = inChart;
        _forRolling = forRolling;
        _byStation = inChart.ToLookup(r => r.OwnerId, StringComparer.Ordinal);
        _categoryKey = categoryKey;
        _byCategory = inChart.ToLookup(r => categoryKey(r.CategoryCode), StringComparer.Ordinal);
        Stations = stations;
        Categories = categories;
        Declining = declining;
        StationsTested = tested;
        StationsWithTooFewRatings = tooFew;
        LowRatings = low;
    }

    /// <summary>The weeks the charts show, oldest first: the completed weeks, then the week in progress.</summary>
    public IReadOnlyList<DateOnly> Weeks { get; }

    /// <summary>The charted weeks with the three before them, whose ratings the 4-week rolling view of the first weeks pools.</summary>
    public IReadOnlyList<DateOnly> RollingWeeks => WeeklyRatings.WeeksEndingWith(Weeks[^1], Weeks.Count + RateTrends.RollingWeeks - 1);

    /// <summary>The week in progress: its rate so far is drawn, but the decline test leaves it out.</summary>
    public DateOnly CurrentWeek => Weeks[^1];

    /// <summary>The last completed week: where the decline test ends.</summary>
    public DateOnly LastWeek => Weeks[^2];

    /// <summary>The first week shown.</summary>
    public DateOnly FirstWeek => Weeks[0];

    /// <summary>The whole sub-district first, then the office, the level-1 and the level-2 stations in roster order.</summary>
    public IReadOnlyList<SeriesOption> Stations { get; }

    /// <summary>The catalogue's categories in its order.</summary>
    public IReadOnlyList<SeriesOption> Categories { get; }

    /// <summary>Stations whose satisfaction the test found falling, most significant first.</summary>
    public IReadOnlyList<DecliningStation> Declining { get; }

    /// <summary>Stations with enough ratings in both windows to be tested.</summary>
    public int StationsTested { get; }

    /// <summary>Stations with some ratings in the test's twelve weeks but too few to be tested.</summary>
    public int StationsWithTooFewRatings { get; }

    /// <summary>The most recent ratings of 1–2 since the first charted week, newest first.</summary>
    public IReadOnlyList<RatedTicket> LowRatings { get; }

    /// <summary>Ratings counted in the charts.</summary>
    public int RatingCount => _inChart.Count;

    /// <summary>
    /// Builds the model from every rating given since the first charted week (or the decline test's first week, if earlier).
    /// </summary>
    /// <param name="ratings">The ratings read, in any order.</param>
    /// <param name="roster">For station names.</param>
    /// <param name="catalogue">For category names; a ticket without a category counts under the catalogue's fallback.</param>
    /// <param name="now">Decides the week in progress and the last completed week, where the test stops.</param>
    /// <param name="weekCount">How many completed weeks the charts show (the week in progress is added).</param>
    /// <param name="detector">The decline test.</param>
    /// <param name="maxLowRatings">How many low ratings to keep (their comments are read one ticket at a time).</param>
    public static SatisfactionModel Build(
        IReadOnlyList<RatedTicket> ratings, Roster roster, Catalogue catalogue, DateTimeOffset now, int weekCount,
        SatisfactionDeclineDetector detector, int maxLowRatings)
    {
        var lastWeek = ReportWeeks.LastCompleted(now);
        var weeks = WeeklyRatings.WeeksEndingWith(ReportWeeks.Containing(now), weekCount + 1);
        var chartFrom = ReportWeeks.StartOf(weeks[0]);
        var chartTo = ReportWeeks.EndOf(weeks[^1]);
        string CategoryKey(string? code) => catalogue.Resolve(code).Code;

        var stations = new List<SeriesOption> { new(AllStations, DashboardCultures.Pick(roster.SubDistrict.NameZh, roster.SubDistrict.NameEn)) };
        stations.Add(new SeriesOption(roster.SubDistrict.Id, DashboardCultures.Pick(roster.SubDistrict.OfficeNameZh, roster.SubDistrict.OfficeNameEn)));
        stations.AddRange(roster.Stations.OrderBy(s => s.Level).Select(s => new SeriesOption(s.Id, DashboardCultures.Pick(s.NameZh, s.NameEn), s.IsPlaceholder)));
        var categories = catalogue.Categories.Select(c => new SeriesOption(c.Code, DashboardCultures.Pick(c.NameZh, c.NameEn))).ToList();

        // The test reads its own twelve weeks, whatever the charts show.
        var testWeeks = WeeklyRatings.WeeksEndingWith(lastWeek, detector.Options.TotalWeeks);
        var testFrom = ReportWeeks.StartOf(testWeeks[0]);
        var declining = new List<DecliningStation>();
        int tested = 0, tooFew = 0;
        foreach (var group in ratings.Where(r => r.ClosedAt >= testFrom && r.ClosedAt < ReportWeeks.EndOf(lastWeek)).GroupBy(r => r.OwnerId, StringComparer.Ordinal))
        {
            var result = detector.Evaluate(WeeklyRatings.Count(group, testWeeks), lastWeek);
            if (result.Verdict == DeclineVerdict.TooFewRatings)
            {
                tooFew++;
                continue;
            }
            tested++;
            if (result.IsDeclining && stations.Find(s => s.Key == group.Key) is { } station)
                declining.Add(new DecliningStation(station.Key, station.Name, station.IsPlaceholder, result));
        }

        var inChart = ratings.Where(r => r.ClosedAt >= chartFrom && r.ClosedAt < chartTo).ToList();
        var rollingFrom = ReportWeeks.StartOf(weeks[0].AddDays(-7 * (RateTrends.RollingWeeks - 1)));
        var forRolling = ratings.Where(r => r.ClosedAt >= rollingFrom && r.ClosedAt < chartTo).ToList();
        var low = ratings.Where(r => r.IsLow && r.ClosedAt >= chartFrom).OrderByDescending(r => r.ClosedAt).Take(maxLowRatings).ToList();
        return new SatisfactionModel(weeks, inChart, forRolling, stations, categories, CategoryKey,
            declining.OrderBy(d => d.Result.PValue).ToList(), tested, tooFew, low);
    }

    /// <summary>The line of a station (its own tickets) or, for <see cref="AllStations"/>, of the whole sub-district.</summary>
    public RateSeries StationSeries(string key, bool rolling = false) =>
        new(key, Stations.FirstOrDefault(s => s.Key == key)?.Name ?? key,
            rolling
                ? WeeklyRatings.Rolling(WeeklyRatings.Count(_forRolling.Where(r => key == AllStations || r.OwnerId == key), RollingWeeks))
                : WeeklyRatings.Count(key == AllStations ? _inChart : _byStation[key], Weeks));

    /// <summary>The line of a category over every station.</summary>
    public RateSeries CategorySeries(string code, bool rolling = false) =>
        new(code, Categories.FirstOrDefault(c => c.Key == code)?.Name ?? code,
            rolling
                ? WeeklyRatings.Rolling(WeeklyRatings.Count(_forRolling.Where(r => _categoryKey(r.CategoryCode) == code), RollingWeeks))
                : WeeklyRatings.Count(_byCategory[code], Weeks));

    /// <summary>The whole sub-district and the flagged stations; with none flagged, the stations rated most.</summary>
    public IReadOnlyList<string> DefaultStations(int max)
    {
        var extra = Declining.Count > 0
            ? Declining.Select(d => d.StationId)
            : _byStation.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        return extra.Prepend(AllStations).Take(max).ToList();
    }

    /// <summary>The categories rated most in the charted weeks.</summary>
    public IReadOnlyList<string> DefaultCategories(int max) =>
        _byCategory.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(max).ToList();

    public string StationName(string id) => Stations.FirstOrDefault(s => s.Key == id)?.Name ?? id;

    public string CategoryName(string? code) => Categories.FirstOrDefault(c => c.Key == _categoryKey(code))?.Name ?? code ?? "";
}
