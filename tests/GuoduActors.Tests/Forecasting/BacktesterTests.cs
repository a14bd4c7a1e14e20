using GuoduActors.Dashboard.Forecasting;

namespace GuoduActors.Tests.Forecasting;

public sealed class BacktesterTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    // Two weeks of history whose week-on-week changes are all 1 (so MASE's scale is 1), then the week forecast.
    private static readonly float[] Rising = [1, 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7, 8, 3, 1, 4, 1, 5, 9, 2];

    /// <summary>Forecasts 4 every day, with the interval [1, 4].</summary>
    private sealed class ConstantFour : IForecastMethod
    {
        public string Name => "four";

        public WindowForecast Forecast(DailySeriesSet history, int horizon, CancellationToken cancellationToken = default) =>
            new([.. Enumerable.Range(0, history.Count).Select(_ => Enumerable.Repeat(4f, horizon).ToArray())],
                [.. Enumerable.Range(0, history.Count).Select(_ => Enumerable.Repeat(1f, horizon).ToArray())],
                [.. Enumerable.Range(0, history.Count).Select(_ => Enumerable.Repeat(4f, horizon).ToArray())]);
    }

    /// <summary>Remembers what it was shown.</summary>
    private sealed class Spy : IForecastMethod
    {
        public List<(DateOnly LastDay, int Days)> Seen { get; } = [];

        public string Name => "spy";

        public WindowForecast Forecast(DailySeriesSet history, int horizon, CancellationToken cancellationToken = default)
        {
            lock (Seen)
                Seen.Add((history.End, history.Days));
            Assert.Throws<ArgumentOutOfRangeException>(() => history[0, history.Days]);
            return new([.. Enumerable.Range(0, history.Count).Select(_ => new float[horizon])], null, null);
        }
    }

    [Fact]
    public void ScoresMatchTheHandComputedMaeMaseRelativeMaeAndCoverage()
    {
        var set = ForecastTestData.Set(Start, ("a", Rising));

        var report = Backtester.Run(set, new ConstantFour(), horizon: 7, origins: 1);

        // Actuals 3 1 4 1 5 9 2. Forecast 4: errors 1 3 0 3 1 5 2 = 15. Seasonal-naive repeats 2..8: errors 1 2 0 4 1 2 6 = 16.
        var a = Assert.Single(report.Series);
        Assert.Equal([new DateOnly(2024, 1, 15)], report.Origins);
        Assert.Equal(7, a.Points);
        Assert.Equal(15 / 7.0, a.Mae, 10);
        Assert.Equal(15 / 7.0, a.Mase!.Value, 10);
        Assert.Equal(15 / 16.0, a.RelMae!.Value, 10);
        Assert.Equal(5 / 7.0, a.Coverage80!.Value, 10);      // 5 and 9 fall outside [1, 4]
        Assert.Equal(16 / 7.0, a.SeasonalNaive.Mae, 10);
        Assert.Equal(16 / 7.0, a.SeasonalNaive.Mase!.Value, 10);
        Assert.Equal(1.0, a.SeasonalNaive.RelMae!.Value, 10);
        // Every past week-on-week change was +1, so seasonal-naive's interval is the single value last week + 1: only day 1 (3) hits it.
        Assert.Equal(1 / 7.0, a.SeasonalNaive.Coverage80!.Value, 10);
        // Reference: 14-day mean 4.5 × weekday profile (the two weeks' mean per weekday / 4.5) = 1.5 2.5 … 7.5; errors sum 15.5.
        Assert.Equal(15.5 / 7, a.Reference.Mae, 10);
        Assert.Equal(15.5 / 16, a.Reference.RelMae!.Value, 10);
        Assert.Null(a.Reference.Coverage80);
    }

    [Fact]
    public void OverallPoolsAbsoluteErrorsAndLeavesScaleFreeSeriesOutOfMase()
    {
        var set = ForecastTestData.Set(Start, ("a", Rising), ("flat", [.. Enumerable.Repeat(10f, 21)]));

        var report = Backtester.Run(set, new ConstantFour(), horizon: 7, origins: 1);

        var flat = report.Series.Single(s => s.Series == "flat");
        Assert.Equal(6, flat.Mae, 10);
        Assert.Null(flat.Mase);          // no week-on-week change to scale by
        Assert.Null(flat.RelMae);        // seasonal-naive is perfect on it
        Assert.Equal(Backtester.OverallName, report.Overall.Series);
        Assert.Equal(14, report.Overall.Points);
        Assert.Equal((15 + 42) / 14.0, report.Overall.Mae, 10);
        Assert.Equal((15 + 42) / 16.0, report.Overall.RelMae!.Value, 10);
        Assert.Equal(15 / 7.0, report.Overall.Mase!.Value, 10);
        Assert.Equal(5 / 14.0, report.Overall.Coverage80!.Value, 10);
    }

    [Fact]
    public void OriginsAreBackToBackWindowsEndingOnTheLastDayAndEachMethodSeesOnlyTheDaysBefore()
    {
        var set = ForecastTestData.Synthetic(Start, 100);
        var spy = new Spy();

        var report = Backtester.Run(set, spy, horizon: 10, origins: 3);

        Assert.Equal([Start.AddDays(70), Start.AddDays(80), Start.AddDays(90)], report.Origins);
        Assert.Equal([(Start.AddDays(69), 70), (Start.AddDays(79), 80), (Start.AddDays(89), 90)], spy.Seen.Order());
        Assert.All(report.Series, s => Assert.Equal(30, s.Points));
    }

    [Fact]
    public void TooManyOriginsForTheDataIsAClearError()
    {
        var set = ForecastTestData.Synthetic(Start, 60);

        var error = Assert.Throws<ForecastInputException>(() => Backtester.Run(set, new ConstantFour(), horizon: 28, origins: 3));

        Assert.Contains("give a longer file or fewer origins", error.Message);
    }

    [Fact]
    public void SeasonalNaiveRepeatsTheLastWeekWeekdayByWeekday()
    {
        var set = ForecastTestData.Set(Start, ("a", [.. Enumerable.Range(0, 14).Select(d => (float)d)]));

        var forecast = new SeasonalNaive().Forecast(set, 10);

        // Days 7..13 were the last week: day 14 (same weekday as day 7) gets 7, day 21 gets 7 again.
        Assert.Equal([7, 8, 9, 10, 11, 12, 13, 7, 8, 9], forecast.Point[0]);
    }
}
