using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser.Pages;

/// <summary>
/// What every dashboard page has — the layout's header with the language switch, the menu, the circuit — and the ways a
/// test reaches and reads it. A page object per routed page derives from this and names its own elements, preferably by
/// the <c>data-*</c> attributes the components render for tests and tools rather than by text or Radzen's classes.
/// </summary>
public abstract class DashboardPage(BrowserSession session, string path)
{
    protected BrowserSession Session { get; } = session;

    public IPage Page => Session.Page;

    /// <summary>The page's address relative to the dashboard's root, e.g. <c>/</c>.</summary>
    public string Path { get; } = path;

    /// <summary>Present once the Blazor circuit has rendered: before that the page is prerendered HTML and ignores clicks.</summary>
    public ILocator Interactive => Page.Locator("[data-interactive=true]");

    public ILocator Html => Page.Locator("html");

    public ILocator Heading => Page.Locator("h1");

    /// <summary>The header's button that offers the other language; its <c>data-culture</c> is the language it switches to.</summary>
    public ILocator LanguageSwitch => Page.Locator("button[data-culture]");

    public ILocator MenuItems => Page.Locator(".rz-sidebar .rz-navigation-item");

    /// <summary>Opens the page, waits until it is interactive and ready to read, and keeps a screenshot of it.</summary>
    public async Task GotoAsync()
    {
        var response = await Page.GotoAsync(Path);
        Assert.True(response is { Ok: true }, $"GET {Path} answered {response?.Status}");
        await WaitUntilReadyAsync();
        await ScreenshotAsync();
    }

    /// <summary>Reloads the page (a new circuit) and waits as <see cref="GotoAsync"/> does.</summary>
    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitUntilReadyAsync();
        await ScreenshotAsync("reloaded");
    }

    /// <summary>Waits for the circuit; a page overrides this to also wait for its data.</summary>
    public virtual async Task WaitUntilReadyAsync() => await Expect(Interactive).ToBeAttachedAsync();

    public Task<string> ScreenshotAsync(string? label = null) =>
        Session.ScreenshotAsync($"{Name}-{CultureLabel}{(label is null ? "" : "-" + label)}");

    /// <summary>The page's language as the document declares it (<c>html[lang]</c>).</summary>
    public async Task<string> LanguageAsync() => await Html.GetAttributeAsync("lang") ?? "";

    /// <summary>Clicks the header's language button and waits for the page to come back, interactive, in that language.</summary>
    public async Task SwitchLanguageAsync()
    {
        var target = await LanguageSwitch.GetAttributeAsync("data-culture") ?? throw new InvalidOperationException("The language button names no culture.");
        await LanguageSwitch.ClickAsync();
        // The switch is a full load (a circuit keeps its culture), so the new document has the new lang.
        await Expect(Html).ToHaveAttributeAsync("lang", target);
        CultureLabel = target;
        await WaitUntilReadyAsync();
        await ScreenshotAsync();
    }

    /// <summary>Opens the page in <paramref name="culture"/> through the language switch's own endpoint (it sets the cookie).</summary>
    public async Task GotoInAsync(string culture)
    {
        CultureLabel = culture;
        var response = await Page.GotoAsync($"/culture/set?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString(Path)}");
        Assert.True(response is { Ok: true }, $"Opening {Path} in {culture} answered {response?.Status}");
        await Expect(Html).ToHaveAttributeAsync("lang", culture);
        await WaitUntilReadyAsync();
        await ScreenshotAsync();
    }

    /// <summary>Marks the current document, so that <see cref="IsSameDocumentAsync"/> tells whether it was reloaded or left since.</summary>
    public Task MarkDocumentAsync() => Page.EvaluateAsync("() => { window.__guoduMarker = 1; }");

    public Task<bool> IsSameDocumentAsync() => Page.EvaluateAsync<bool>("() => window.__guoduMarker === 1");

    /// <summary>
    /// The widths that tell whether the reader must scroll sideways: the document's against the window's, and the
    /// layout body's content against its visible width (Radzen's layout scrolls there, not in the document).
    /// </summary>
    public async Task<(int Document, int Window, int Body, int BodyVisible)> WidthsAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("""
            () => {
                const body = document.querySelector('.rz-body') ?? document.body;
                return [document.documentElement.scrollWidth, window.innerWidth, body.scrollWidth, body.clientWidth];
            }
            """);
        return (widths[0], widths[1], widths[2], widths[3]);
    }

    /// <summary>
    /// Starts watching, inside the page, for the element at <paramref name="selector"/> to have <paramref name="attribute"/>
    /// = <paramref name="expected"/>; <see cref="SeenAtAsync"/> then tells when that happened, on the page's clock
    /// (<c>Date.now()</c>, the machine's clock), to the millisecond — no polling from the test in between.
    /// </summary>
    public Task WatchForAsync(string key, string selector, string attribute, string expected) =>
        Page.EvaluateAsync("""
            ([key, selector, attribute, expected]) => {
                const watches = window.__guoduWatches ??= {};
                const matches = () => document.querySelector(selector)?.getAttribute(attribute) === expected;
                watches[key] = matches() ? Date.now() : null;
                if (watches[key] !== null) return;
                const observer = new MutationObserver(() => {
                    if (matches()) { watches[key] = Date.now(); observer.disconnect(); }
                });
                observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
            }
            """, new[] { key, selector, attribute, expected });

    /// <summary>When (Unix milliseconds) the watch <paramref name="key"/> saw its value, or null if it has not yet.</summary>
    public async Task<long?> SeenAtAsync(string key)
    {
        var seen = await Page.EvaluateAsync<double?>("key => window.__guoduWatches?.[key] ?? null", key);
        return seen is { } ms ? (long)ms : null;
    }

    /// <summary>A short name for screenshots, e.g. <c>overview</c>.</summary>
    protected abstract string Name { get; }

    /// <summary>The language the page was last opened in, for screenshot names.</summary>
    protected string CultureLabel { get; private set; } = "default";

    protected static int ParseCount(string? text)
    {
        var digits = new string((text ?? "").Where(char.IsAsciiDigit).ToArray());
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }
}
