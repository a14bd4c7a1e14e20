using System.Collections.Concurrent;
using System.Diagnostics;
using GuoduActors.Silo.Roster;
using GuoduActors.Tests.Browser;
using GuoduActors.Tests.Browser.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Benchmarks;

/// <summary>
/// Dashboard freshness under load: the product as users run it (the silo executable on Azurite, the browser tests'
/// <see cref="BrowserFixture"/>), the overview open in headless Chromium, tickets registered through the HTTP API at a
/// steady rate (open loop: each is sent at its scheduled instant, whatever the answers before it). Two measures:
/// <list type="bullet">
/// <item>the live feed: from the moment a registration is sent to the moment its line appears in the feed (a
/// MutationObserver in the page stamps each ticket id the first time it is shown);</item>
/// <item>a probe: one station outside the load gets one ticket at a time, and the page stamps when its open count shows it —
/// every probe is seen, so this measure has no selection bias (the feed shows the 30 newest lines, so at 200/s only
/// the last ones of each refresh are ever on screen).</item>
/// </list>
/// The baseline, in the same run, is the same measures at rest: one ticket a second.
/// </summary>
public static class FreshnessBenchmark
{
    public const string Name = "freshness";
    private const string ProbeStation = "bolangfeng";
    private const string ProbeCommunity = "fenglin";

