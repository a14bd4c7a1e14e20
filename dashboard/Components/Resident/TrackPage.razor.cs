using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Components.Tickets;
using GuoduActors.Dashboard.Services.Tickets;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Resident;

/// <summary>
/// <c>/track</c>, for anyone: a resident gives the ticket number and their phone and sees their own ticket in full
/// (status, timeline in plain words), confirms and rates it once resolved, or disputes it within 7 days. A wrong
/// phone learns nothing, not even whether the number exists. Follows pushes about the ticket while open.
/// </summary>
public sealed partial class TrackPage : LivePage
{
    private TicketSnapshot? _ticket;
    private TicketWords _words = null!;
    private string? _id;
    private string? _phone;
    private string? _message;
    private string? _notice;
    private bool _busy;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    [Inject] private ITicketCommands Commands { get; set; } = null!;
    [Inject] private ITicketDirectory Directory { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;
    [Inject] private IStringLocalizer<TicketsResource> L { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Shared { get; set; } = null!;
    [Inject] private ILogger<TrackPage> Logger { get; set; } = null!;

    /// <summary>The number to prefill (the report page links here with it); the phone is never put in an address.</summary>
    [SupplyParameterFromQuery(Name = "id")] public string? TicketId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _id = TicketId;
        // The page renders once before the roster arrives; names fall back to ids until then.
        _words = new TicketWords(L, Shared, Catalogue, null);
        Roster? roster = null;
        try
        {
            roster = await Directory.GetRosterAsync();
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "The roster could not be read for the tracking page");
        }
        _words = new TicketWords(L, Shared, Catalogue, roster);
    }

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private async Task TrackAsync()
    {
        _errors.Clear();
        _message = null;
        var id = _id?.Trim().ToUpperInvariant() ?? "";
        if (!TicketIds.IsWellFormed(id))
            _errors["id"] = string.IsNullOrEmpty(id) ? L["FieldRequired"] : L["TicketIdInvalid"];
        if (string.IsNullOrWhiteSpace(_phone))
            _errors["phone"] = L["FieldRequired"];
        if (_errors.Count > 0)
            return;

        _busy = true;
        try
        {
            var ticket = await Commands.GetAsync(id);
            if (ticket is null || !TicketRules.SamePhone(_phone!, ticket.ResidentPhone))
                _message = L["TrackNotFound"];
            else
            {
                _id = id;
                _ticket = ticket;
            }
        }
        catch (Exception e)
        {
            _message = L["Failed", e.Message];
            Logger.LogWarning(e, "Ticket {Ticket} could not be read for tracking", id);
        }
        finally
        {
            _busy = false;
        }
    }

    protected override bool Concerns(LiveBatch batch) => _ticket is { } ticket && batch.Events.Any(e => e.TicketId == ticket.Id);

    protected override async Task RefreshLiveAsync()
    {
        if (_ticket is null)
            return;
        try
        {
            if (await Commands.GetAsync(_ticket.Id) is { } fresh)
                _ticket = fresh;
        }
        catch (Exception e)
        {
            Logger.LogDebug(e, "Refreshing tracked ticket {Ticket} failed; the last state stays shown", _ticket.Id);
        }
    }

    private void OnFeedback((TicketSnapshot Ticket, string Notice) feedback)
    {
        _ticket = feedback.Ticket;
        _notice = feedback.Notice;
    }

    private void TrackAnother()
    {
        _ticket = null;
        _notice = null;
        _message = null;
        _id = null;
        _phone = null;
    }
}
