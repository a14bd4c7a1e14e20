namespace GuoduActors.Dashboard.Services.Analytics;

/// <summary>
/// Who may see which analytics page: the same rules as the HTTP API (README, access control), so the dashboard never
/// shows what the API would refuse. The menu hides pages by role; each page checks again, since anyone can type a URL.
/// </summary>
public static class AnalyticsAccess
{
    /// <summary>Leaders and planners see every team; a team lead sees their own.</summary>
    public static bool MaySeeTeam(Actor? viewer, string teamId) =>
        viewer is not null && (SeesEveryTeam(viewer) || (viewer.Role == ActorRole.TeamLead && viewer.TeamId == teamId));

    public static bool MaySeeTeams(Actor? viewer) =>
        viewer is not null && (SeesEveryTeam(viewer) || viewer is { Role: ActorRole.TeamLead, TeamId: not null });

    public static bool SeesEveryTeam(Actor viewer) => viewer.Role is ActorRole.Leader or ActorRole.Planner;

    /// <summary>Satisfaction analytics are for leaders and planners.</summary>
    public static bool MaySeeSatisfaction(Actor? viewer) => viewer?.Role is ActorRole.Leader or ActorRole.Planner;

    /// <summary>Weekly reports: leaders, planners and station staff (their stations only, see <see cref="MaySeeReport"/>).</summary>
    public static bool MaySeeReports(Actor? viewer) => viewer?.Role is ActorRole.Leader or ActorRole.Planner or ActorRole.StationStaff;

    /// <summary>As <c>GET /api/reports/weekly</c> scopes it: staff see the stations they work for (a level-1 station's include its level-2 ones).</summary>
    public static bool MaySeeReport(Actor viewer, string stationId) => viewer.Role != ActorRole.StationStaff || viewer.Manages(stationId);

    /// <summary>The planner page (forecasts and the staffing they imply): planners and leaders.</summary>
    public static bool MaySeePlanner(Actor? viewer) => viewer?.Role is ActorRole.Leader or ActorRole.Planner;

    /// <summary>Retraining the forecasting model on demand: the planners it serves, and leaders (who may do everything).</summary>
    public static bool MayRetrainForecasts(Actor? viewer) => viewer?.Role is ActorRole.Leader or ActorRole.Planner;

    /// <summary>Only leaders compile a week on demand (<c>POST /api/reports/weekly/compile</c>).</summary>
    public static bool MayCompileReports(Actor? viewer) => viewer?.Role == ActorRole.Leader;
}