    public static async Task<BenchmarkReport> RunAsync(BenchmarkArgs args)
    {
        var rate = args.Int("rate", 200, 1, 5000);
        var seconds = args.Int("seconds", args.Quick ? 10 : 30, 5, 3600);
        var rest = args.Int("rest", args.Quick ? 10 : 30, 5, 3600);
        var report = new BenchmarkReport(Name, "Dashboard freshness: registration to the browser's live feed", args.CommandLine);
        report.Parameters["load"] = $"{rate} tickets/s for {seconds} s";
        report.Parameters["rest"] = $"1 ticket/s for {rest} s";
        var clock = Stopwatch.StartNew();

        var fixture = new BrowserFixture();
        await fixture.InitializeAsync();
        try
        {
            report.Notes.Add($"Start-up: {fixture.StartupReport}.");
            var stations = RosterFile.Load(Repo.ShippedRosterPath).Stations
                .Where(s => s.Level != StationLevel.Office && s.Id != ProbeStation).Select(s => s.Id).ToArray();
            await using var session = await fixture.OpenSessionAsync(new ConsoleOutput(), variant: "benchmark");
            var overview = new OverviewPage(session);
            await overview.GotoAsync();
            await overview.ExpandAsync(ProbeCommunity, ProbeStation);
            await StampFeedAsync(session.Page);
            using var http = new HttpClient { BaseAddress = fixture.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

            // Warm-up: every station activated once, not measured.
            await Load.ClosedLoopAsync(stations.Length, 16, i => RegisterAsync(http, stations[i], $"warm-{i}"));

            var atRest = await PhaseAsync(http, session.Page, overview, stations, 1, rest, "rest");
            atRest.Report(report, "rest", "At rest (1 ticket/s)");
            var loaded = await PhaseAsync(http, session.Page, overview, stations, rate, seconds, "load");
            loaded.Report(report, "load", $"Under load ({rate} tickets/s)");

            report.Ratio("feedP95UnderLoad", "Live feed p95 under load ÷ 1 s target", loaded.FeedP95, 1000, "< 1 s", atMost: 1);
            report.Ratio("feedP95LoadOverRest", "Live feed p95: under load ÷ at rest", loaded.FeedP95, atRest.FeedP95);
            report.Ratio("probeP95LoadOverRest", "Probe (open count) p95: under load ÷ at rest", loaded.ProbeP95, atRest.ProbeP95);
            report.Ratio("achievedRate", "Registrations answered per second ÷ the rate asked for", loaded.Answered / loaded.Elapsed.TotalSeconds, rate, "≥ 0.95", atLeast: 0.95);
            session.AssertNoBrowserErrors();
        }
        finally
        {
            await fixture.DisposeAsync();
        }
        report.Notes.Add("Times on one clock: the load generator's send instant and the page's Date.now() (the same machine). The silo, Azurite, Chromium and the load generator share the machine's cores.");
        report.Notes.Add("The overview coalesces pushes to at most four a second and shows the 30 newest events: under load most tickets are never on screen (see the share seen), and those that are were the newest of their refresh.");
        report.Finish(clock.Elapsed);
        return report;
    }

    private sealed record Phase(int Sent, int Answered, int Failed, TimeSpan Elapsed, List<double> FeedMs, List<double> FeedAfterAnswerMs, List<double> ProbeMs, List<double> PostMs)
    {
        public double FeedP95 => FeedMs.Count == 0 ? double.NaN : BenchmarkReport.Percentile(FeedMs, 0.95);
        public double ProbeP95 => ProbeMs.Count == 0 ? double.NaN : BenchmarkReport.Percentile(ProbeMs, 0.95);

        public void Report(BenchmarkReport report, string key, string what)
        {
            report.Figure($"{key}Answered", $"{what}: registrations answered 201", Answered, "tickets");
            report.Figure($"{key}FeedShare", $"{what}: share of them that appeared in the live feed", FeedMs.Count / (double)Math.Max(1, Answered), "");
            report.Figure($"{key}AnsweredPerSecond", $"{what}: registrations answered per second (until the last answer)", Answered / Elapsed.TotalSeconds, "/s");
            report.Latencies($"{key}Feed", $"{what}: send → line in the live feed", FeedMs);
            report.Latencies($"{key}FeedAfterAnswer", $"{what}: 201 answer → line in the live feed", FeedAfterAnswerMs);
            report.Latencies($"{key}Probe", $"{what}: send → probe station's open count on screen", ProbeMs);
            report.Latencies($"{key}Post", $"{what}: the POST itself", PostMs);
            if (Failed > 0)
                report.Problems.Add($"{what}: {Failed} registrations failed.");
        }
    }

    /// <summary>Registers at <paramref name="rate"/> per second for <paramref name="seconds"/>, with probes running alongside, then reads the page's stamps.</summary>
    private static async Task<Phase> PhaseAsync(HttpClient http, IPage page, OverviewPage overview, string[] stations, int rate, int seconds, string label)
    {
        var sent = new ConcurrentDictionary<string, (long Sent, long Answered)>();
        var posts = new ConcurrentBag<double>();
        var failed = 0;
        var total = rate * seconds;
        var run = $"{label}-{Guid.NewGuid():N}"[..16];
        var start = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        using var stop = new CancellationTokenSource();
        var probes = ProbeAsync(http, overview, run, stop.Token);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            if (due > start.Elapsed)
                await Task.Delay(due - start.Elapsed);
            var (index, station) = (i, stations[i % stations.Length]);
            inFlight.Add(Task.Run(async () =>
            {
                var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var post = Stopwatch.StartNew();
                try
                {
                    var id = await RegisterAsync(http, station, $"{run}-{index}");
                    posts.Add(post.Elapsed.TotalMilliseconds);
                    sent[id] = (at, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }
        await Task.WhenAll(inFlight);
        var elapsed = start.Elapsed;
        await stop.CancelAsync();
        var probeLatencies = await probes;
        // The last registrations' lines arrive with the next refresh or two: give them a moment before reading the stamps.
        await page.WaitForTimeoutAsync(2000);
        var seen = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__guoduFeedSeen ?? {}");
        var shown = sent.Where(s => seen.ContainsKey(s.Key)).ToList();
        var feed = shown.Select(s => seen[s.Key] - s.Value.Sent).ToList();
        var afterAnswer = shown.Select(s => seen[s.Key] - s.Value.Answered).ToList();
        Console.WriteLine($"{label}: {sent.Count} answered in {start.Elapsed.TotalSeconds:0.0} s, {feed.Count} seen in the feed, {probeLatencies.Count} probes.");
        return new Phase(total, sent.Count, failed, elapsed, feed, afterAnswer, probeLatencies, [.. posts]);
    }

    /// <summary>One probe ticket at a time at the probe station; each measured from send to the open count on screen.</summary>
    private static async Task<List<double>> ProbeAsync(HttpClient http, OverviewPage overview, string run, CancellationToken stop)
    {
        var latencies = new List<double>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var before = int.Parse(await overview.OpenCount(ProbeStation).GetAttributeAsync("data-open") ?? "", System.Globalization.CultureInfo.InvariantCulture);
            var expected = (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var watch = $"{run}-probe-{expected}";
            await overview.WatchForAsync(watch, OverviewPage.OpenCountSelector(ProbeStation), "data-open", expected);
            var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await RegisterAsync(http, ProbeStation, $"{run}-probe-{i}");
            await Expect(overview.OpenCount(ProbeStation)).ToHaveAttributeAsync("data-open", expected, new() { Timeout = 15_000 });
            var seenAt = await overview.SeenAtAsync(watch) ?? throw new InvalidOperationException($"The watch {watch} saw nothing.");
            latencies.Add(seenAt - sentAt);
        }
        return latencies;
    }

    /// <summary>Stamps, in the page, the first time each ticket id is shown in the live feed (<c>li[data-event]</c>).</summary>
    private static Task StampFeedAsync(IPage page) => page.EvaluateAsync("""
        () => {
            const seen = window.__guoduFeedSeen ??= {};
            const stamp = () => {
                const now = Date.now();
                for (const li of document.querySelectorAll('li[data-event]')) {
                    const id = li.getAttribute('data-event');
                    if (!(id in seen)) seen[id] = now;
                }
            };
            stamp();
            new MutationObserver(stamp).observe(document.documentElement, { subtree: true, childList: true });
        }
        """);

    private static async Task<string> RegisterAsync(HttpClient http, string station, string key)
    {
        using var response = await http.RegisterAsync(station, Tickets.Sample($"下水道堵了 — the drain is blocked ({key})"), key);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"POST at {station} answered {(int)response.StatusCode}.");
        return (await response.ReadAsync<GuoduActors.Silo.Api.TicketDto>()).Id;
    }

    /// <summary>The browser fixture's log lines, on the console.</summary>
    private sealed class ConsoleOutput : Xunit.Abstractions.ITestOutputHelper
    {
        public void WriteLine(string message) => Console.WriteLine(message);

        public void WriteLine(string format, params object[] args) => Console.WriteLine(format, args);
    }
}
