namespace GuoduActors.Dashboard.Services;

/// <summary>
/// Runs a refresh at most once per <c>interval</c>, however often it is requested: the first request runs at once, the
/// ones that arrive while it runs or within the interval after it make one more run at the interval's end. A page
/// re-renders per batch of changes, never per change, and the last change is always shown. Refreshes never overlap. The
/// dashboard's one way of coalescing live pushes; pages use it through <see cref="Components.LivePage"/>.
/// </summary>
public sealed class RefreshCoalescer(TimeProvider time, TimeSpan interval, Func<Task> refresh) : IDisposable
{
    // The reader's culture, captured on the circuit: requests arrive on the cluster's threads (live pushes), whose
    // culture would otherwise leak into the rendering (Chinese texts with English names, or the reverse).
    private readonly System.Globalization.CultureInfo _culture = System.Globalization.CultureInfo.CurrentCulture;
    private readonly System.Globalization.CultureInfo _uiCulture = System.Globalization.CultureInfo.CurrentUICulture;
    private readonly Lock _gate = new();
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;
    private bool _running;
    private bool _pending;
    private bool _disposed;
    private ITimer? _timer;

    /// <summary>How many refreshes have started: a test's way to see the coalescing.</summary>
    public int Runs { get; private set; }

    public void Request()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            if (_running || _timer is not null)
            {
                _pending = true;
                return;
            }
            if (!TryStartOrSchedule())
                return;
        }
        _ = RunAsync();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Under the lock: starts a run if the interval has passed (true), else schedules one at its end (false).</summary>
    private bool TryStartOrSchedule()
    {
        var wait = _lastStart + interval - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(static state => ((RefreshCoalescer)state!).OnTimer(), this, wait, Timeout.InfiniteTimeSpan);
            return false;
        }
        _running = true;
        _pending = false;
        _lastStart = time.GetUtcNow();
        Runs++;
        return true;
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed)
                return;
            if (_running)
            {
                _pending = true;
                return;
            }
            _running = true;
            _pending = false;
            _lastStart = time.GetUtcNow();
            Runs++;
        }
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        // An async method's culture changes stay within it (and what it awaits), never reaching the calling thread.
        System.Globalization.CultureInfo.CurrentCulture = _culture;
        System.Globalization.CultureInfo.CurrentUICulture = _uiCulture;
        try
        {
            await refresh();
        }
        catch
        {
            // The refresh reports its own failures; a failed one must not stop the next.
        }
        bool again;
        lock (_gate)
        {
            _running = false;
            again = _pending && !_disposed && TryStartOrSchedule();
        }
        if (again)
            _ = RunAsync();
    }
}
