using GuoduActors.Dashboard.Components.Analytics;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Analytics;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>
/// One volunteer team at <c>/teams/{id}</c>: its jobs, load against capacity, hours per member, duty schedule and
/// members, following the pushes that move team jobs.
/// </summary>
public sealed partial class TeamPage : LivePage
{
    private Actor? _viewer;
    private bool _denied;
    private bool _seesEveryTeam;
    private TeamDetail? _detail;
    private DateTimeOffset? _asOf;
    private Exception? _failure;
    private string? _loadedTeamId;
    private bool _unknown;

    [Parameter] public string TeamId { get; set; } = "";

    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IRosterSource Roster { get; set; } = null!;
    [Inject] private ITeamSource Teams { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        // The same component instance serves a navigation from one team to another.
        if (TeamId == _loadedTeamId)
            return;
        _loadedTeamId = TeamId;
        _detail = null;
        _viewer ??= await Current.GetAsync();
        _seesEveryTeam = _viewer is not null && AnalyticsAccess.SeesEveryTeam(_viewer);
        _denied = !AnalyticsAccess.MaySeeTeam(_viewer, TeamId);
        if (!_denied)
            await LoadAsync();
    }

    protected override TimeSpan? SafetyInterval => TeamsPage.SafetyRefreshInterval;

    // Not FollowsLiveUpdates: the same instance may move on to a team the reader may see.
    protected override bool Concerns(LiveBatch batch) => !_denied && TeamLiveEvents.Concerns(batch);

    protected override Task RefreshLiveAsync() => _denied ? Task.CompletedTask : LoadAsync();

    private Task RetryAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            var roster = await Roster.GetRosterAsync();
            _unknown = roster.Teams.All(t => t.Id != TeamId);
            if (_unknown)
            {
                _failure = null;
                return;
            }
            var view = await Teams.GetTeamAsync(TeamId);
            _detail = TeamDetail.From(view, roster.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal), Catalogue);
            _asOf = Time.GetUtcNow();
            _failure = null;
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }
}
