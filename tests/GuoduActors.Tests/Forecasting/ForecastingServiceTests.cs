using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Dashboard.Services.Forecasting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuoduActors.Tests.Forecasting;

/// <summary>
/// The forecasting background service on a fake clock, with synthetic station counts and small models: what it does at
/// start, on its weekly schedule, on demand and when training fails.
/// </summary>
public sealed class ForecastingServiceTests : IDisposable
{
    // Wednesday 2026-11-25 10:00 in Guodu; the next scheduled retraining is Monday 2026-11-30 03:00.
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset MondaySlot = new(2026, 11, 30, 3, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Wednesday);
    private readonly SyntheticCountSource _counts = new(first: new DateOnly(2026, 1, 1), last: new DateOnly(2026, 11, 24));

    [Fact]
    public async Task AStartWithoutASavedModelTrainsOneAndSavesItWithItsAccuracy()
    {
        using var service = Service();
        await service.StartAsync(CancellationToken.None);

        var trained = await TrainedAsync(service);

        Assert.Equal(1, service.Trainings);
        Assert.Equal(new DateOnly(2026, 1, 1), trained.Model!.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 24), trained.Model.LastDay);
        Assert.True(File.Exists(service.ModelPath));
        Assert.True(File.Exists(ForecastModelStore.BacktestPath(service.ModelPath)));
        // Backtested, with every series' own figures: 3 stations × 2 categories, 3 station totals, 2 sub-district categories, the sub-district.
        Assert.Equal(2, trained.Backtest!.Origins.Count);
        Assert.Equal(12, trained.Backtest.Series.Count);
        Assert.NotNull(trained.Backtest.Overall.RelMae);
        Assert.Equal(12, trained.Series.Count);
        var total = trained.Find("guodu", ForecastHierarchy.AllCategories)!;
        Assert.Equal(new DateOnly(2026, 11, 25), total.Forecast.Origin);
        Assert.Equal(28, total.Forecast.Daily.Count);
        Assert.Equal(8, total.Forecast.Weekly.Count);
        Assert.Equal(ForecastingService.RecentDays, total.Recent.Count);
        Assert.All(total.Forecast.Weekly, w => Assert.InRange(w.Point, w.Lower, w.Upper));
        Assert.NotNull(total.Accuracy);
    }

    [Fact]
    public async Task TheScheduleRetrainsExactlyOncePerWeek()
    {
        using var service = Service();
        await service.StartAsync(CancellationToken.None);
        await TrainedAsync(service);

        // Every day before the slot only forecasts again.
        _time.SetUtcNow(MondaySlot.AddMinutes(-1));
        await ForecastedNowAsync(service);
        Assert.Equal(1, service.Trainings);

        _time.SetUtcNow(MondaySlot.AddMinutes(1));
        await WaitForAssertionAsync(() => Assert.Equal(2, service.Trainings), Patience);
        var first = await TrainedAsync(service);
        Assert.Equal(MondaySlot.AddMinutes(1), first.Model!.TrainedAt);

        // A whole week in one jump crosses one slot: one training.
        _time.Advance(TimeSpan.FromDays(7));
        await WaitForAssertionAsync(() => Assert.Equal(3, service.Trainings), Patience);
        await TrainedAsync(service);
        // The next midnight's forecast comes after anything else that was due: no second training came before it.
        _time.Advance(TimeSpan.FromDays(1));
        await ForecastedNowAsync(service);
        Assert.Equal(3, service.Trainings);
    }

    [Fact]
    public async Task ARetrainOnDemandRunsInTheBackgroundAndOnlyOneAtATime()
    {
        using var service = Service();
        await service.StartAsync(CancellationToken.None);
        var before = await TrainedAsync(service);

        _time.Advance(TimeSpan.FromHours(1));
        _counts.Hold();
        Assert.True(service.RequestRetrain());
        Assert.True(service.Current.IsTraining);
        Assert.Equal(_time.GetUtcNow(), service.Current.TrainingSince);
        Assert.False(service.RequestRetrain());
        _counts.Release();

        var after = await TrainedAsync(service);
        Assert.Equal(2, service.Trainings);
        Assert.Equal(before.Model!.TrainedAt.AddHours(1), after.Model!.TrainedAt);
        Assert.Null(after.Failure);
    }

    [Fact]
    public async Task AStartWithASavedModelLoadsItAndForecastsWithoutTraining()
    {
        ForecastSnapshot saved;
        using (var first = Service())
        {
            await first.StartAsync(CancellationToken.None);
            saved = await TrainedAsync(first);
            await first.StopAsync(CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromDays(2));
        using var second = Service();
        await second.StartAsync(CancellationToken.None);
        await WaitForAssertionAsync(() => Assert.True(second.Current.Started), Patience);

        var loaded = second.Current;
        Assert.Equal(0, second.Trainings);
        Assert.Equal(saved.Model!.TrainedAt, loaded.Model!.TrainedAt);
        Assert.Equal(saved.Backtest!.Overall, loaded.Backtest!.Overall);
        // The loaded model forecasts from the new yesterday.
        Assert.Equal(new DateOnly(2026, 11, 27), loaded.Find("guodu", ForecastHierarchy.AllCategories)!.Forecast.Origin);
    }

    [Fact]
    public async Task AFailedTrainingIsReportedAndTheServiceGoesOn()
    {
        _counts.Failure = new InvalidOperationException("Station grains unavailable");
        using var service = Service();
        await service.StartAsync(CancellationToken.None);

        await WaitForAssertionAsync(() => Assert.NotNull(service.Current.Failure), Patience);
        var failed = service.Current;
        Assert.Equal("Station grains unavailable", failed.Failure!.Message);
        Assert.Null(failed.Model);
        Assert.False(failed.IsTraining);
        Assert.True(failed.Started);
        Assert.False(service.ExecuteTask!.IsCompleted);

        _counts.Failure = null;
        Assert.True(service.RequestRetrain());
        var trained = await TrainedAsync(service);
        Assert.Null(trained.Failure);
    }

    [Fact]
    public async Task AnEmptyStoreIsReportedAsNoHistoryWithTheDaysNeeded()
    {
        using var service = Service(new SyntheticCountSource(first: new DateOnly(2027, 1, 1), last: new DateOnly(2027, 1, 1)));
        await service.StartAsync(CancellationToken.None);

        await WaitForAssertionAsync(() => Assert.NotNull(service.Current.Shortfall), Patience);
        Assert.Equal(0, service.Current.Shortfall!.Days);
        Assert.Equal(GlobalForecaster.MinimumTrainingDays(new ForecastOptions()), service.Current.Shortfall.DaysNeeded);
        Assert.Null(service.Current.Model);
        Assert.False(File.Exists(service.ModelPath));
    }

    public void Dispose() => _folder.Dispose();

    private ForecastingService Service(IDailyCountSource? counts = null) => new(
        counts ?? _counts,
        WeekdayOnlyCalendar.Instance,
        new SiteContext("guodu"),
        Options.Create(new ForecastingOptions
        {
            ModelPath = Path.Combine(_folder.Path, "forecast.zip"),
            BacktestOrigins = 2,
            TrainingExamples = 2_000,
            Iterations = 20,
        }),
        _time,
        NullLogger<ForecastingService>.Instance);

    /// <summary>Waits until no training runs and a model is in use; returns that state.</summary>
    private static async Task<ForecastSnapshot> TrainedAsync(ForecastingService service)
    {
        await WaitForAssertionAsync(() =>
        {
            var current = service.Current;
            Assert.Null(current.Failure);
            Assert.False(current.IsTraining);
            Assert.NotNull(current.Model);
        }, Patience);
        return service.Current;
    }

    private async Task ForecastedNowAsync(ForecastingService service) =>
        await WaitForAssertionAsync(() => Assert.Equal(_time.GetUtcNow(), service.Current.ForecastedAt), Patience);

    /// <summary>
    /// Three stations' Poisson counts in two categories between two days; can fail every read, or hold the next reads
    /// until released.
    /// </summary>
    private sealed class SyntheticCountSource(DateOnly first, DateOnly last) : IDailyCountSource
    {
        private readonly List<StationCategoryCount> _all = [.. SyntheticCounts.Generate(3, 2, first, last, seed: 11)];
        private TaskCompletionSource _gate = Open();

        public Exception? Failure { get; set; }

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public async Task<IReadOnlyList<StationCategoryCount>> GetCountsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            if (Failure is { } failure)
                throw failure;
            return [.. _all.Where(c => c.Day >= from && c.Day <= to)];
        }

        public Task<bool> IsSeedingAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource();
            open.SetResult();
            return open;
        }
    }
}
