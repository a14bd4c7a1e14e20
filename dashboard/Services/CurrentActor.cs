using Microsoft.AspNetCore.Components.Authorization;

namespace GuoduActors.Dashboard.Services;

/// <summary>
/// Who is using this circuit, as the domain sees them: the same <see cref="Actor"/> (role and station scope) that the
/// HTTP API derives from the same cookie, so the dashboard offers exactly what the grains will accept.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    /// <summary>The signed-in actor, or <c>null</c> for an anonymous visitor (a resident).</summary>
    public async Task<Actor?> GetAsync() => (await authentication.GetAuthenticationStateAsync()).User.ToActor();

    /// <summary>The display name of the signed-in user, or <c>null</c>.</summary>
    public async Task<string?> DisplayNameAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirst(System.Security.Claims.ClaimTypes.GivenName)?.Value;
}
