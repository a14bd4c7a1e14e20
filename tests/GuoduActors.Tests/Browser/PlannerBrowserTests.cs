using System.Net.Http.Headers;
using System.Text.Json;
using GuoduActors.Tests.Browser.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// The product as a first look runs it: the real silo executable (memory storage, so nothing to clean up) started with a
/// simulated history of 230 days, whose forecasting service trains its first model at start. Small models (2 backtest
/// origins, 5 000 examples, 30 trees) keep that to well under a minute; the shared browser silo has no history to train on.
/// </summary>
public sealed class PlannerSiloFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _modelFolder = Directory.CreateTempSubdirectory("guodu-planner-").FullName;
    private SiloProcess? _silo;

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("The silo is not running.");

    public Uri BaseUrl => new($"http://127.0.0.1:{Silo.HttpPort}/");

    /// <summary>How long the silo took to start, seed and train its first model.</summary>
    public TimeSpan StartupTime { get; private set; }

    public async Task InitializeAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var id = $"planner-{Guid.NewGuid():N}";
        var silo = _silo = SiloProcess.Start("planner", connectionString: "", serviceId: id, clusterId: id, new Dictionary<string, string>
        {
            ["Storage:Mode"] = "Memory",
            ["Simulation:SeedHistory"] = "true",
            ["Simulation:Days"] = "230",
            ["Simulation:DailyTicketsPerStation"] = "0.3",
            ["Forecasting:ModelPath"] = Path.Combine(_modelFolder, "forecast.zip"),
            ["Forecasting:BacktestOrigins"] = "2",
            ["Forecasting:TrainingExamples"] = "5000",
            ["Forecasting:Iterations"] = "30",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await silo.WaitUntilHealthyWithAsync(activeSilos: 1, StartTimeout);
        using var planner = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        planner.DefaultRequestHeaders.Authorization = ApiClient.BasicAuth("planner", "Planner2026");
        await WaitForAssertionAsync(async () =>
        {
            if (silo.HasExited)
                throw new WaitAbandonedException($"The silo exited:{Environment.NewLine}{silo.OutputTail(40)}");
            using var status = JsonDocument.Parse(await planner.GetStringAsync("/api/forecast"));
            Assert.Null(status.RootElement.GetProperty("failure").GetString());
            Assert.Equal(JsonValueKind.String, status.RootElement.GetProperty("trainedAt").ValueKind);
        }, StartTimeout, TimeSpan.FromMilliseconds(500));
        StartupTime = watch.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        Directory.Delete(_modelFolder, recursive: true);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class PlannerBrowserTests(BrowserFixture browser, PlannerSiloFixture product, ITestOutputHelper output) : IClassFixture<PlannerSiloFixture>
{
    [Fact]
    public async Task APlannerSeesTheForecastWithItsIntervalTheAccuracyAndTheNextEightWeeksAndCanRetrain()
    {
        output.WriteLine($"Planner silo started, seeded and trained in {product.StartupTime.TotalSeconds:0.0} s.");
        await using var session = await browser.OpenSessionAsync(output, new BrowserNewContextOptions { BaseURL = product.BaseUrl.ToString() });
        await session.SignInAsync("planner", "Planner2026");
        var planner = new PlannerPage(session);

        await planner.GotoAsync();

        await Expect(planner.Heading).ToHaveTextAsync("需求预测与人力安排");
        await Expect(planner.SimulatedData).ToBeVisibleAsync();
        await Expect(planner.ModelInfo).ToContainTextAsync("模型训练于");
        await Expect(planner.Page.Locator("[data-chart=planner]")).ToContainTextAsync("80% 预测区间");
        var firstWeek = planner.WeekRows.First;
        Assert.Matches(@"^\d+(\.\d)?$", (await planner.Cell(firstWeek, "expected").TextContentAsync())!.Trim());
        Assert.Matches(@"^\d+(\.\d)? – \d+(\.\d)?$", (await planner.Cell(firstWeek, "hours-interval").TextContentAsync())!.Trim());
        await Expect(planner.BacktestWindow).ToContainTextAsync("2 个滚动起点");
        Assert.Matches(@"^\d+\.\d{3}$", (await planner.Accuracy("rel-mae", "overall").TextContentAsync())!.Trim());
        Assert.Matches(@"^\d+\.\d%$", (await planner.Accuracy("coverage80", "series").TextContentAsync())!.Trim());

        // The table's CSV, with the reader's cookie, as the link downloads it.
        var csv = await session.Context.APIRequest.GetAsync(await planner.CsvLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("week_start,week_end,station,category,expected,lower_80,upper_80,hours,hours_lower_80,hours_upper_80", lines[0]);
        Assert.Equal(10, lines.Length);

        await planner.Retrain.ClickAsync();
        await Expect(planner.Training).ToBeVisibleAsync();
        await Expect(planner.Retrain).ToBeDisabledAsync();
        await planner.ScreenshotAsync("retraining");
        session.AssertNoBrowserErrors();
    }
}
