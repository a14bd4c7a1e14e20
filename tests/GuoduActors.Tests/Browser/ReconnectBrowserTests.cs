using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GuoduActors.Tests.Browser.Pages;
using Microsoft.Playwright;
using static GuoduActors.Tests.Infrastructure.Waiting;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// A dashboard whose connection drops reconnects by itself and catches up on what happened meanwhile. The outage is
/// real to the page: its circuit's websocket is closed from both ends and the browser is offline (no new connection,
/// no negotiation) until the test ends it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReconnectBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Station = "bolangfeng";

    // The dashboard retries every second (reconnect.js); Blazor's default would wait 5 s after its first ten attempts.
    private static readonly TimeSpan CatchUpAfterOutage = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task OverviewReconnectsAfterAnOutageAndShowsATicketRegisteredDuringIt()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        var outage = new CircuitOutage();
        await session.Context.RouteWebSocketAsync(BlazorSocket(), outage.Route);
        var overview = new OverviewPage(session);
        await overview.GotoAsync();
        await overview.ExpandAsync("fenglin", Station);
        await overview.MarkDocumentAsync();
        var before = int.Parse(await overview.OpenCount(Station).GetAttributeAsync("data-open") ?? "", CultureInfo.InvariantCulture);
        var mark = session.Diagnostics.Mark();

        await session.Context.SetOfflineAsync(true);
        await outage.BeginAsync();
        var ticket = await fixture.Api.RegisterCreatedAsync(Station, Tickets.Sample("停电了 — the power went out in building 2"), Tickets.NewKey());
        // The reader is told, in their language (Blazor's own dialog speaks English only).
        var dialog = session.Page.Locator("#components-reconnect-modal");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("p:visible")).ToContainTextAsync("重新连接");
        await overview.ScreenshotAsync("offline");
        // The page must not have caught up through anything but the lost circuit.
        Assert.Equal(before.ToString(CultureInfo.InvariantCulture), await overview.OpenCount(Station).GetAttributeAsync("data-open"));

        var back = Stopwatch.StartNew();
        outage.End();
        await session.Context.SetOfflineAsync(false);
        await Expect(overview.OpenCount(Station)).ToHaveAttributeAsync("data-open", (before + 1).ToString(CultureInfo.InvariantCulture),
            new() { Timeout = 20_000 });
        back.Stop();
        session.Log($"{ticket.Id} on screen {back.ElapsedMilliseconds} ms after the connection came back ({outage.Connections} websocket connection(s) in all).");
        Assert.True(back.Elapsed < CatchUpAfterOutage, $"The page caught up {back.ElapsedMilliseconds} ms after the connection came back.");
        Assert.True(await overview.IsSameDocumentAsync(), "The page was reloaded: the circuit should have been resumed.");
        await Expect(dialog).ToBeHiddenAsync();
        await overview.ScreenshotAsync("reconnected");

        Assert.True(outage.Connections >= 2, "The page never opened a new connection after the outage.");
        var duringOutage = session.Diagnostics.Since(mark);
        session.Log($"Reported during the outage: {duringOutage.Count}");
        // What the browser says while offline is about the lost connection, never anything else (a failed render, a script error).
        Assert.All(duringOutage, problem => Assert.Matches(ConnectionLoss(), problem));
        var afterReconnect = session.Diagnostics.Mark();
        await Expect(overview.UpdatedAt).Not.ToHaveTextAsync(await overview.UpdatedAt.TextContentAsync() ?? "");
        session.Diagnostics.AssertNone(afterReconnect);
    }

    /// <summary>
    /// The server restarted (an update, say) while the page was open: its circuit is gone, the reconnection is refused,
    /// and the page reloads by itself (reconnect.js) — the reader sees the restarted product's figures without touching
    /// anything. Blazor's own dialog would leave them with a "reload" button.
    /// </summary>
    [Fact]
    public async Task APageWhoseServerRestartedReloadsByItselfAndShowsWhatHappenedMeanwhile()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        var overview = new OverviewPage(session);
        await overview.GotoAsync();
        await overview.ExpandAsync("fenglin", Station);
        await overview.MarkDocumentAsync();
        var before = int.Parse(await overview.OpenCount(Station).GetAttributeAsync("data-open") ?? "", CultureInfo.InvariantCulture);

        var restart = Stopwatch.StartNew();
        await fixture.RestartSiloAsync();
        session.Log($"The silo restarted in {restart.Elapsed.TotalSeconds:0.0} s.");
        var ticket = await fixture.Api.RegisterCreatedAsync(Station, Tickets.Sample("重启后登记 — registered after the restart"), Tickets.NewKey());

        // A new page (the old circuit is refused), interactive again, which shows the ticket registered after the restart.
        await WaitForAssertionAsync(async () => Assert.False(await overview.IsSameDocumentAsync(), "The page was not reloaded."), TimeSpan.FromSeconds(60));
        await overview.WaitUntilReadyAsync();
        await overview.ExpandAsync("fenglin", Station);
        await Expect(overview.OpenCount(Station)).ToHaveAttributeAsync("data-open", (before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
        session.Log($"{ticket.Id} on the reloaded page {restart.Elapsed.TotalSeconds:0.0} s after the restart began.");
        await overview.ScreenshotAsync("after-restart");
        await Expect(session.Page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
    }

    [GeneratedRegex(@"/_blazor")]
    private static partial Regex BlazorSocket();

    [GeneratedRegex(@"ERR_INTERNET_DISCONNECTED|WebSocket|[Cc]onnection|negotiat|Failed to fetch|_blazor")]
    private static partial Regex ConnectionLoss();

    /// <summary>Passes the circuit's websockets through to the silo, and cuts them (and every new one) during an outage.</summary>
    private sealed class CircuitOutage
    {
        private readonly Lock _gate = new();
        private readonly List<(IWebSocketRoute Page, IWebSocketRoute Server)> _open = [];
        private bool _down;

        public int Connections { get; private set; }

        public void Route(IWebSocketRoute page)
        {
            lock (_gate)
            {
                if (_down)
                {
                    _ = page.CloseAsync(new() { Code = 4000, Reason = "outage" });
                    return;
                }
                Connections++;
                _open.Add((page, page.ConnectToServer()));
            }
        }

        public async Task BeginAsync()
        {
            List<(IWebSocketRoute Page, IWebSocketRoute Server)> open;
            lock (_gate)
            {
                _down = true;
                open = [.. _open];
                _open.Clear();
            }
            foreach (var (page, server) in open)
            {
                await server.CloseAsync(new() { Code = 4000, Reason = "outage" });
                await page.CloseAsync(new() { Code = 4000, Reason = "outage" });
            }
        }

        public void End()
        {
            lock (_gate)
                _down = false;
        }
    }
}
