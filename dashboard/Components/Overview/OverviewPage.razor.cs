using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>
/// The leaders' overview at <c>/</c>: headline figures, the weekly rates, every station's load, the live feed of ticket
/// events, open tickets by category, and the station hierarchy. Follows the grains' pushes (already coalesced to a few
/// a second) as a <see cref="LivePage"/>, so however fast events arrive the page refreshes at most every
/// <see cref="LivePage.MinRefreshGap"/>; and, as a safety net for a lost push, every <see cref="RefreshInterval"/>.
/// </summary>
/// <remarks>
/// Anonymous visitors see the aggregate figures and the feed without the residents' descriptions, with a sign-in link;
/// the descriptions need a reader who may see the ticket (a leader, a planner, or the staff of a station involved).
/// </remarks>
public sealed partial class OverviewPage : LivePage
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    /// <summary>How many events the feed shows.</summary>
    public const int FeedLength = 30;

    private OverviewModel? _model;
    private OverviewFailure? _failure;
    private GovernanceFigures? _figures;
    private string? _figuresFailure;
    private IReadOnlyList<LiveEvent> _feed = [];
    private Actor? _actor;
    private IReadOnlyList<(string Id, string Name)> _myStations = [];

    [Inject] private IOverviewSource Source { get; set; } = null!;
    [Inject] private IGovernanceFigures Figures { get; set; } = null!;
    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;
    [Inject] private ILogger<OverviewPage> Logger { get; set; } = null!;

    /// <summary>How many times the page itself rendered (its children's own renders not counted).</summary>
    internal int Renders { get; private set; }

    private string FailureTitle => _failure?.Kind == OverviewFailureKind.RosterNotLoaded ? L["RosterNotLoadedTitle"] : L["UnreachableTitle"];

    private string FailureExplanation => _failure?.Kind == OverviewFailureKind.RosterNotLoaded ? L["RosterNotLoadedText"] : L["UnreachableText"];

    private IReadOnlyList<WeekRates> Weeks => _figures?.Weeks ?? [];

    protected override async Task OnInitializedAsync()
    {
        _actor = await Current.GetAsync();
        await RefreshAsync();
    }

    protected override TimeSpan? SafetyInterval => RefreshInterval;

    protected override void OnAfterRender(bool firstRender)
    {
        Renders++;
        base.OnAfterRender(firstRender);
    }

    protected override bool Concerns(LiveBatch batch) => batch.CountersChanged || batch.Events.Count > 0;

    protected override Task RefreshLiveAsync() => RefreshAsync();

    private async Task RefreshAsync()
    {
        var figures = RefreshFiguresAsync();
        await RefreshOverviewAsync();
        await figures;
        // The newest events the process has seen; a snapshot, so a render never reads a list being replaced.
        _feed = Live.Recent.Reverse().Take(FeedLength).ToList();
        if (_model is not null && _actor is { Role: ActorRole.StationStaff } staff)
            _myStations = staff.StationScope.Take(1).Select(id => (id, _model.Names.GetValueOrDefault(id, id))).ToList();
    }

    private async Task RefreshFiguresAsync()
    {
        try
        {
            _figures = await Figures.GetAsync();
            _figuresFailure = null;
        }
        catch (Exception e)
        {
            // The counters and the feed still work without the projection; the cards say what is missing.
            if (_figuresFailure is null)
                Logger.LogWarning(e, "The overview's figures could not be read; retrying");
            _figuresFailure = e.Message;
        }
    }

    private async Task RefreshOverviewAsync()
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

    private bool MayReadDescription(LiveEvent e) => _actor switch
    {
        { Role: ActorRole.Leader or ActorRole.Planner } => true,
        { Role: ActorRole.StationStaff } staff => staff.Manages(e.OwnerId) || staff.Manages(e.StationId),
        _ => false,
    };
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
