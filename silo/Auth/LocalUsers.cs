using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace GuoduActors.Silo.Auth;

/// <summary>
/// The configured users and what each may do, resolved against the roster: a level-1 station's staff manage its
/// level-2 stations too, so scopes are expanded once here rather than checked up the hierarchy on every call.
/// </summary>
public sealed class LocalUsers
{
    private readonly Dictionary<string, LocalUser> _users;
    private readonly PasswordHasher<LocalUser> _hasher = new();
    private readonly GuoduActors.Roster _roster;

    public LocalUsers(AuthOptions options, GuoduActors.Roster roster)
    {
        _roster = roster;
        _users = new(StringComparer.OrdinalIgnoreCase);
        var stationIds = roster.Stations.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var user in options.Users)
        {
            if (!_users.TryAdd(user.UserName, user))
                throw new Hosting.StartupException($"user '{user.UserName}' is configured twice under Auth:Users.");
            if (user.Role == ActorRole.StationStaff && (user.Stations.Count == 0 || user.Stations.Any(s => !stationIds.Contains(s))))
                throw new Hosting.StartupException($"station-staff user '{user.UserName}' must name stations of the roster (Auth:Users:Stations).");
            if (user.Role == ActorRole.TeamLead && roster.Teams.All(t => t.Id != user.Team))
                throw new Hosting.StartupException($"team lead '{user.UserName}' must name a team of the roster (Auth:Users:Team).");
            if (user.Role is ActorRole.Resident or ActorRole.System or ActorRole.Open311App)
                throw new Hosting.StartupException($"user '{user.UserName}' has role {user.Role}, which is not a sign-in role.");
        }
    }

    /// <summary>The principal for a correct user name and password, or <c>null</c>.</summary>
    public ClaimsPrincipal? SignIn(string userName, string password, string scheme)
    {
        if (!_users.TryGetValue(userName, out var user))
        {
            // Same work for an unknown user as for a wrong password: no timing hint about which names exist.
            _hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            return null;
        }
        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        return result == PasswordVerificationResult.Failed ? null : Principal(user, scheme);
    }

    public string Hash(string password) => _hasher.HashPassword(DummyUser, password);

    private ClaimsPrincipal Principal(LocalUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.GivenName, user.DisplayName ?? user.UserName),
            new(ClaimTypes.Role, user.Role.ToString()),
        };
        claims.AddRange(ExpandStations(user.Stations).Select(s => new Claim(ActorClaims.StationClaim, s)));
        if (user.Team is { } team)
            claims.Add(new Claim(ActorClaims.TeamClaim, team));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private IEnumerable<string> ExpandStations(IEnumerable<string> stations) =>
        stations.SelectMany(id => _roster.Stations.Where(s => s.Id == id || s.ParentId == id).Select(s => s.Id)).Distinct();

    private static readonly LocalUser DummyUser = new() { UserName = "nobody" };
    private static readonly string DummyHash = new PasswordHasher<LocalUser>().HashPassword(DummyUser, Guid.NewGuid().ToString());
}
