using GuoduActors.Dashboard.Components;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Radzen;

namespace GuoduActors.Dashboard;

public static class DashboardHosting
{
    /// <summary>The Blazor Server dashboard: components, Radzen, localization and the Orleans-backed overview.</summary>
    public static WebApplicationBuilder AddGuoduDashboard(this WebApplicationBuilder builder)
    {
        // Static web assets (Radzen's _content/, blazor.web.js) must be served from the build output outside
        // Development too: `dotnet run` starts the silo as Production. A published app has no runtime manifest and
        // serves them from its wwwroot, so this changes nothing there; Development does it by itself.
        if (!builder.Environment.IsDevelopment())
            builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        // The circuit sees the same cookie principal as the HTTP pipeline (signed in at /account/signin).
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentActor>();
        services.AddRadzenComponents();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(DashboardCultures.Default)
                .AddSupportedCultures([.. DashboardCultures.Supported])
                .AddSupportedUICultures([.. DashboardCultures.Supported]);
            // The cookie alone: the office works in Chinese whatever a shared computer's browser prefers, and a
            // query string would reach the first request but not the circuit's, which would render Chinese again.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOverviewSource, OrleansOverviewSource>();
        services.TryAddSingleton<ILiveUpdates, OrleansLiveUpdates>();
        services.TryAddSingleton<IGovernanceFigures, OrleansGovernanceFigures>();
        services.TryAddSingleton<IStationSource, OrleansStationSource>();
        services.AddGuoduTicketServices();
        services.AddGuoduAnalytics();
        // Runs the live subscription when the registered updates are the Orleans ones (a test may register others).
        services.AddHostedService<LiveUpdatesRunner>();
        return builder;
    }

    /// <summary>Middleware the dashboard needs; call before the endpoints are mapped.</summary>
    public static WebApplication UseGuoduDashboard(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The dashboard's pages, its static assets (Radzen's included) and the language switch.</summary>
    public static WebApplication MapGuoduDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapCultureSwitch();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
