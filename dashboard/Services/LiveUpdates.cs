using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Services;

/// <summary>Changes pushed from the grains to this process, for components to follow.</summary>
public interface ILiveUpdates
{
    /// <summary>Raised on a thread-pool thread for every coalesced batch (a few per second at most).</summary>
    event Action<LiveBatch>? Changed;

    /// <summary>The most recent ticket events seen by this process, newest last.</summary>
    IReadOnlyList<LiveEvent> Recent { get; }
}

/// <summary>
/// One grain observer per process, subscribed to the sub-district and renewed every
/// <see cref="LiveSubscription.Renewal"/>: a silo restart or a missed renewal heals by itself, and on every
/// (re)subscription the recent events are fetched again so nothing shown is missing after a gap.
/// </summary>
public sealed class OrleansLiveUpdates(IGrainFactory grains, SiteContext site, TimeProvider time, ILogger<OrleansLiveUpdates> logger)
    : BackgroundService, ILiveUpdates, ILiveObserver
{
    public const int RecentKept = 200;
    private readonly Lock _gate = new();
    private List<LiveEvent> _recent = [];

    public event Action<LiveBatch>? Changed;

    public IReadOnlyList<LiveEvent> Recent
    {
        get { lock (_gate) return _recent; }
    }

    public Task OnChangesAsync(LiveBatch batch)
    {
        if (batch.Events.Count > 0)
        {
            lock (_gate)
                _recent = Merge(_recent, batch.Events);
        }
        Changed?.Invoke(batch);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<ILiveObserver>(this);
        var subDistrict = grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId);
        var wasSubscribed = false;
        using var renewal = new PeriodicTimer(LiveSubscription.Renewal, time);
        do
        {
            try
            {
                await subDistrict.SubscribeAsync(reference);
                if (!wasSubscribed)
                {
                    // Catch up on what happened while this process was not listening.
                    var recent = await subDistrict.GetRecentEventsAsync(RecentKept);
                    lock (_gate)
                        _recent = Merge(_recent, recent);
                    Changed?.Invoke(new LiveBatch(recent, CountersChanged: true, time.GetUtcNow()));
                }
                wasSubscribed = true;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                wasSubscribed = false;
                logger.LogWarning(e, "Live updates could not subscribe to sub-district {SubDistrict}; retrying", site.SubDistrictId);
            }
        }
        while (await WaitAsync(renewal, stoppingToken));

        try
        {
            await subDistrict.UnsubscribeAsync(reference);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Unsubscribing the live updates failed while stopping");
        }
        grains.DeleteObjectReference<ILiveObserver>(reference);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static List<LiveEvent> Merge(IReadOnlyList<LiveEvent> known, IReadOnlyList<LiveEvent> arriving) =>
        known.Concat(arriving).DistinctBy(e => (e.TicketId, e.Action, e.At)).OrderBy(e => e.At).TakeLast(RecentKept).ToList();
}

/// <summary>Starts and stops the registered live updates if they run in the background.</summary>
internal sealed class LiveUpdatesRunner(ILiveUpdates live) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        live is IHostedService hosted ? hosted.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        live is IHostedService hosted ? hosted.StopAsync(cancellationToken) : Task.CompletedTask;
}
