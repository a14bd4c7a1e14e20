using Bunit;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Analytics;
using GuoduActors.Tests.Sla;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Radzen;

namespace GuoduActors.Tests.Dashboard;

/// <summary>
/// A bUnit context for the analytics pages (teams, satisfaction, weekly reports): their real components and the
/// dashboard's own services, with fake sources, a fake clock, pushes the test makes and a sign-in the test chooses.
/// Chinese unless a test opens an English <see cref="CultureScope"/>.
/// </summary>
public abstract class AnalyticsPageContext : BunitContext
{
    private readonly CultureScope _chinese = new("zh-CN");

    internal FakeRosterSource Roster { get; } = new();
    internal FakeTeamSource Teams { get; } = new();
    internal FakeRatingSource Ratings { get; } = new();
    internal FakeWeeklyReportSource Reports { get; } = new();
    internal FakeLiveUpdates Live { get; } = new();
    internal FakeTimeProvider Time { get; } = new(SampleOverview.AsOf);
    internal TestAuthentication Authentication { get; } = new();

    protected AnalyticsPageContext()
    {
        // Radzen's components call into their JavaScript; these tests read the markup. Charts need a size to draw in.
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true).SetResult(new() { Width = 600, Height = 300 });
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createGauge", _ => true).SetResult(new() { Width = 300, Height = 180 });
        Services.AddRadzenComponents();
        Services.AddLocalization();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<ILiveUpdates>(Live);
        Services.AddSingleton<AuthenticationStateProvider>(Authentication);
        Services.AddScoped<CurrentActor>();
        Services.AddSingleton(SlaTestData.ShippedCatalogue);
        Services.AddSingleton<IRosterSource>(Roster);
        Services.AddSingleton<ITeamSource>(Teams);
        Services.AddSingleton<IRatingSource>(Ratings);
        Services.AddSingleton<IWeeklyReportSource>(Reports);
    }

    internal static Actor Planner { get; } = new("planner", ActorRole.Planner, [], null, null);

    internal void SignInAs(Actor actor) => Authentication.SignIn(actor);

    /// <summary>Opens <paramref name="relativeUri"/> first, as the browser would, for pages that read their address.</summary>
    internal void NavigateTo(string relativeUri) => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(relativeUri);

    protected override void Dispose(bool disposing)
    {
        _chinese.Dispose();
        base.Dispose(disposing);
    }
}
