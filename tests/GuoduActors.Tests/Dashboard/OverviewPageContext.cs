using Bunit;
using GuoduActors.Dashboard.Components.Overview;
using GuoduActors.Dashboard.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Radzen;

namespace GuoduActors.Tests.Dashboard;

/// <summary>A bUnit context holding the overview page's real services, with a fake source and a fake clock.</summary>
public abstract class OverviewPageContext : BunitContext
{
    internal FakeOverviewSource Source { get; } = new();

    internal FakeTimeProvider Time { get; } = new(SampleOverview.AsOf);

    internal FakeLiveUpdates Live { get; } = new();

    protected OverviewPageContext()
    {
        // Radzen's components call into their JavaScript; these tests read the markup, not the browser.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddLocalization();
        Services.AddLogging();
        Services.AddSingleton<IOverviewSource>(Source);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<ILiveUpdates>(Live);
    }

    internal IRenderedComponent<OverviewPage> RenderOverview() => Render<OverviewPage>();

    /// <summary>Lets the page's refresh timer fire once.</summary>
    internal void AdvanceToNextRefresh() => Time.Advance(OverviewPage.RefreshInterval);
}
