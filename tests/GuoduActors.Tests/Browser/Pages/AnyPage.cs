using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser.Pages;

/// <summary>
/// Any routed page, ready once <paramref name="readySelector"/> shows and no "loading" text is left: for tests that visit
/// every page the same way. <paramref name="interactive"/> is false for the sign-in page, which renders without a circuit.
/// </summary>
public sealed class AnyPage(BrowserSession session, string path, string name, string readySelector, bool interactive = true)
    : DashboardPage(session, path)
{
    /// <summary>The widest window in which Radzen's responsive menu starts collapsed.</summary>
    private const int MenuCollapsesAtOrBelow = 768;

    protected override string Name => name;

    public override async Task WaitUntilReadyAsync()
    {
        if (interactive)
            await base.WaitUntilReadyAsync();
        await Expect(Page.Locator(readySelector).First).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-role=loading]")).ToHaveCountAsync(0);
        // On a tablet the circuit collapses the menu once it runs, and the layout's body slides over (a CSS transition):
        // widths measured or pictures taken before that ends show a page no reader sees for long.
        await Page.WaitForFunctionAsync($$"""
            () => {
                const sidebar = document.querySelector('.rz-sidebar');
                const body = document.querySelector('.rz-body');
                if (!sidebar || !body)
                    return true;
                const collapsed = window.innerWidth > {{MenuCollapsesAtOrBelow}} || sidebar.classList.contains('rz-sidebar-collapsed');
                const sliding = document.getAnimations().some(a => a instanceof CSSTransition && a.playState === 'running');
                return collapsed && !sliding && Math.abs(body.getBoundingClientRect().left - sidebar.getBoundingClientRect().right) <= 1;
            }
            """);
    }

    /// <summary>Resizes the window, reloads the page (layouts that differ by width settle from the start) and waits again.</summary>
    public async Task ResizeAsync(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await Page.ReloadAsync();
        await WaitUntilReadyAsync();
        await ScreenshotAsync($"{width}");
    }
}
