using System.Globalization;
using GuoduActors.Dashboard.Services;

namespace GuoduActors.Dashboard.Components.Analytics;

/// <summary>
/// Refreshes a page when a pushed batch concerns it, and every <c>safetyInterval</c> in case a push was lost. Refreshes
/// never overlap: a push that arrives during one asks for exactly one more afterwards, so a burst of pushes costs at most
/// two reads, however many batches it held. Create it on the circuit (in <c>OnAfterRender</c>): pushes arrive on Orleans'
/// threads, and each refresh runs under the culture the circuit had then, so names stay in the reader's language.
/// </summary>
internal sealed class LiveRefresh : IDisposable
{
    private readonly ILiveUpdates _live;
    private readonly Func<LiveBatch, bool> _concerns;
    private readonly Func<Task> _refresh;
    private readonly PeriodicTimer _timer;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly Lock _gate = new();
    private bool _running;
    private bool _again;
    private bool _disposed;

    /// <param name="live">The pushes to follow.</param>
    /// <param name="time">The clock of the safety-net timer.</param>
    /// <param name="safetyInterval">How often to refresh without a push.</param>
    /// <param name="concerns">Whether a batch means this page's data may have changed.</param>
    /// <param name="refresh">Reads and renders again; the page runs it on its renderer (<c>InvokeAsync</c>).</param>
    public LiveRefresh(ILiveUpdates live, TimeProvider time, TimeSpan safetyInterval, Func<LiveBatch, bool> concerns, Func<Task> refresh)
    {
        _live = live;
        _concerns = concerns;
        _refresh = refresh;
        _timer = new PeriodicTimer(safetyInterval, time);
        _live.Changed += OnChanged;
        _ = TickAsync();
    }

    public void Dispose()
    {
        lock (_gate)
            _disposed = true;
        _live.Changed -= OnChanged;
        _timer.Dispose();
    }

    private void OnChanged(LiveBatch batch)
    {
        if (_concerns(batch))
            _ = RunAsync();
    }

    private async Task TickAsync()
    {
        // A disposed timer ends the wait with false.
        while (await _timer.WaitForNextTickAsync())
            await RunAsync();
    }

    private async Task RunAsync()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            if (_running)
            {
                _again = true;
                return;
            }
            _running = true;
        }
        // Flows into the page's InvokeAsync below; restored for the caller when this method returns.
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        while (true)
        {
            try
            {
                await _refresh();
            }
            catch (Exception)
            {
                // The page records its own failures; a failed refresh must not end the following.
            }
            lock (_gate)
            {
                if (!_again || _disposed)
                {
                    _running = false;
                    return;
                }
                _again = false;
            }
        }
    }
}
