using System.Security.Claims;

namespace GuoduActors;

/// <summary>
/// The claims that carry an actor's scope, and the one mapping from a signed-in principal to the domain's
/// <see cref="Actor"/> — shared by the HTTP API and the dashboard so both apply the same scopes.
/// </summary>
public static class ActorClaims
{
    public const string StationClaim = "guodu:station";
    public const string TeamClaim = "guodu:team";

    /// <summary>The domain actor for a signed-in user; residents and anonymous callers get <c>null</c>.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true, Name: { } name } || !Enum.TryParse<ActorRole>(principal.FindFirst(ClaimTypes.Role)?.Value, out var role))
            return null;
        return new Actor(name, role,
            principal.FindAll(StationClaim).Select(c => c.Value).ToList(),
            principal.FindFirst(TeamClaim)?.Value, null);
    }
}
