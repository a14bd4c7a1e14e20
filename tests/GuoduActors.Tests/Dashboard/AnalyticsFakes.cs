using System.Collections.Concurrent;
using System.Security.Claims;
using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Services.Analytics;
using Microsoft.AspNetCore.Components.Authorization;

namespace GuoduActors.Tests.Dashboard;

/// <summary>Signs the circuit in as whichever actor the test names, with the claims the silo's sign-in issues.</summary>
internal sealed class TestAuthentication : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public void SignIn(Actor actor)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, actor.UserId), new(ClaimTypes.Role, actor.Role.ToString()) };
        claims.AddRange(actor.StationScope.Select(s => new Claim(ActorClaims.StationClaim, s)));
        if (actor.TeamId is { } team)
            claims.Add(new Claim(ActorClaims.TeamClaim, team));
        _user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}

internal sealed class FakeRosterSource : IRosterSource
{
    public GuoduActors.Roster Roster { get; set; } = SampleAnalytics.Roster;

    public Task<GuoduActors.Roster> GetRosterAsync() => Task.FromResult(Roster);
}

/// <summary>Answers each team with whatever the test set last, and counts the reads per team.</summary>
internal sealed class FakeTeamSource : ITeamSource
{
    private readonly ConcurrentDictionary<string, TeamView> _teams = new();
    private readonly ConcurrentDictionary<string, int> _reads = new();

    public void Returns(TeamView view) => _teams[view.Info.Id] = view;

    public int Reads(string teamId) => _reads.GetValueOrDefault(teamId);

    public Task<TeamView> GetTeamAsync(string teamId)
    {
        _reads.AddOrUpdate(teamId, 1, (_, n) => n + 1);
        return _teams.TryGetValue(teamId, out var view)
            ? Task.FromResult(view)
            : Task.FromException<TeamView>(DomainRefusalException.NotFound($"No volunteer team '{teamId}' is in the roster."));
    }
}

/// <summary>Ratings and comments the test sets; remembers which comments were asked for.</summary>
internal sealed class FakeRatingSource : IRatingSource
{
    public List<RatedTicket> Ratings { get; } = [];

    /// <summary>Comments by ticket; a ticket missing here is one whose grain could not be read.</summary>
    public Dictionary<string, string?> Comments { get; } = [];

    public List<IReadOnlyCollection<string>> CommentRequests { get; } = [];

    public int RatingReads { get; private set; }

    public Task<IReadOnlyList<RatedTicket>> GetRatingsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        RatingReads++;
        return Task.FromResult<IReadOnlyList<RatedTicket>>(Ratings.Where(r => r.ClosedAt >= from && r.ClosedAt < to).ToList());
    }

    public Task<IReadOnlyDictionary<string, string?>> GetCommentsAsync(IReadOnlyCollection<string> ticketIds, CancellationToken cancellationToken = default)
    {
        CommentRequests.Add(ticketIds);
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(
            ticketIds.Where(Comments.ContainsKey).ToDictionary(id => id, id => Comments[id]));
    }
}

/// <summary>Weekly reports per week as the test sets them; compiling a week stores what <see cref="OnCompile"/> returns.</summary>
internal sealed class FakeWeeklyReportSource : IWeeklyReportSource
{
    public Dictionary<DateOnly, IReadOnlyList<WeeklyReport>> Weeks { get; } = [];

    public List<DateOnly> Read { get; } = [];

    public List<DateOnly> Compiled { get; } = [];

    public Func<DateOnly, IReadOnlyList<WeeklyReport>> OnCompile { get; set; } = week => SampleAnalytics.Reports(week);

    public Task<IReadOnlyList<WeeklyReport>> GetWeekAsync(DateOnly weekStart)
    {
        Read.Add(weekStart);
        return Task.FromResult(Weeks.GetValueOrDefault(weekStart) ?? []);
    }

    public Task<IReadOnlyList<WeeklyReport>> CompileAsync(DateOnly weekStart)
    {
        Compiled.Add(weekStart);
        try
        {
            return Task.FromResult(Weeks[weekStart] = OnCompile(weekStart));
        }
        catch (Exception e)
        {
            return Task.FromException<IReadOnlyList<WeeklyReport>>(e);
        }
    }
}
