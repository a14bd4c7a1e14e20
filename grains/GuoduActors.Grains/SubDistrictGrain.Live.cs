using Orleans.Utilities;

namespace GuoduActors.Grains;

public sealed partial class SubDistrictGrain
{
    private const int RecentEventsKept = 500;
    /// <summary>At most four pushes a second, however fast tickets arrive: each dashboard re-renders per batch, not per event.</summary>
    private static readonly TimeSpan PushPeriod = TimeSpan.FromMilliseconds(250);

    private readonly Queue<LiveEvent> _recent = new();
    private readonly List<LiveEvent> _pending = [];
    private bool _countersChanged;
    private ObserverManager<ILiveObserver>? _observers;
    private IGrainTimer? _pushTimer;

    private ObserverManager<ILiveObserver> Observers =>
        _observers ??= new ObserverManager<ILiveObserver>(LiveSubscription.Expiry, logger);

    public Task SubscribeAsync(ILiveObserver observer)
    {
        Observers.Subscribe(observer, observer);
        // The push timer runs only while someone listens; it does not keep the grain alive by itself.
        _pushTimer ??= this.RegisterGrainTimer(static (grain, _) => grain.PushAsync(), this,
            new GrainTimerCreationOptions(PushPeriod, PushPeriod) { KeepAlive = false, Interleave = false });
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ILiveObserver observer)
    {
        Observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LiveEvent>> GetRecentEventsAsync(int max) =>
        Task.FromResult<IReadOnlyList<LiveEvent>>(_recent.TakeLast(Math.Clamp(max, 1, RecentEventsKept)).ToList());

    public Task PublishEventAsync(LiveEvent liveEvent)
    {
        _recent.Enqueue(liveEvent);
        while (_recent.Count > RecentEventsKept)
            _recent.Dequeue();
        if (Observers.Count > 0)
            _pending.Add(liveEvent);
        return Task.CompletedTask;
    }

    private void MarkCountersChanged() => _countersChanged = true;

    private async Task PushAsync()
    {
        Observers.ClearExpired();
        if (_pending.Count == 0 && !_countersChanged)
            return;
        var batch = new LiveBatch([.. _pending.OrderBy(e => e.At)], _countersChanged, time.GetUtcNow());
        _pending.Clear();
        _countersChanged = false;
        if (Observers.Count > 0)
            await Observers.Notify(observer => observer.OnChangesAsync(batch));
    }
}
