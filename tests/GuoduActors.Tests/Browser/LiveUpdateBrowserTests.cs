using System.Diagnostics;
using System.Globalization;
using GuoduActors.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// A matter registered through the HTTP API reaches an open overview by push, without a reload. Measured from the
/// moment the test sends the registration to the moment the page's DOM shows it (a MutationObserver in the page
/// stamps it), both on this machine's clock.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveUpdateBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Station = "bolangfeng";
    private const int MeasuredRegistrations = 20;

    // The issue's promise. The page also re-reads everything every 2 s as a safety net for a lost push, so this bound
    // alone cannot tell push from polling; the latency figures below can (polling alone would give a p95 near 2 s).
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(2);

    // At rest, push lands in a few hundred milliseconds (the sub-district coalesces events to at most 4 a second).
    private static readonly TimeSpan PushP95 = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task TicketRegisteredThroughTheApiAppearsWithoutReloadWithinTwoSeconds()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        var overview = await OpenWithBolangfengShownAsync(session);
        var openBefore = await overview.StatAsync("open");
        await overview.MarkDocumentAsync();

        var (toScreen, post, ticketId) = await RegisterAndMeasureAsync(overview);

        await Expect(overview.Stat("open")).ToHaveTextAsync((openBefore + 1).ToString("N0", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.True(await overview.IsSameDocumentAsync(), "The page was reloaded or left: the marker set before the registration is gone.");
        await overview.ScreenshotAsync("after-registration");
        session.Log($"{ticketId}: on screen {toScreen.TotalMilliseconds:0} ms after the POST was sent (the POST itself took {post.TotalMilliseconds:0} ms).");
        Assert.True(toScreen < Promised, $"The registration took {toScreen.TotalMilliseconds:0} ms to reach the page; promised: under {Promised.TotalMilliseconds:0} ms.");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task PushReachesTheOverviewWellWithinASecondAtRest()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        var overview = await OpenWithBolangfengShownAsync(session);
        await overview.MarkDocumentAsync();
        // The first registration may activate grains (the station, the numbering); measure the steady state after it.
        var (warmUp, _, _) = await RegisterAndMeasureAsync(overview);

        var toScreen = new List<TimeSpan>();
        var posts = new List<TimeSpan>();
        for (var i = 0; i < MeasuredRegistrations; i++)
        {
            var (screen, post, _) = await RegisterAndMeasureAsync(overview);
            toScreen.Add(screen);
            posts.Add(post);
        }

        Assert.True(await overview.IsSameDocumentAsync(), "The page was reloaded or left during the registrations.");
        var (p50, p95, max) = (Percentile(toScreen, 0.50), Percentile(toScreen, 0.95), toScreen.Max());
        session.Log($"Registration → overview, {MeasuredRegistrations} registrations at rest (after a warm-up of {warmUp.TotalMilliseconds:0} ms): " +
            $"p50 {p50.TotalMilliseconds:0} ms, p95 {p95.TotalMilliseconds:0} ms, max {max.TotalMilliseconds:0} ms; " +
            $"the POST alone: p50 {Percentile(posts, 0.50).TotalMilliseconds:0} ms, p95 {Percentile(posts, 0.95).TotalMilliseconds:0} ms.");
        session.Log($"All (ms): {string.Join(", ", toScreen.Select(t => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)))}");
        Assert.True(p95 < PushP95, $"p95 {p95.TotalMilliseconds:0} ms is not under {PushP95.TotalMilliseconds:0} ms.");
        Assert.True(max < Promised, $"The slowest registration took {max.TotalMilliseconds:0} ms to reach the page.");
        session.AssertNoBrowserErrors();
    }

    private static async Task<OverviewPage> OpenWithBolangfengShownAsync(BrowserSession session)
    {
        var overview = new OverviewPage(session);
        await overview.GotoAsync();
        await overview.ExpandAsync("fenglin", Station);
        return overview;
    }

    /// <summary>Registers one matter at Bolangfeng and returns how long it took to show there, and how long the POST took.</summary>
    private async Task<(TimeSpan ToScreen, TimeSpan Post, string TicketId)> RegisterAndMeasureAsync(OverviewPage overview)
    {
        var before = int.Parse(await overview.OpenCount(Station).GetAttributeAsync("data-open") ?? "", CultureInfo.InvariantCulture);
        var expected = (before + 1).ToString(CultureInfo.InvariantCulture);
        var watch = $"open-{expected}";
        await overview.WatchForAsync(watch, OverviewPage.OpenCountSelector(Station), "data-open", expected);

        var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var post = Stopwatch.StartNew();
        var ticket = await fixture.Api.RegisterCreatedAsync(Station, Tickets.Sample("下水道堵了 — the drain by building 5 is blocked"), Tickets.NewKey());
        post.Stop();

        // Waits longer than promised so that a slow update is measured and reported rather than only timed out.
        await Expect(overview.OpenCount(Station)).ToHaveAttributeAsync("data-open", expected, new() { Timeout = 5_000 });
        var seenAt = await overview.SeenAtAsync(watch) ?? throw new InvalidOperationException($"The watch {watch} saw nothing.");
        return (TimeSpan.FromMilliseconds(seenAt - sentAt), post.Elapsed, ticket.Id);
    }

    private static TimeSpan Percentile(List<TimeSpan> values, double p)
    {
        // Nearest rank: the smallest value with at least p of the values at or below it.
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
