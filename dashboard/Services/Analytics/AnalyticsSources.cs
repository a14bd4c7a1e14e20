using GuoduActors.Dashboard.Analytics;

namespace GuoduActors.Dashboard.Services.Analytics;

/// <summary>The roster the analytics pages name stations, teams and the office by.</summary>
public interface IRosterSource
{
    /// <summary>The roster last applied; refuses with <see cref="RefusalKind.NotFound"/> before one was applied.</summary>
    Task<Roster> GetRosterAsync();
}

/// <summary>The volunteer teams' live figures.</summary>
public interface ITeamSource
{
    /// <summary>The team with its members, duty schedule, jobs and totals.</summary>
    Task<TeamView> GetTeamAsync(string teamId);
}

/// <summary>The residents' ratings, for the satisfaction page.</summary>
public interface IRatingSource
{
    /// <summary>Every rating given in [<paramref name="from"/>, <paramref name="to"/>), from the ticket projection.</summary>
    Task<IReadOnlyList<RatedTicket>> GetRatingsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The residents' comments on these tickets' ratings (a ticket without one maps to <c>null</c>; one that could not be
    /// read is missing). At most <see cref="MaxComments"/> tickets per call: comments live on the tickets themselves.
    /// </summary>
    Task<IReadOnlyDictionary<string, string?>> GetCommentsAsync(IReadOnlyCollection<string> ticketIds, CancellationToken cancellationToken = default);

    public const int MaxComments = 50;
}

/// <summary>The weekly reports (周汇总) the Small Affairs Office holds, and the leaders' compilation of a week.</summary>
public interface IWeeklyReportSource
{
    /// <summary>Every report of the week (office → level-1 → level-2), empty before the week is compiled.</summary>
    Task<IReadOnlyList<WeeklyReport>> GetWeekAsync(DateOnly weekStart);

    /// <summary>Compiles the week through the hierarchy now (idempotent) and returns every report of it.</summary>
    Task<IReadOnlyList<WeeklyReport>> CompileAsync(DateOnly weekStart);
}
