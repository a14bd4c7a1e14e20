using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>
/// The leaders' overview at <c>/</c>: the sub-district, its stations as a hierarchy with live counters, and its
/// volunteer teams. Refreshes the one overview call when the grains push a change (at most a few times a second)
/// and, as a safety net for a lost push, every <see cref="RefreshInterval"/>.
/// </summary>
public sealed partial class OverviewPage : ComponentBase, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private PeriodicTimer? _timer;
    private bool _disposed;
    private OverviewModel? _model;
    private OverviewFailure? _failure;

    [Inject] private IOverviewSource Source { get; set; } = null!;
    [Inject] private ILiveUpdates Live { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private ILogger<OverviewPage> Logger { get; set; } = null!;

    private string FailureTitle => _failure?.Kind == OverviewFailureKind.RosterNotLoaded ? L["RosterNotLoadedTitle"] : L["UnreachableTitle"];

    private string FailureExplanation => _failure?.Kind == OverviewFailureKind.RosterNotLoaded ? L["RosterNotLoadedText"] : L["UnreachableText"];

    protected override Task OnInitializedAsync() => RefreshAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        // After-render runs only once the circuit is interactive, never while prerendering, so a prerendered
        // copy of the page does not leave a timer behind.
        if (firstRender && !_disposed)
        {
            _timer = new PeriodicTimer(RefreshInterval, Time);
            _ = RefreshOnEveryTickAsync(_timer);
            Live.Changed += OnLiveChange;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Live.Changed -= OnLiveChange;
        _timer?.Dispose();
    }

    private void OnLiveChange(LiveBatch batch)
    {
        if (batch.CountersChanged && !_disposed)
            _ = InvokeAsync(async () =>
            {
                await RefreshAsync();
                StateHasChanged();
            });
    }

    private async Task RefreshOnEveryTickAsync(PeriodicTimer timer)
    {
        // A disposed timer ends the wait with false; a slow call delays the next tick rather than stacking calls.
        while (await timer.WaitForNextTickAsync())
        {
            await RefreshAsync();
            if (!_disposed)
                await InvokeAsync(StateHasChanged);
        }
    }

    private async Task RefreshAsync()
    {
        OverviewFailure failure;
        try
        {
            _model = OverviewModel.From(await Source.GetOverviewAsync());
            _failure = null;
            return;
        }
        catch (DomainRefusalException e) when (e.Kind == RefusalKind.NotFound)
        {
            failure = new(OverviewFailureKind.RosterNotLoaded, e.Message, Time.GetUtcNow());
        }
        catch (Exception e)
        {
            // Whatever the cluster throws, the page stays up, says what is wrong and tries again on the next tick.
            failure = new(OverviewFailureKind.Unreachable, e.Message, Time.GetUtcNow());
            if (_failure?.Kind != failure.Kind)
                Logger.LogWarning(e, "The overview could not be read; retrying every {Interval}", RefreshInterval);
        }
        _failure = failure;
    }
}

/// <summary>Why the latest refresh of the overview failed.</summary>
public enum OverviewFailureKind
{
    /// <summary>The sub-district grain answered but holds no roster yet (the silo is still starting).</summary>
    RosterNotLoaded,

    /// <summary>The call failed: the silo is not ready, stopped, or timed out.</summary>
    Unreachable,
}

/// <summary>The latest failed refresh: what kind, the underlying message, and when.</summary>
public sealed record OverviewFailure(OverviewFailureKind Kind, string Detail, DateTimeOffset At);
