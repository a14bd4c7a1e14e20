using GuoduActors.Tests.Browser.Pages;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// Station staff work a ticket on its detail page: each action through its form, the timeline growing in place (no
/// reload), a form's validation error shown in place with nothing changed; and another station's staff get no actions.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TicketActionsBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Station = "bolangfeng";

    [Fact]
    public async Task StationStaffClassifyRouteStartAndResolveATicketAndSeeTheTimelineGrowWithoutReload()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        var (ticket, detail) = await RegisterAndOpenAsync(session, "bolangfeng", "Bolang2026", "单元门禁坏了 — the entrance door lock is broken");
        await detail.MarkDocumentAsync();
        await Expect(detail.Status).ToHaveAttributeAsync("data-status", "Registered");
        await Expect(detail.TimelineEntries).ToHaveCountAsync(1);

        // The category given at registration is already chosen in the form.
        await detail.SubmitAndExpectAsync(await detail.OpenFormAsync("Classify"), "Classified", "classify");
        var route = await detail.OpenFormAsync("AssignToStation");
        await detail.ChooseAsync(route, "station", "留在本站办理");
        await detail.SubmitAndExpectAsync(route, "Assigned", "assign-to-station");
        await detail.SubmitAndExpectAsync(await detail.OpenFormAsync("Start"), "InProgress", "start");
        await Expect(detail.Done).ToContainTextAsync("已完成");

        await detail.SubmitAndExpectAsync(await ResolveWithANoteAsync(detail, "已更换门禁锁"), "Resolved", "resolve");
        await Expect(detail.TimelineEntries.Last.Locator("[data-role=note]")).ToContainTextAsync("已更换门禁锁");

        Assert.True(await detail.IsSameDocumentAsync(), "The page was reloaded or left while acting on the ticket.");
        var stored = await fixture.Api.GetTicketAsPlannerAsync(ticket.Id);
        Assert.Equal(TicketStatus.Resolved, stored!.Status);
        Assert.Equal(["register", "classify", "assign-to-station", "start", "resolve"], stored.Timeline.Select(e => e.Action.Split(':')[0]));
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task CancellingWithoutTheRequiredReasonSaysSoInPlaceAndChangesNothing()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        var (ticket, detail) = await RegisterAndOpenAsync(session, "bolangfeng", "Bolang2026");
        var before = await fixture.Api.GetTicketAsPlannerAsync(ticket.Id);

        var cancel = await detail.OpenFormAsync("Cancel");
        await detail.FillNoteAsync(cancel, "   ");
        await detail.SubmitAsync(cancel);

        await Expect(detail.FieldError("note")).ToHaveTextAsync("请填写此项。");
        await Expect(cancel).ToBeVisibleAsync();
        await detail.ScreenshotAsync("reason-missing");
        await Expect(detail.Status).ToHaveAttributeAsync("data-status", "Registered");
        var after = await fixture.Api.GetTicketAsPlannerAsync(ticket.Id);
        Assert.Equal(before!.Status, after!.Status);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);

        // The same form, corrected, goes through: the missing reason was the only obstacle.
        await detail.FillNoteAsync(cancel, "重复登记");
        await detail.SubmitAndExpectAsync(cancel, "Cancelled", "cancel");
        await Expect(detail.FieldError("note")).ToHaveCountAsync(0);
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task StaffOfAnotherStationSeeTheTicketButNoActions()
    {
        await using var session = await fixture.OpenSessionAsync(output);
        var (ticket, detail) = await RegisterAndOpenAsync(session, "community02", "Station2026");

        await Expect(detail.TimelineEntries).ToHaveCountAsync(1);
        await Expect(detail.NoActions).ToContainTextAsync("铂琅峯小区");
        await Expect(detail.ActionButtons).ToHaveCountAsync(0);
        await Expect(detail.Forms).ToHaveCountAsync(0);
        session.AssertNoBrowserErrors();
        // Nor can the page be made to act: its own script asking the API to classify is refused, and nothing changed.
        var status = await session.Page.EvaluateAsync<int>($$"""
            () => fetch('/api/tickets/{{ticket.Id}}/classify', {
                method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ categoryCode: 'public-facilities' })
            }).then(r => r.status)
            """);
        Assert.Equal(403, status);
        var stored = await fixture.Api.GetTicketAsPlannerAsync(ticket.Id);
        Assert.Equal(TicketStatus.Registered, stored!.Status);
        Assert.Single(stored.Timeline);
    }

    /// <summary>Registers a matter at Bolangfeng through the API, signs in as <paramref name="user"/> and opens the ticket.</summary>
    private async Task<(TicketDto Ticket, TicketDetailPage Detail)> RegisterAndOpenAsync(BrowserSession session, string user, string password,
        string? description = null)
    {
        var ticket = await fixture.Api.RegisterCreatedAsync(Station, description is null ? Tickets.Sample() : Tickets.Sample(description), Tickets.NewKey());
        await session.SignInAsync(user, password);
        var detail = new TicketDetailPage(session, ticket.Id);
        await detail.GotoAsync();
        return (ticket, detail);
    }

    private static async Task<Microsoft.Playwright.ILocator> ResolveWithANoteAsync(TicketDetailPage detail, string note)
    {
        var form = await detail.OpenFormAsync("Resolve");
        await detail.FillNoteAsync(form, note);
        return form;
    }
}
