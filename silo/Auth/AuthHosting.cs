using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GuoduActors.Silo.Auth;

public static class AuthHosting
{
    public const string SmartScheme = "GuoduSmart";

    /// <summary>
    /// Cookie sign-in for the dashboard and Basic for API clients, chosen per request. To use OpenID Connect instead,
    /// add <c>AddOpenIdConnect</c> here and map its role/station claims to the <see cref="LocalUsers"/> claim types.
    /// </summary>
    public static WebApplicationBuilder AddGuoduAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        foreach (var user in options.Users)
            Hosting.OrleansHosting.Validate(user, $"{AuthOptions.Section}:Users:{user.UserName}");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<LocalUsers>();

        builder.Services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or Basic", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                    ? BasicAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.Cookie.Name = "guodu.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                // APIs answer 401/403; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/open311"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
