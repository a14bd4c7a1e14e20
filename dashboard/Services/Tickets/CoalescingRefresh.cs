using System.Globalization;

namespace GuoduActors.Dashboard.Services.Tickets;

/// <summary>
/// Runs a refresh when pushes ask for one, never two at a time: requests that arrive while a refresh runs are folded
/// into one more run after it, so a burst of pushes costs at most two refreshes, and the last push is never missed.
/// The refresh runs in the culture of the circuit that created this (pushes arrive on the cluster's threads, whose
/// culture would otherwise leak into the rendering: Chinese texts with English names, or the reverse).
/// </summary>
public sealed class CoalescingRefresh(Func<Task> refresh)
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly Lock _gate = new();
    private bool _running;
    private bool _pending;

    /// <summary>Asks for a refresh; returns the run it started, or a completed task when it joined one already running.</summary>
    public Task RequestAsync()
    {
        lock (_gate)
        {
            if (_running)
            {
                _pending = true;
                return Task.CompletedTask;
            }
            _running = true;
        }
        return RunAsync();
    }

    private async Task RunAsync()
    {
        // An async method's culture changes stay within it (and what it awaits), never reaching the pushing thread.
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        while (true)
        {
            try
            {
                await refresh();
            }
            catch
            {
                // The refresh reports its own failures; a throw must not leave the gate closed forever.
            }
            lock (_gate)
            {
                if (!_pending)
                {
                    _running = false;
                    return;
                }
                _pending = false;
            }
        }
    }
}
