using System.Text.Json;
using GuoduActors.Dashboard.Forecasting;

namespace GuoduActors.Tests.Forecasting;

public sealed class ForecastModelStoreTests
{
    private static readonly DateOnly Start = new(2023, 1, 1);

    [Fact]
    public void ASavedModelLoadsAndForecastsExactlyTheSame()
    {
        using var folder = new TempFolder();
        var set = ForecastTestData.Synthetic(Start, 400);
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 2, 5, 2, 0, 0, TimeSpan.Zero));
        var model = new GlobalForecaster(ForecastTestData.China, ForecastTestData.QuickOptions, time).Train(set)
            .WithBacktest(new BacktestSummary(14, 2, Start.AddDays(372), Start.AddDays(386), 2.5, 0.7, 0.9, 0.8, 0.85));
        var path = Path.Combine(folder.Path, "models", "forecast.zip");
        var store = new ForecastModelStore();

        store.Save(model, path);
        var loaded = store.Load(path, ForecastTestData.China);

        Assert.Equal(model.Forecast(set), loaded.Forecast(set), new ForecastComparer());
        Assert.Equal(model.Info.Calibration.Daily, loaded.Info.Calibration.Daily);
        Assert.Equal(["forecast.meta.json", "forecast.zip"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).Order());
        using var sidecar = JsonDocument.Parse(File.ReadAllText(ForecastModelStore.SidecarPath(path)));
        Assert.Equal("2024-02-05T02:00:00+00:00", sidecar.RootElement.GetProperty("trainedAt").GetString());
        Assert.Equal("2023-01-01", sidecar.RootElement.GetProperty("firstDay").GetString());
        Assert.Equal("2024-02-04", sidecar.RootElement.GetProperty("lastDay").GetString());
        Assert.Equal(0.7, sidecar.RootElement.GetProperty("backtest").GetProperty("relMae").GetDouble());
        Assert.Equal(0.8, sidecar.RootElement.GetProperty("backtest").GetProperty("coverage80").GetDouble());
    }

    [Fact]
    public void AModelTrainedWithAnotherHolidayCalendarIsRefused()
    {
        using var folder = new TempFolder();
        var set = ForecastTestData.Synthetic(Start, 200);
        var path = Path.Combine(folder.Path, "forecast.zip");
        var store = new ForecastModelStore();
        store.Save(new GlobalForecaster(ForecastTestData.China, ForecastTestData.QuickOptions).Train(set), path);

        var error = Assert.Throws<ForecastInputException>(() => store.Load(path, UsFederalHolidayCalendar.Instance));

        Assert.Contains("'cn' holiday calendar, not 'us'", error.Message);
    }

    private sealed class ForecastComparer : IEqualityComparer<SeriesForecast>
    {
        public bool Equals(SeriesForecast? x, SeriesForecast? y) =>
            x is not null && y is not null && x.Series == y.Series && x.Origin == y.Origin
            && x.Daily.SequenceEqual(y.Daily) && x.Weekly.SequenceEqual(y.Weekly);

        public int GetHashCode(SeriesForecast obj) => obj.Series.GetHashCode();
    }
}
