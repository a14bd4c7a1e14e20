using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;

namespace GuoduActors.Dashboard.Components;

/// <summary>
/// A page that follows the grains' pushes: once the circuit is interactive it subscribes to <see cref="ILiveUpdates"/>,
/// refreshes when a pushed batch <see cref="Concerns"/> it — coalesced by a <see cref="RefreshCoalescer"/>, so however
/// fast pushes arrive it re-reads and re-renders at most once per <see cref="MinRefreshGap"/> and the last change is
/// always shown — and, if it has a <see cref="SafetyInterval"/>, also on a timer in case a push was lost. Everything
/// stops when the page is disposed.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    /// <summary>At most four refreshes a second, as the grains push.</summary>
    public static readonly TimeSpan MinRefreshGap = TimeSpan.FromMilliseconds(250);

    private RefreshCoalescer? _coalescer;
    private PeriodicTimer? _timer;

    [Inject] protected ILiveUpdates Live { get; set; } = null!;
    [Inject] protected TimeProvider Time { get; set; } = null!;

    /// <summary>Set once the page is left: a refresh already under way must not render it again.</summary>
    protected bool IsDisposed { get; private set; }

    /// <summary>How many refreshes pushes and the timer caused (the first load not counted): coalescing keeps this low.</summary>
    internal int Refreshes => _coalescer?.Runs ?? 0;

    /// <summary>How often to refresh without a push (deadlines come closer, a push may be lost); null for pushes only.</summary>
    protected virtual TimeSpan? SafetyInterval => null;

    /// <summary>Whether to follow pushes at all, decided when the circuit first renders (a reader who may not see the page does not).</summary>
    protected virtual bool FollowsLiveUpdates => true;

    /// <summary>Whether a pushed batch may change what the page shows. Called on the thread that delivers pushes.</summary>
    protected abstract bool Concerns(LiveBatch batch);

    /// <summary>Reads the page's data again; runs on the renderer, in the reader's culture, and the page renders after it.</summary>
    protected abstract Task RefreshLiveAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        // Only once interactive (after-render never runs while prerendering), so a prerendered copy of the page leaves no
        // timer or subscription behind. The coalescer is made here, on the circuit, to capture the reader's culture.
        if (!firstRender || IsDisposed || !FollowsLiveUpdates)
            return;
        var coalescer = _coalescer = new RefreshCoalescer(Time, MinRefreshGap, () => InvokeAsync(async () =>
        {
            if (IsDisposed)
                return;
            await RefreshLiveAsync();
            if (!IsDisposed)
                StateHasChanged();
        }));
        if (SafetyInterval is { } interval)
        {
            _timer = new PeriodicTimer(interval, Time);
            _ = RequestOnEveryTickAsync(_timer, coalescer);
        }
        Live.Changed += OnLiveChange;
    }

    public void Dispose()
    {
        IsDisposed = true;
        Live.Changed -= OnLiveChange;
        _timer?.Dispose();
        _coalescer?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void OnLiveChange(LiveBatch batch)
    {
        if (!IsDisposed && Concerns(batch))
            _coalescer?.Request();
    }

    private static async Task RequestOnEveryTickAsync(PeriodicTimer timer, RefreshCoalescer coalescer)
    {
        // A disposed timer ends the wait with false.
        while (await timer.WaitForNextTickAsync())
            coalescer.Request();
    }
}
