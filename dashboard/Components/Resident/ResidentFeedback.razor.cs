using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Components.Tickets;
using GuoduActors.Dashboard.Services.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Resident;

/// <summary>
/// Confirm-and-rate (1–5 stars, an optional comment of at most 500 characters) while the ticket is resolved, and
/// dispute (a reason required) within <see cref="TicketLifecycle.ReopenWindow"/> of the resolution, acting as the
/// resident who proved the phone. Checked here as the grain checks; a refusal is shown beside its form.
/// </summary>
public sealed partial class ResidentFeedback : ComponentBase
{
    public const int MaxCommentLength = 500;

    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private int _rating;
    private string? _comment;
    private string? _reason;
    private string? _refusal;
    private TicketCommand? _active;
    private bool _busy;

    [Inject] private ITicketCommands Commands { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IStringLocalizer<TicketsResource> L { get; set; } = null!;
    [Inject] private ILogger<ResidentFeedback> Logger { get; set; } = null!;

    [Parameter, EditorRequired] public TicketSnapshot Ticket { get; set; } = null!;

    /// <summary>The phone the resident proved; it makes them the actor.</summary>
    [Parameter, EditorRequired] public string Phone { get; set; } = "";

    /// <summary>Raised with the ticket after an accepted confirmation or dispute, and what to tell the resident.</summary>
    [Parameter] public EventCallback<(TicketSnapshot Ticket, string Notice)> Changed { get; set; }

    private bool MayRate => Ticket.Status == TicketStatus.Resolved;

    private bool MayDispute => TicketActionRules.MayDispute(Ticket, Time.GetUtcNow());

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private Task ConfirmAsync()
    {
        _errors.Clear();
        if (_rating is < 1 or > 5)
            _errors["rating"] = L["RatingRequired"];
        if (_comment is { Length: > MaxCommentLength })
            _errors["comment"] = L["TooLong", MaxCommentLength];
        return _errors.Count > 0
            ? Task.CompletedTask
            : SendAsync(new TicketAction(TicketCommand.Close, Actor.Resident(Phone))
            {
                Rating = _rating,
                Note = string.IsNullOrWhiteSpace(_comment) ? null : _comment.Trim(),
            }, L["Thanks"]);
    }

    private Task DisputeAsync()
    {
        _errors.Clear();
        if (string.IsNullOrWhiteSpace(_reason))
            _errors["reason"] = L["FieldRequired"];
        else if (_reason.Length > TicketRules.MaxDescriptionLength)
            _errors["reason"] = L["TooLong", TicketRules.MaxDescriptionLength];
        return _errors.Count > 0
            ? Task.CompletedTask
            : SendAsync(new TicketAction(TicketCommand.Reopen, Actor.Resident(Phone)) { Note = _reason!.Trim() }, L["DisputeSent"]);
    }

    private async Task SendAsync(TicketAction action, string notice)
    {
        if (_busy)
            return;
        _busy = true;
        _refusal = null;
        _active = action.Command;
        try
        {
            var ticket = await Commands.ExecuteAsync(Ticket.Id, action);
            _rating = 0;
            _comment = _reason = null;
            await Changed.InvokeAsync((ticket, notice));
        }
        catch (DomainRefusalException refusal)
        {
            _refusal = L["Refused." + refusal.Kind, refusal.Message];
        }
        catch (Exception e)
        {
            _refusal = L["Failed", e.Message];
            Logger.LogWarning(e, "{Command} on ticket {Ticket} by its resident failed", action.Command, Ticket.Id);
        }
        finally
        {
            _busy = false;
        }
    }
}
