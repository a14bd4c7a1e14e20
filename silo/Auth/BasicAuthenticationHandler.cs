using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GuoduActors.Silo.Auth;

/// <summary>
/// HTTP Basic authentication against the local users, for scripts and API clients that cannot hold a cookie.
/// Written by hand because ASP.NET Core ships no Basic handler; it only decodes the header and defers to
/// <see cref="LocalUsers"/>. Use it over TLS in production.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, LocalUsers users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Scheme != SchemeName)
            return Task.FromResult(AuthenticateResult.NoResult());
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? ""));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("The Basic credentials are not valid base64."));
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0)
            return Task.FromResult(AuthenticateResult.Fail("The Basic credentials must be user:password."));
        var principal = users.SignIn(decoded[..colon], decoded[(colon + 1)..], SchemeName);
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail("Unknown user or wrong password.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} realm=\"GuoduActors\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
