using GuoduActors.Dashboard.Components.Analytics;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Analytics;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>
/// The volunteer teams at <c>/teams</c>: each team's load against its capacity, its jobs and hours. Leaders and planners see
/// every team, a team lead their own. Follows the pushes that move team jobs (<see cref="TeamLiveEvents"/>).
/// </summary>
public sealed partial class TeamsPage : LivePage
{
    /// <summary>A refresh without a push, in case one was lost.</summary>
    public static readonly TimeSpan SafetyRefreshInterval = TimeSpan.FromSeconds(30);

    private Actor? _viewer;
    private bool _denied;
    private IReadOnlyList<TeamSummary>? _teams;
    private DateTimeOffset? _asOf;
    private Exception? _failure;

    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IRosterSource Roster { get; set; } = null!;
    [Inject] private ITeamSource Teams { get; set; } = null!;
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _viewer = await Current.GetAsync();
        if (!AnalyticsAccess.MaySeeTeams(_viewer))
        {
            _denied = true;
            return;
        }
        await LoadAsync();
    }

    protected override TimeSpan? SafetyInterval => SafetyRefreshInterval;

    protected override bool FollowsLiveUpdates => !_denied;

    protected override bool Concerns(LiveBatch batch) => TeamLiveEvents.Concerns(batch);

    protected override Task RefreshLiveAsync() => LoadAsync();

    private Task RetryAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            var roster = await Roster.GetRosterAsync();
            var stations = roster.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
            var visible = roster.Teams.Where(t => AnalyticsAccess.MaySeeTeam(_viewer, t.Id)).ToList();
            var views = await Task.WhenAll(visible.Select(t => Teams.GetTeamAsync(t.Id)));
            _teams = views.Select(v => TeamSummary.From(v, stations)).ToList();
            _asOf = Time.GetUtcNow();
            _failure = null;
        }
        catch (Exception e)
        {
            // The last figures stay on the page under the failure notice.
            _failure = e;
        }
    }
}
