using GuoduActors.Dashboard.Forecasting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuoduActors.Dashboard.Services.Forecasting;

/// <summary>
/// Keeps the planner's forecasts: at start it loads the saved model (or trains one when there is none or it is more than
/// a week old); it retrains every week at <see cref="ForecastingOptions.RetrainDay"/> <see cref="ForecastingOptions.RetrainTime"/>
/// China Standard Time and whenever a planner asks; every day after midnight it forecasts again from the new day's counts
/// with the model it has. A training reads every station's daily counts, backtests a new model on them, trains it on all
/// of them, saves it with its accuracy and forecasts every series.
/// </summary>
/// <remarks>
/// Training is CPU-bound (tens of seconds on the whole roster) and runs on the thread pool, never on a grain's scheduler
/// or a circuit's; one at a time. Nothing here may stop the host: a failed training is logged and shown on the page, and
/// the previous model stays in use.
/// </remarks>
public sealed class ForecastingService(
    IDailyCountSource counts,
    IForecastCalendar calendar,
    SiteContext site,
    IOptions<ForecastingOptions> options,
    TimeProvider time,
    ILogger<ForecastingService> logger)
    : BackgroundService, IPlannerForecasts
{
    /// <summary>Days of history kept per series for the chart: the eight weeks before the forecast origin.</summary>
    public const int RecentDays = 56;

    /// <summary>A model older than this at start missed its scheduled retraining while the host was down.</summary>
    public static readonly TimeSpan MaxModelAge = TimeSpan.FromDays(7);

    /// <summary>How often the first training looks whether a simulated history has finished seeding.</summary>
    public static readonly TimeSpan SeedingPoll = TimeSpan.FromSeconds(15);

    /// <summary>After midnight, when yesterday's counts are complete, the forecasts move on by a day.</summary>
    private static readonly TimeSpan DailyForecastTime = TimeSpan.FromMinutes(10);

    private readonly ForecastingOptions _options = options.Value;
    private readonly ForecastModelStore _store = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _lock = new();
    private Task? _training;
    private TrainedForecastModel? _model;
    private ForecastSnapshot _current = ForecastSnapshot.Empty with { SubDistrictId = site.SubDistrictId };
    private int _trainings;

    public ForecastSnapshot Current
    {
        get
        {
            lock (_lock)
                return _current;
        }
    }

    public event Action? Changed;

    /// <summary>Trainings started since the host started, whatever became of them.</summary>
    public int Trainings => Volatile.Read(ref _trainings);

    public string ModelPath => Path.GetFullPath(_options.ModelPath);

    public bool RequestRetrain() => TryStartTraining("on demand", out _);

    /// <summary>The next scheduled retraining strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextRetrain(DateTimeOffset now)
    {
        var local = ChinaTime.ToChina(now);
        var ahead = ((int)_options.RetrainDay - (int)local.DayOfWeek + 7) % 7;
        var slot = new DateTimeOffset(local.Date.AddDays(ahead) + _options.RetrainTime, local.Offset);
        return slot > now ? slot : slot.AddDays(7);
    }

    /// <summary>The next daily forecast, a little after the next midnight in Guodu.</summary>
    private static DateTimeOffset NextDailyForecast(DateTimeOffset now) => ChinaTime.StartOfDay(now).AddDays(1) + DailyForecastTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _shutdown.Token);
        var token = stopping.Token;
        try
        {
            // Both due times are fixed before anything slow runs and only move on when they are acted on: a clock that
            // jumps while this service is busy is caught up with on the next turn, not skipped.
            var nextRetrain = NextRetrain(time.GetUtcNow());
            var nextForecast = NextDailyForecast(time.GetUtcNow());
            var loaded = await LoadSavedAsync(token);
            await WaitForSeedingAsync(token);
            if (loaded is null || time.GetUtcNow() - loaded.TrainedAt >= MaxModelAge)
                await TrainNowOrJoinAsync(loaded is null ? "start (no saved model)" : "start (the saved model is more than a week old)");
            else
                Publish(c => c with { Started = true });

            while (!token.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                var wake = nextRetrain < nextForecast ? nextRetrain : nextForecast;
                if (wake > now)
                    await Task.Delay(wake - now, time, token);
                now = time.GetUtcNow();
                if (now >= nextRetrain)
                {
                    // Missed slots (the host was busy or the clock jumped) collapse into this one training.
                    nextRetrain = NextRetrain(now);
                    nextForecast = NextDailyForecast(now);
                    await TrainNowOrJoinAsync("weekly schedule");
                }
                else if (now >= nextForecast)
                {
                    nextForecast = NextDailyForecast(now);
                    // Without a model there is nothing to forecast with: try to train each day, as history arrives.
                    if (Current.Model is null)
                        await TrainNowOrJoinAsync("daily retry (no model yet)");
                    else
                        await RefreshForecastsAsync(token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception e)
        {
            // Only a bug gets here; the forecasts stop moving on, the rest of the host goes on serving.
            logger.LogError(e, "The forecasting schedule stopped");
            Publish(c => c with { Failure = new TrainingFailure(time.GetUtcNow(), e.Message), Started = true });
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _shutdown.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _shutdown.Dispose();
        base.Dispose();
    }

    /// <summary>A model trained on half-written history would forecast half the volume for a week.</summary>
    private async Task WaitForSeedingAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await counts.IsSeedingAsync(cancellationToken))
            {
                if (!Current.WaitingForSeeding)
                    Publish(c => c with { WaitingForSeeding = true });
                await Task.Delay(SeedingPoll, time, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not tell whether a simulated history is being seeded; training anyway");
        }
        if (Current.WaitingForSeeding)
            Publish(c => c with { WaitingForSeeding = false });
    }

    private async Task TrainNowOrJoinAsync(string reason)
    {
        // A training already running (a planner's) is as fresh as this one would be: wait for it instead.
        TryStartTraining(reason, out var training);
        await training;
    }

    private bool TryStartTraining(string reason, out Task training)
    {
        lock (_lock)
        {
            if (_training is { IsCompleted: false } running)
            {
                training = running;
                return false;
            }
            _current = _current with { TrainingSince = time.GetUtcNow() };
            Interlocked.Increment(ref _trainings);
            training = _training = Task.Run(() => TrainAsync(reason, _shutdown.Token));
        }
        RaiseChanged();
        return true;
    }

    private async Task TrainAsync(string reason, CancellationToken cancellationToken)
    {
        try
        {
            logger.LogInformation("Training the forecasting model ({Reason})", reason);
            var forecasterOptions = _options.Forecaster;
            var (set, shortfall) = await ReadHistoryAsync(GlobalForecaster.MinimumTrainingDays(forecasterOptions), cancellationToken);
            if (set is null || shortfall is not null)
            {
                logger.LogInformation("Not enough history to train the forecasting model: {Days} days, {Needed} needed", shortfall!.Days, shortfall.DaysNeeded);
                Publish(c => c with { Shortfall = shortfall, TrainingSince = null, Started = true });
                return;
            }

            var forecaster = new GlobalForecaster(calendar, forecasterOptions, time);
            var origins = BacktestOrigins(set.Days, forecasterOptions.Horizon);
            var report = origins > 0 ? Backtester.Run(set, forecaster, forecasterOptions.Horizon, origins, cancellationToken) : null;
            var model = forecaster.Train(set, cancellationToken);
            if (report is not null)
                model.WithBacktest(report.Summary);
            _store.Save(model, ModelPath);
            if (report is not null)
                _store.SaveBacktest(report, ModelPath);
            var series = Forecast(model, set, report);
            lock (_lock)
                _model = model;
            Publish(c => c with
            {
                Model = model.Info, Backtest = report, Series = series, ForecastedAt = time.GetUtcNow(),
                TrainingSince = null, Failure = null, Shortfall = null, Started = true,
            });
            logger.LogInformation(
                "Trained the forecasting model on {First:yyyy-MM-dd}–{Last:yyyy-MM-dd} ({Series} series) in {Seconds:0.0} s; backtest relMAE {RelMae:0.000}, coverage {Coverage:0.0%}; saved {Path}",
                model.Info.FirstDay, model.Info.LastDay, model.Info.SeriesCount, model.Info.TrainingSeconds, report?.Overall.RelMae, report?.Overall.Coverage80, ModelPath);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Publish(c => c with { TrainingSince = null });
        }
        catch (Exception e)
        {
            logger.LogError(e, "Training the forecasting model failed ({Reason}); the previous model stays in use", reason);
            Publish(c => c with { Failure = new TrainingFailure(time.GetUtcNow(), e.Message), TrainingSince = null, Started = true });
        }
    }

    /// <summary>As many backtest windows as the history holds before the first, up to the configured number.</summary>
    private int BacktestOrigins(int days, int horizon)
    {
        var perOrigin = GlobalForecaster.MinimumTrainingDays(new ForecastOptions { Horizon = horizon, Weeks = 0 });
        return Math.Clamp((days - perOrigin) / horizon, 0, _options.BacktestOrigins);
    }

    /// <summary>Loads the saved model and its backtest, and forecasts with it; null when there is none or it cannot be used.</summary>
    private async Task<ForecastModelInfo?> LoadSavedAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ModelPath))
            return null;
        TrainedForecastModel model;
        try
        {
            model = _store.Load(ModelPath, calendar);
        }
        catch (Exception e)
        {
            // A model from another build or calendar, or a damaged file: a new training replaces it.
            logger.LogWarning(e, "The saved forecasting model {Path} cannot be used; training a new one", ModelPath);
            return null;
        }
        var report = _store.ReadBacktest(ModelPath);
        lock (_lock)
            _model = model;
        Publish(c => c with { Model = model.Info, Backtest = report });
        logger.LogInformation("Loaded the forecasting model {Path}, trained {TrainedAt:u} on {First:yyyy-MM-dd}–{Last:yyyy-MM-dd}", ModelPath, model.Info.TrainedAt, model.Info.FirstDay, model.Info.LastDay);
        await RefreshForecastsAsync(cancellationToken);
        return model.Info;
    }

    /// <summary>Forecasts from the latest counts with the model in use (a batch transform, no training).</summary>
    private async Task RefreshForecastsAsync(CancellationToken cancellationToken)
    {
        TrainedForecastModel? model;
        lock (_lock)
            model = _training is { IsCompleted: false } ? null : _model;
        if (model is null)
            return;
        try
        {
            var (set, _) = await ReadHistoryAsync(1, cancellationToken);
            if (set is null)
                return;
            var report = Current.Backtest;
            var series = await Task.Run(() => Forecast(model, set, report), cancellationToken);
            lock (_lock)
            {
                // A training that finished meanwhile has forecast with its newer model.
                if (!ReferenceEquals(_model, model))
                    return;
                _current = _current with { Series = series, ForecastedAt = time.GetUtcNow() };
            }
            RaiseChanged();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Forecasting with the current model failed; the previous forecasts stay shown");
        }
    }

    /// <summary>
    /// Every series' counts from the first day any station counted a ticket (at most <see cref="ForecastingOptions.HistoryDays"/>
    /// back) to yesterday, China Standard Time; a shortfall when that is fewer than <paramref name="daysNeeded"/> days.
    /// </summary>
    private async Task<(DailySeriesSet? Set, HistoryShortfall? Shortfall)> ReadHistoryAsync(int daysNeeded, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var end = DateOnly.FromDateTime(ChinaTime.StartOfDay(now).AddDays(-1).DateTime);
        var read = await counts.GetCountsAsync(end.AddDays(1 - _options.HistoryDays), end, cancellationToken);
        if (read.Count == 0)
            return (null, new HistoryShortfall(now, 0, daysNeeded));
        // Days before the first count are days before the store existed, not days without matters.
        var first = read.Min(c => c.Day);
        var set = ForecastHierarchy.Build(site.SubDistrictId, read, first, end);
        return (set, set.Days < daysNeeded ? new HistoryShortfall(now, set.Days, daysNeeded) : null);
    }

    private static Dictionary<string, SeriesView> Forecast(TrainedForecastModel model, DailySeriesSet set, BacktestReport? report)
    {
        var forecasts = model.Forecast(set);
        var accuracy = report?.Series.ToDictionary(a => a.Series, StringComparer.Ordinal) ?? [];
        var recent = Math.Min(RecentDays, set.Days);
        var views = new Dictionary<string, SeriesView>(set.Count, StringComparer.Ordinal);
        for (var s = 0; s < set.Count; s++)
        {
            var key = set.Keys[s];
            views[key.Name] = new SeriesView(key, set.End.AddDays(1 - recent), set.Values(s)[^recent..], forecasts[s], accuracy.GetValueOrDefault(key.Name));
        }
        return views;
    }

    private void Publish(Func<ForecastSnapshot, ForecastSnapshot> change)
    {
        lock (_lock)
            _current = change(_current);
        RaiseChanged();
    }

    private void RaiseChanged()
    {
        try
        {
            Changed?.Invoke();
        }
        catch (Exception e)
        {
            // A page that failed to take the news must not fail the training that sent it.
            logger.LogWarning(e, "A subscriber to the forecasts failed");
        }
    }
}
