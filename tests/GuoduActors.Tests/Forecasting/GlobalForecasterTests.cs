using GuoduActors.Dashboard.Forecasting;

namespace GuoduActors.Tests.Forecasting;

public sealed class GlobalForecasterTests
{
    private static readonly DateOnly Start = new(2023, 1, 1);

    [Fact]
    public void ChangingCountsAfterTheOriginChangesNoForecastOfTheWindow()
    {
        var set = ForecastTestData.Synthetic(Start, 500);
        var origin = Start.AddDays(450);
        var changed = ForecastTestData.WithFutureChanged(set, origin, 500);

        var original = new GlobalForecaster(ForecastTestData.China, ForecastTestData.QuickOptions).Forecast(set.Before(origin), 14);
        var altered = new GlobalForecaster(ForecastTestData.China, ForecastTestData.QuickOptions).Forecast(changed.Before(origin), 14);

        Assert.Equal(original.Point, altered.Point);
        Assert.Equal(original.Lower, altered.Lower);
        Assert.Equal(original.Upper, altered.Upper);
    }

    [Fact]
    public void TheForecastCoversEveryDayAndWeekWithAnIntervalAroundThePoint()
    {
        var set = ForecastTestData.Synthetic(Start, 400);

        var model = new GlobalForecaster(ForecastTestData.China, ForecastTestData.QuickOptions).Train(set);
        var forecasts = model.Forecast(set);

        Assert.Equal(["busy", "quiet"], forecasts.Select(f => f.Series.Name));
        var busy = forecasts[0];
        Assert.Equal(set.End.AddDays(1), busy.Origin);
        Assert.Equal(14, busy.Daily.Count);
        Assert.Equal(set.End.AddDays(14), busy.Daily[^1].Date);
        Assert.All(busy.Daily, d => Assert.InRange(d.Point, d.Lower, d.Upper));
        // The busy series is ~12 on working days and ~4 at weekends: the model has learned the weekday cycle.
        Assert.All(busy.Daily, d => Assert.InRange(d.Point, d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 8, d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 8 : 16));
        Assert.Equal(2, busy.Weekly.Count);
        Assert.Equal(busy.Daily.Take(7).Sum(d => d.Point), busy.Weekly[0].Point, 2);
        Assert.All(busy.Weekly, w => Assert.True(w.Lower < w.Point && w.Point < w.Upper));
    }

    [Fact]
    public void ACappedCalibrationScoresItsBudgetTakingTheBusiestSeriesFirst()
    {
        var set = ForecastTestData.Synthetic(Start, 400);
        // 4 weekly origins in the last 28 days, 14 days ahead each but clipped at the end: 14 + 14 + 14 + 7 per series.
        const int forecastsPerSeries = 49;

        var all = new GlobalForecaster(ForecastTestData.China, ForecastTestData.QuickOptions).Train(set);
        var capped = new GlobalForecaster(ForecastTestData.China, ForecastTestData.QuickOptions with { CalibrationForecasts = forecastsPerSeries }).Train(set);

        Assert.Equal(2 * forecastsPerSeries, all.Info.Calibration.Daily.Sum(b => b.Count));
        Assert.Equal(forecastsPerSeries, capped.Info.Calibration.Daily.Sum(b => b.Count));
        var busy = capped.Forecast(set)[0];
        Assert.Equal("busy", busy.Series.Name);
        Assert.All(busy.Daily, d => Assert.True(d.Lower < d.Upper && d.Lower <= d.Point && d.Point <= d.Upper));
    }

    [Fact]
    public void TheHierarchyHasEveryStationCategoryEveryStationEverySubDistrictCategoryAndTheSubDistrict()
    {
        var day = new DateOnly(2025, 3, 3);
        StationCategoryCount[] counts = [new("S01", "repair", day, 2), new("S01", "care", day, 1), new("S02", "repair", day.AddDays(1), 5)];

        var set = ForecastHierarchy.Build("guodu", counts, day, day.AddDays(1));

        Assert.Equal(["guodu", "S01", "S01/care", "S01/repair", "S02", "S02/repair", "guodu/care", "guodu/repair"], set.Keys.Select(k => k.Name));
        Assert.Equal([3, 5], set.Values(0));
        Assert.Equal([2, 5], set.Values(set.IndexOf("guodu/repair")));
        Assert.Equal(new SeriesKey("guodu/care", "guodu", "care"), set.Keys[set.IndexOf(ForecastHierarchy.SeriesName("guodu", "care"))]);
        Assert.Equal([3, 0], set.Values(set.IndexOf("S01")));
        Assert.Equal(new SeriesKey("S02/repair", "S02", "repair"), set.Keys[set.IndexOf("S02/repair")]);
        Assert.Equal(ForecastHierarchy.AllCategories, set.Keys[set.IndexOf("S02")].Category);
    }
}
