using Bunit;
using GuoduActors.Dashboard.Components.Layout;
using GuoduActors.Dashboard.Components.Planner;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Forecasting;
using Radzen.Blazor;

namespace GuoduActors.Tests.Dashboard;

public sealed class PlannerPageTests : AnalyticsPageContext
{
    private readonly FakePlannerForecasts _forecasts = new() { Current = SamplePlanner.Trained() };
    private readonly FakeOverviewSource _overview = new();

    public PlannerPageTests()
    {
        _overview.Returns(SampleOverview.With());
        Services.AddSingleton<IPlannerForecasts>(_forecasts);
        Services.AddSingleton<IOverviewSource>(_overview);
    }

    [Fact]
    public void APlannerSeesTheSubDistrictsForecastChartItsAccuracyAndTheNextEightWeeks()
    {
        SignInAs(Planner);
        var page = Render<PlannerPage>();

        Assert.NotNull(page.Find("[data-chart='planner'] svg"));
        Assert.Contains("模型训练于 2026-11-23 03:04（中国标准时间），训练窗口 2024-11-23 至 2026-11-22，共 5 个序列", page.Find("[data-role='model-info']").TextContent);
        var rows = page.FindAll("[data-table='planner-weeks'] tbody tr");
        Assert.Equal(8, rows.Count);
        Assert.Equal("2026-11-23", rows[0].GetAttribute("data-week"));
        Assert.Equal("70", Cell(rows[0], "expected"));
        Assert.Equal("55 – 85", Cell(rows[0], "interval"));
        // 40 electrical tickets × 1.5 h and 30 heating tickets × 2 h: 120 h for 70 tickets.
        Assert.Equal("120", Cell(rows[0], "hours"));
        Assert.Equal("94.3 – 145.7", Cell(rows[0], "hours-interval"));
        Assert.Equal("0.720", Accuracy(page, "rel-mae", "series"));
        Assert.Equal("3.470", Accuracy(page, "naive-mae", "series"));
        Assert.Equal("81.0%", Accuracy(page, "coverage80", "series"));
        Assert.Equal("0.650", Accuracy(page, "rel-mae", "overall"));
        Assert.Equal("api/forecast/weekly.csv?station=guodu", page.Find("[data-role='csv']").GetAttribute("href"));
    }

    [Fact]
    public void TheChartHasAxisTitlesAndALegendForHistoryForecastAndInterval()
    {
        SignInAs(Planner);
        var page = Render<PlannerPage>();

        var chart = page.Find("[data-chart='planner']").TextContent;
        Assert.Contains("日期", chart);
        Assert.Contains("每日件数", chart);
        Assert.Contains("实际受理", chart);
        Assert.Contains("预测", chart);
        Assert.Contains("80% 预测区间", chart);
        Assert.Equal(3, page.FindComponents<RadzenLineSeries<DayValue>>().Count + page.FindComponents<RadzenRangeAreaSeries<DayBand>>().Count);
    }

    [Fact]
    public async Task ChoosingACategoryShowsItsWeeksWithItsOwnHandlingTime()
    {
        SignInAs(Planner);
        var page = Render<PlannerPage>();

        await ChooseAsync(page, "pick-category", "electrical");

        var first = page.FindAll("[data-table='planner-weeks'] tbody tr")[0];
        Assert.Equal("40", Cell(first, "expected"));
        Assert.Equal("60", Cell(first, "hours"));
        Assert.Equal("45 – 75", Cell(first, "hours-interval"));
        Assert.Equal("api/forecast/weekly.csv?station=guodu&category=electrical", page.Find("[data-role='csv']").GetAttribute("href"));
        Assert.Equal("—", Accuracy(page, "rel-mae", "series"));
        Assert.NotNull(page.Find("[data-role='no-accuracy']"));
    }

    [Fact]
    public async Task AStationAndCategoryWithoutTicketsInTheWindowSaysNoneAreExpected()
    {
        SignInAs(Planner);
        var page = Render<PlannerPage>();

        await ChooseAsync(page, "pick-station", "bolangfeng");

        Assert.Contains("预计为零", page.Find("[data-role='no-series']").TextContent);
        Assert.Empty(page.FindAll("[data-chart='planner']"));
    }

