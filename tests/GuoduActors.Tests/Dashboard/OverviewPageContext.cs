using Bunit;
using Bunit.TestDoubles;
using GuoduActors.Dashboard.Components.Overview;
using GuoduActors.Dashboard.Services;
using GuoduActors.Tests.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Radzen;

namespace GuoduActors.Tests.Dashboard;

/// <summary>
/// A bUnit context holding the dashboard pages' real services, with fake sources, a fake clock, fake pushes, the
/// shipped catalogue and an anonymous reader (<see cref="SignIn"/> changes who reads).
/// </summary>
public abstract class OverviewPageContext : BunitContext
{
    internal FakeOverviewSource Source { get; } = new();

    internal FakeTimeProvider Time { get; } = new(SampleOverview.AsOf);

    internal FakeLiveUpdates Live { get; } = new();

    internal FakeGovernanceFigures Figures { get; } = new();

    internal FakeStationSource Stations { get; } = new();

    internal BunitAuthorizationContext Auth { get; }

    protected OverviewPageContext()
    {
        // Radzen's components call into their JavaScript; these tests read the markup, not the browser.
        JSInterop.Mode = JSRuntimeMode.Loose;
        // A chart draws once it knows its size.
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true).SetResult(new() { Width = 600, Height = 300 });
        Services.AddRadzenComponents();
        Services.AddLocalization();
        Services.AddLogging();
        Services.AddSingleton<IOverviewSource>(Source);
        Services.AddSingleton<IGovernanceFigures>(Figures);
        Services.AddSingleton<IStationSource>(Stations);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<ILiveUpdates>(Live);
        Services.AddSingleton(SlaTestData.ShippedCatalogue);
        Services.AddScoped<CurrentActor>();
        Auth = AddAuthorization();
    }

    /// <summary>Signs a user in, with the claims the silo's sign-in gives (role, and the stations for staff).</summary>
    internal void SignIn(string userName, ActorRole role, params string[] stations)
    {
        Auth.SetAuthorized(userName);
        Auth.SetClaims([
            new(System.Security.Claims.ClaimTypes.Role, role.ToString()),
            .. stations.Select(s => new System.Security.Claims.Claim(ActorClaims.StationClaim, s)),
        ]);
    }

    internal IRenderedComponent<OverviewPage> RenderOverview() => Render<OverviewPage>();

    /// <summary>Lets the page's refresh timer fire once.</summary>
    internal void AdvanceToNextRefresh() => Time.Advance(OverviewPage.RefreshInterval);
}
