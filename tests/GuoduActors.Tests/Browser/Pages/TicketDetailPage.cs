using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GuoduActors.Tests.Browser.Pages;

/// <summary>One ticket at <c>/tickets/{id}</c>: its status, its timeline, and the action forms the signed-in person is offered.</summary>
public sealed class TicketDetailPage(BrowserSession session, string ticketId) : DashboardPage(session, $"/tickets/{ticketId}")
{
    protected override string Name => "ticket";

    /// <summary>The status badge's <c>data-status</c> is the status's name, e.g. <c>InProgress</c>.</summary>
    public ILocator Status => Page.Locator("[data-role=status] [data-status]");

    public ILocator Timeline => Page.Locator("[data-role=timeline]");

    /// <summary>Timeline entries, oldest first; <c>data-timeline-entry</c> is the action, e.g. <c>start</c> or <c>classify:public-facilities</c>.</summary>
    public ILocator TimelineEntries => Page.Locator("[data-timeline-entry]");

    public ILocator Actions => Page.Locator("[data-role=actions]");

    /// <summary>The buttons that open a command's form; <c>data-command</c> is the command, e.g. <c>Resolve</c>.</summary>
    public ILocator ActionButtons => Actions.Locator("button[data-command]");

    public ILocator ActionButton(string command) => Actions.Locator($"button[data-command='{command}']");

    public ILocator NoActions => Page.Locator("[data-role=no-actions]");

    public ILocator Forms => Page.Locator("[data-form]");

    public ILocator Form(string command) => Page.Locator($"[data-form='{command}']");

    public ILocator FieldError(string field) => Page.Locator($"[data-error='{field}']");

    public ILocator Done => Page.Locator("[data-role=done]");

    public ILocator Refusal => Page.Locator("[data-role=refusal]");

    public override async Task WaitUntilReadyAsync()
    {
        await base.WaitUntilReadyAsync();
        await Expect(Timeline).ToBeVisibleAsync();
        await Expect(Actions).ToBeVisibleAsync();
    }

    /// <summary>Opens a command's form with its button.</summary>
    public async Task<ILocator> OpenFormAsync(string command)
    {
        await ActionButton(command).ClickAsync();
        var form = Form(command);
        await Expect(form).ToBeVisibleAsync();
        return form;
    }

    /// <summary>Types the form's note (or reason).</summary>
    public Task FillNoteAsync(ILocator form, string note) => form.Locator("textarea[data-field=note]").FillAsync(note);

    /// <summary>Picks an option of one of the form's drop-downs by its visible text.</summary>
    public async Task ChooseAsync(ILocator form, string field, string optionText)
    {
        await form.Locator($"[data-field='{field}']").ClickAsync();
        await Page.Locator(".rz-dropdown-item", new() { HasText = optionText }).First.ClickAsync();
    }

    public Task SubmitAsync(ILocator form) => form.Locator("[data-role=submit]").ClickAsync();

    /// <summary>Submits a form and waits for the ticket to show <paramref name="status"/> and the timeline to grow by one.</summary>
    public async Task SubmitAndExpectAsync(ILocator form, string status, string timelineAction)
    {
        var entries = await TimelineEntries.CountAsync();
        await SubmitAsync(form);
        await Expect(Status).ToHaveAttributeAsync("data-status", status);
        await Expect(TimelineEntries).ToHaveCountAsync(entries + 1);
        // An entry's action may carry a detail after a colon, e.g. classify:public-facilities.
        await Expect(TimelineEntries.Last).ToHaveAttributeAsync("data-timeline-entry",
            new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(timelineAction)}(:|$)"));
        await Expect(Forms).ToHaveCountAsync(0);
        await ScreenshotAsync(status);
    }
}