    [Theory]
    [InlineData(0, "各站点还没有记录任何受理量。训练至少需要 196 天")]
    [InlineData(40, "目前只有 40 天的每日受理数据，训练至少需要 196 天")]
    public void WithoutEnoughHistoryThePageSaysSoAndWhatToDo(int days, string explanation)
    {
        _forecasts.Current = ForecastSnapshot.Empty with { Started = true, Shortfall = new HistoryShortfall(SampleOverview.AsOf, days, 196) };
        SignInAs(Planner);
        var page = Render<PlannerPage>();

        var notice = page.Find("[data-role='no-history']").TextContent;
        Assert.Contains("还没有可用于预测的历史数据", notice);
        Assert.Contains(explanation, notice);
        Assert.Contains("--Simulation:SeedHistory=true", notice);
        Assert.Empty(page.FindAll("[data-chart='planner']"));
        Assert.Empty(page.FindAll("[data-table='planner-weeks']"));
    }

    [Fact]
    public void RetrainingOnDemandShowsProgressThenCompletion()
    {
        SignInAs(Planner);
        var page = Render<PlannerPage>();

        page.Find("[data-role='retrain']").Click();

        Assert.Equal(1, _forecasts.RetrainRequests);
        page.WaitForAssertion(() => Assert.Contains("正在训练模型", page.Find("[data-role='training']").TextContent));
        Assert.True(page.Find("[data-role='retrain']").HasAttribute("disabled"));

        Time.Advance(TimeSpan.FromMinutes(2));
        _forecasts.Publish(SamplePlanner.Trained(trainedAt: Time.GetUtcNow()));
        page.WaitForAssertion(() => Assert.Contains("已于", page.Find("[data-role='retrained']").TextContent));
        Assert.Empty(page.FindAll("[data-role='training']"));
    }

    [Fact]
    public void AFailedTrainingIsShownAndThePreviousModelStays()
    {
        _forecasts.Current = SamplePlanner.Trained() with { Failure = new TrainingFailure(SampleOverview.AsOf, "Station grains unavailable") };
        SignInAs(Planner);
        var page = Render<PlannerPage>();

        var failure = page.Find("[data-role='training-failed']").TextContent;
        Assert.Contains("Station grains unavailable", failure);
        Assert.Contains("仍在使用之前的模型", failure);
        Assert.NotNull(page.Find("[data-chart='planner']"));
    }

    [Fact]
    public void SimulatedHistoryIsLabelledAsSimulated()
    {
        _overview.Returns(SampleOverview.With() with { Simulation = new SimulationStatus(SimulationPhase.Seeded, null, null, null, 1000, 10) });
        SignInAs(Planner);
        var page = Render<PlannerPage>();

        Assert.NotNull(page.Find("[data-role='simulated-data']"));
    }

    [Fact]
    public void ALeaderMayRetrainToo()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<PlannerPage>();

        Assert.NotNull(page.Find("[data-table='planner-weeks']"));
        Assert.NotNull(page.Find("[data-role='retrain']"));
    }

    [Theory]
    [InlineData(ActorRole.StationStaff)]
    [InlineData(ActorRole.TeamLead)]
    public void OtherRolesAreToldThePageIsNotForThem(ActorRole role)
    {
        SignInAs(new Actor("someone", role, role == ActorRole.StationStaff ? ["fenglin"] : [], role == ActorRole.TeamLead ? "haoxiujiang" : null, null));
        var page = Render<PlannerPage>();

        Assert.Contains("供规划人员和街道领导使用", page.Find("[data-role='access']").TextContent);
        Assert.Empty(page.FindAll("[data-role='retrain']"));
        Assert.Empty(page.FindAll("[data-table='planner-weeks']"));
        Assert.Equal(0, _forecasts.RetrainRequests);
    }

    [Fact]
    public void SomeoneNotSignedInIsAskedToSignIn()
    {
        var page = Render<PlannerPage>();

        Assert.NotNull(page.Find("[data-role='access'] [data-role='sign-in']"));
        Assert.Empty(page.FindAll("[data-role='retrain']"));
    }

    [Theory]
    [InlineData(ActorRole.Leader, true)]
    [InlineData(ActorRole.Planner, true)]
    [InlineData(ActorRole.StationStaff, false)]
    [InlineData(ActorRole.TeamLead, false)]
    public void TheMenuOffersThePlannerPageToPlannersAndLeaders(ActorRole role, bool offered)
    {
        SignInAs(new Actor("someone", role, role == ActorRole.StationStaff ? ["fenglin"] : [], role == ActorRole.TeamLead ? "haoxiujiang" : null, null));
        var menu = Render<NavMenu>();

        var paths = menu.FindAll("a").Select(a => new Uri(new Uri("http://localhost/"), a.GetAttribute("href")).AbsolutePath).ToList();
        Assert.Equal(offered, paths.Contains("/planner"));
    }

    [Fact]
    public void TheTableAndAccuracyReadInEnglish()
    {
        using var english = new CultureScope("en");
        SignInAs(Planner);
        var page = Render<PlannerPage>();

        Assert.Contains("Demand forecast and staffing", page.Find("h1").TextContent);
        Assert.Contains("Staff hours", page.Find("[data-table='planner-weeks'] thead").TextContent);
        Assert.Contains("Relative MAE", page.Find("[data-table='accuracy']").TextContent);
        Assert.Contains("Retrain now", page.Find("[data-role='retrain']").TextContent);
    }

    private static string Cell(AngleSharp.Dom.IElement row, string cell) => row.QuerySelector($"[data-cell='{cell}']")!.TextContent.Trim();

    private static string Accuracy(IRenderedComponent<PlannerPage> page, string metric, string scope) =>
        page.Find($"[data-table='accuracy'] tr[data-metric='{metric}'] td[data-scope='{scope}']").TextContent.Trim();

    private static async Task ChooseAsync(IRenderedComponent<PlannerPage> page, string picker, string value)
    {
        var dropDown = page.FindComponents<RadzenDropDown<string>>().Single(d => d.Markup.Contains($"data-role=\"{picker}\"", StringComparison.Ordinal));
        await page.InvokeAsync(() => dropDown.Instance.ValueChanged.InvokeAsync(value));
    }
}

