using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// The product as users run it — the real silo executable on Azure Tables (an in-memory Azurite on free ports), serving
/// the dashboard and the API on a free loopback port — and one headless Chromium, shared by the browser tests. Each
/// test opens its own <see cref="BrowserSession"/> (a fresh browser context: no cookies shared between tests).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // The browser tests check what a person sees, so the slow part (starting the silo) happens once per run.
    private static readonly TimeSpan SiloStartTimeout = TimeSpan.FromSeconds(90);

    private readonly AzuriteFixture _azurite = new();
    private SiloProcess? _silo;
    private string _serviceId = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>How long the fixture took to start: Azurite, the silo until its roster is served, and Chromium.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Where <see cref="StartupTime"/> went.</summary>
    public string StartupReport { get; private set; } = "";

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("The silo is not running.");

    /// <summary>The dashboard's root, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Silo.HttpPort}/");

    /// <summary>A client of the silo's HTTP API, as an API user or a resident's app would call it.</summary>
    public HttpClient Api => Silo.Http;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running.");

    public async Task InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        // A machine without Chromium fails at once with the install command, before anything was started.
        Chromium.EnsureInstalled();
        // The screenshots of one run, and only those: a stale picture of a test that no longer takes it misleads.
        if (Directory.Exists(BrowserSession.ScreenshotFolder))
            Directory.Delete(BrowserSession.ScreenshotFolder, recursive: true);
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);

        // The browser and the product start side by side: the silo's start is most of the wait.
        var browser = LaunchBrowserAsync(watch);
        var host = StartHostAsync(watch);
        await Task.WhenAll(browser, host);
        StartupTime = watch.Elapsed;
        StartupReport = $"Chromium {browser.Result.TotalSeconds:0.0} s, alongside {host.Result}";
    }

    private async Task<TimeSpan> LaunchBrowserAsync(Stopwatch watch)
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
        return watch.Elapsed;
    }

    private async Task<string> StartHostAsync(Stopwatch watch)
    {
        await _azurite.InitializeAsync();
        var azurite = watch.Elapsed;
        _serviceId = $"browser-{Guid.NewGuid():N}";
        var (healthy, served) = await StartSiloAsync(httpPort: null, watch);
        return $"Azurite {azurite.TotalSeconds:0.0} s, silo healthy {healthy.TotalSeconds:0.0} s, roster served {served.TotalSeconds:0.0} s";
    }

    /// <summary>
    /// Stops the product as a service manager would (SIGTERM) and starts it again on the same address and storage, as
    /// after an update: the open pages' circuits are gone with the old process. Returns once the roster is served.
    /// </summary>
    public async Task RestartSiloAsync()
    {
        var old = Silo;
        old.Terminate();
        Assert.True(await old.WaitForExitAsync(TimeSpan.FromSeconds(30)), $"The silo did not stop:{Environment.NewLine}{old.OutputTail(40)}");
        await old.DisposeAsync();
        await StartSiloAsync(old.HttpPort, Stopwatch.StartNew());
    }

    private async Task<(TimeSpan Healthy, TimeSpan Served)> StartSiloAsync(int? httpPort, Stopwatch watch)
    {
        var silo = _silo = SiloProcess.Start("dashboard", _azurite.ConnectionString, serviceId: _serviceId, clusterId: _serviceId, new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        }, httpPort: httpPort);
        try
        {
            await silo.WaitUntilHealthyWithAsync(activeSilos: 1, SiloStartTimeout);
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"The silo did not become healthy:{Environment.NewLine}{silo.OutputTail(40)}", e);
        }
        var healthy = watch.Elapsed;
        // Healthy is not yet loaded: the roster goes into the grains at start, and the overview needs it.
        await WaitForAssertionAsync(async () =>
        {
            if (silo.HasExited)
                throw new WaitAbandonedException($"The silo exited:{Environment.NewLine}{silo.OutputTail(40)}");
            var stations = await silo.Http.GetFromJsonAsync<List<StationDto>>("/api/stations", ApiClient.Json);
            Assert.NotEmpty(stations!);
        }, SiloStartTimeout, TimeSpan.FromMilliseconds(200));
        return (healthy, watch.Elapsed);
    }

    /// <summary>
    /// A fresh browser context and page for one test; dispose it at the end of the test. Screenshots are named after the
    /// test, plus <paramref name="variant"/> for a theory's cases.
    /// </summary>
    public Task<BrowserSession> OpenSessionAsync(ITestOutputHelper output, BrowserNewContextOptions? options = null, string? variant = null,
        [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        output.WriteLine($"Dashboard at {BaseUrl} (silo process {Silo.Name}; the fixture started in {StartupTime.TotalSeconds:0.0} s: {StartupReport}).");
        var name = $"{Path.GetFileNameWithoutExtension(file)}.{test}{(variant is null ? "" : "-" + variant)}";
        return BrowserSession.OpenAsync(this, output, name, options);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_silo is not null)
            await _silo.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

/// <summary>
/// The browser tests run alone, after the parallel collections: they measure how fast a push reaches the screen, which
/// two busy cores would blur, and Chromium plus a silo process would slow the other collections down in turn.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
