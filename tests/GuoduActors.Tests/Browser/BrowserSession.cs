using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// One test's browser: a fresh context (its own cookies) with one page on the dashboard's address, every page's
/// problems collected, and screenshots kept under <c>artifacts/screenshots/</c>.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    /// <summary>Longest wait for one action or element; a test needs a handful of them and stays well under 30 s.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(10);

    private readonly ITestOutputHelper _output;
    private readonly string _name;
    private int _screenshots;

    private BrowserSession(BrowserFixture fixture, IBrowserContext context, IPage page, BrowserDiagnostics diagnostics, ITestOutputHelper output, string name)
    {
        Fixture = fixture;
        Diagnostics = diagnostics;
        Context = context;
        Page = page;
        _output = output;
        _name = name;
    }

    /// <summary>Where every test's screenshots go: <c>artifacts/screenshots/</c> at the repository root (git-ignored).</summary>
    public static string ScreenshotFolder => Path.Combine(Repo.Root, "artifacts", "screenshots");

    public BrowserFixture Fixture { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public BrowserDiagnostics Diagnostics { get; }

    internal static async Task<BrowserSession> OpenAsync(BrowserFixture fixture, ITestOutputHelper output, string name, BrowserNewContextOptions? options)
    {
        options ??= new();
        options.BaseURL ??= fixture.BaseUrl.ToString();
        options.ViewportSize ??= new() { Width = 1280, Height = 900 };
        var context = await fixture.Browser.NewContextAsync(options);
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        // Expect's own default is 5 s; on a busy machine the start of a circuit alone takes seconds.
        Assertions.SetDefaultExpectTimeout((float)ActionTimeout.TotalMilliseconds);
        var diagnostics = new BrowserDiagnostics();
        diagnostics.Follow(context);
        var page = await context.NewPageAsync();

        return new BrowserSession(fixture, context, page, diagnostics, output, UnsafeFileCharacters().Replace(name, "_"));
    }

    /// <summary>
    /// Saves a screenshot as <c>{test}-{nn}-{label}.png</c> and returns its path. Radzen's layout scrolls inside its body,
    /// so the picture is the window, not the whole length of a long page.
    /// </summary>
    public async Task<string> ScreenshotAsync(string label)
    {
        var path = Path.Combine(ScreenshotFolder, $"{_name}-{++_screenshots:00}-{UnsafeFileCharacters().Replace(label, "_")}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>The helper behind "no browser console errors on any page": fails with every problem seen so far.</summary>
    public void AssertNoBrowserErrors() => Diagnostics.AssertNone();

    /// <summary>
    /// Signs in as a local user with the dashboard's cookie sign-in form post (<c>POST /account/signin</c>). The
    /// context's request API shares the context's cookies, so every page opened afterwards is signed in.
    /// </summary>
    public async Task SignInAsync(string userName, string password)
    {
        // Through the sign-in page, as a person does: the form carries the antiforgery token the endpoint demands.
        await Page.GotoAsync("/signin?returnUrl=%2F");
        await Page.FillAsync("#userName", userName);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("[data-role=sign-in]");
        await Page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        Assert.DoesNotContain("/signin", Page.Url, StringComparison.Ordinal);
    }

    /// <summary>Writes a line to the test's output.</summary>
    public void Log(string message) => _output.WriteLine(message);

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The last state of the page, whatever happened: the first thing to look at when a test failed.
            if (!Page.IsClosed)
                Log($"screenshot: {await ScreenshotAsync("end")}");
        }
        catch (PlaywrightException e)
        {
            Log($"no final screenshot: {e.Message}");
        }
        foreach (var problem in Diagnostics.Problems)
            Log($"browser: {problem}");
        await Context.DisposeAsync();
    }

    [GeneratedRegex(@"[^\w.\-]")]
    private static partial Regex UnsafeFileCharacters();
}