/// <summary>The forecasts the test sets; counts retrain requests and starts a training the test completes with <see cref="Publish"/>.</summary>
internal sealed class FakePlannerForecasts : IPlannerForecasts
{
    public ForecastSnapshot Current { get; set; } = ForecastSnapshot.Empty;

    public int RetrainRequests { get; private set; }

    public event Action? Changed;

    public bool RequestRetrain()
    {
        RetrainRequests++;
        if (Current.IsTraining)
            return false;
        Publish(Current with { TrainingSince = SampleOverview.AsOf });
        return true;
    }

    public void Publish(ForecastSnapshot snapshot)
    {
        Current = snapshot;
        Changed?.Invoke();
    }
}

/// <summary>A trained model's state by hand: the sub-district and Fenglin, all categories, electrical and heating.</summary>
internal static class SamplePlanner
{
    public static readonly DateOnly Origin = new(2026, 11, 23);

    public static ForecastSnapshot Trained(DateTimeOffset? trainedAt = null)
    {
        var at = trainedAt ?? new DateTimeOffset(2026, 11, 23, 3, 4, 0, TimeSpan.FromHours(8));
        SeriesView[] series =
        [
            View("guodu", ForecastHierarchy.AllCategories, 70, 55, 85, Accuracy("guodu")),
            View("guodu", "electrical", 40, 30, 50, null),
            View("guodu", "heating", 30, 20, 40, null),
            View("fenglin", ForecastHierarchy.AllCategories, 7, 4, 10, Accuracy("fenglin")),
            View("fenglin", "electrical", 7, 4, 10, null),
        ];
        var origins = Enumerable.Range(0, 8).Select(k => Origin.AddDays(28 * (k - 8))).ToList();
        return new ForecastSnapshot
        {
            SubDistrictId = "guodu",
            Model = new ForecastModelInfo(ForecastFeatures.Version, at, Origin.AddDays(-730), Origin.AddDays(-1), 28, 8, "cn", series.Length, 10_000, 30,
                new IntervalCalibration(0.8, [], []), null),
            Backtest = new BacktestReport(28, origins, [Accuracy("guodu"), Accuracy("fenglin")],
                Accuracy(Backtester.OverallName) with { RelMae = 0.65 }, 120),
            Series = series.ToDictionary(s => s.Key.Name, StringComparer.Ordinal),
            ForecastedAt = at,
            Started = true,
        };
    }

    private static SeriesAccuracy Accuracy(string series) =>
        new(series, 224, 2.5, 0.9, 0.81, 0.72, new MethodAccuracy(3.47, 1.25, null, 1.0), new MethodAccuracy(3.0, 1.1, null, 0.86));

    private static SeriesView View(string station, string category, float week, float lower, float upper, SeriesAccuracy? accuracy)
    {
        var key = new SeriesKey(ForecastHierarchy.SeriesName(station, category), station, category);
        var daily = Enumerable.Range(0, 28).Select(d => new DailyForecast(Origin.AddDays(d), week / 7, lower / 7, upper / 7)).ToList();
        var weekly = Enumerable.Range(0, 8).Select(w => new WeeklyForecast(Origin.AddDays(7 * w), week, lower, upper)).ToList();
        var recent = Enumerable.Repeat(week / 7, ForecastingService.RecentDays).ToList();
        return new SeriesView(key, Origin.AddDays(-ForecastingService.RecentDays), recent, new SeriesForecast(key, Origin, daily, weekly), accuracy);
    }
}
