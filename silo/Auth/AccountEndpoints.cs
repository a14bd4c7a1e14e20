using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GuoduActors.Silo.Auth;

public sealed record SignInBody(string? UserName, string? Password);

internal static class AccountEndpoints
{
    public static WebApplication MapGuoduAccount(this WebApplication app)
    {
        // Form post from the dashboard's sign-in page: sets the cookie and returns to a local page only. The form carries
        // an antiforgery token, checked here (the endpoint reads the form itself, so the middleware would not): without
        // it, another site could sign a visitor in under an account of its choosing.
        app.MapPost("/account/signin", async (HttpContext http, LocalUsers users, IAntiforgery antiforgery) =>
        {
            var form = await http.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (!IsLocal(returnUrl))
                returnUrl = "/";
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Redirect($"/signin?expired=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
            var principal = users.SignIn(form["userName"].ToString(), form["password"].ToString(), CookieAuthenticationDefaults.AuthenticationScheme);
            if (principal is null)
                return Results.Redirect($"/signin?failed=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            return Results.LocalRedirect(returnUrl);
        });

        app.MapPost("/account/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        });

        // JSON sign-in for API clients that prefer a cookie to sending Basic credentials on every call.
        app.MapPost("/api/auth/signin", async (HttpContext http, LocalUsers users) =>
        {
            var (body, problem) = await Api.JsonBody.ReadAsync<SignInBody>(http.Request);
            if (problem is not null)
                return problem;
            var principal = users.SignIn(body!.UserName ?? "", body.Password ?? "", CookieAuthenticationDefaults.AuthenticationScheme);
            if (principal is null)
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "Unknown user or wrong password.");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            return TypedResults.Ok(principal.ToActor());
        });

        app.MapGet("/api/me", (HttpContext http) => http.User.ToActor() is { } actor
            ? Results.Ok(actor)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "Sign in with a cookie or Basic credentials."));
        return app;
    }

    internal static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
