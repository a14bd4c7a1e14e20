using Microsoft.Playwright;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// Debian's Chromium, driven by Playwright. Playwright never downloads a browser here: the machine's own Chromium is
/// launched by path, and a machine without it fails the browser tests with the command that installs it.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>The flags this machine needs (TOOLCHAIN.md): root without a sandbox, no GPU, and no traffic of its own.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Fails, never skips, when the browser is missing: CI installs it, so its absence is a broken machine.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ExecutablePath}, which is missing: run `apt-get install -y chromium` " +
                "(.ci/run installs it). Playwright is not allowed to download a browser of its own.");
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        EnsureInstalled();

        // The driver (node + the Playwright package) ships inside Microsoft.Playwright's NuGet package and is copied to
        // the test binaries; only browsers would be downloaded, and this makes sure nothing ever tries.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Args,
                Timeout = 30_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
