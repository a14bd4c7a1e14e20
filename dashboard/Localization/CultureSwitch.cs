using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;

namespace GuoduActors.Dashboard.Localization;

/// <summary>
/// <c>GET /culture/set?culture=en&amp;redirectUri=/</c>: remembers the reader's language in the request-culture
/// cookie and sends the browser back. A full page load is needed because a Blazor circuit keeps the culture of
/// the request that opened it.
/// </summary>
public static class CultureSwitch
{
    public const string Path = "/culture/set";

    public static IEndpointConventionBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (string? culture, string? redirectUri, HttpContext context) => Set(culture, redirectUri ?? "/", context.Response))
            .ExcludeFromDescription();

    /// <summary>The address of the switch that changes to <paramref name="culture"/> and returns to <paramref name="returnTo"/>.</summary>
    public static string LinkTo(string culture, string returnTo) =>
        $"{Path.TrimStart('/')}?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(returnTo)}";

    /// <summary>
    /// Whether <paramref name="url"/> stays on this site: a path starting with one <c>/</c>. Refusing everything
    /// else (<c>//host</c>, <c>/\host</c>, absolute URLs) keeps the switch from being an open redirect.
    /// </summary>
    public static bool IsLocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
            return false;
        if (url.Length > 1 && url[1] is '/' or '\\')
            return false;
        return !url.Any(char.IsControl);
    }

    private static IResult Set(string? culture, string redirectUri, HttpResponse response)
    {
        if (!DashboardCultures.TryGetSupported(culture, out var supported))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported culture",
                detail: $"The culture '{culture}' is not one of: {string.Join(", ", DashboardCultures.Supported)}.");
        if (!IsLocalUrl(redirectUri))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Redirect not allowed",
                detail: "redirectUri must be a path on this site, starting with a single '/'.");

        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
            new CookieOptions { Path = "/", Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return TypedResults.LocalRedirect(redirectUri);
    }
}
