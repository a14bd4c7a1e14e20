using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Tickets;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>
/// One ticket at <c>/tickets/{id}</c>: its facts, its full timeline and the actions the signed-in person may take.
/// When someone else acts on it (a push naming this ticket), it is read again (coalesced, as every <see cref="LivePage"/>)
/// and the reader is told.
/// </summary>
public sealed partial class TicketDetailPage : LivePage
{
    private TicketSnapshot? _ticket;
    private TicketWords? _words;
    private Roster? _roster;
    private Actor? _viewer;
    private string? _failure;
    private bool _ready;
    private bool _changedByOthers;
    private string? _loadedId;

    [Inject] private ITicketCommands Commands { get; set; } = null!;
    [Inject] private ITicketDirectory Directory { get; set; } = null!;
    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<TicketsResource> L { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Shared { get; set; } = null!;
    [Inject] private ILogger<TicketDetailPage> Logger { get; set; } = null!;

    [Parameter] public string Id { get; set; } = "";

    private bool ShowContact => _ticket is not null && _viewer is not null && _viewer.MaySeeContact(_ticket.OwnerStationId, _ticket.ResidentPhone);

    private string SignInPath => $"signin?returnUrl={Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri))}";

    protected override async Task OnParametersSetAsync()
    {
        // The layout re-renders the page on every navigation; read the ticket again only when it is another one.
        if (_ready && _loadedId == Id)
            return;
        _loadedId = Id;
        _ready = false;
        _ticket = null;
        _failure = null;
        _changedByOthers = false;
        _viewer = await Current.GetAsync();
        try
        {
            _roster = await Directory.GetRosterAsync();
        }
        catch (Exception e)
        {
            // Names fall back to ids; the ticket itself still shows.
            Logger.LogWarning(e, "The roster could not be read for ticket {Ticket}", Id);
        }
        _words = new TicketWords(L, Shared, Catalogue, _roster);
        if (_viewer is not null)
            await LoadAsync();
        _ready = true;
    }

    private async Task LoadAsync()
    {
        try
        {
            _ticket = await Commands.GetAsync(Id);
            _failure = null;
        }
        catch (Exception e)
        {
            // What was shown stays; the reader is told it may be out of date.
            _failure = e.Message;
            Logger.LogWarning(e, "Ticket {Ticket} could not be read", Id);
        }
    }

    protected override bool Concerns(LiveBatch batch) => batch.Events.Any(e => string.Equals(e.TicketId, Id, StringComparison.Ordinal));

    protected override async Task RefreshLiveAsync()
    {
        if (_viewer is null)
            return;
        var before = _ticket?.UpdatedAt;
        await LoadAsync();
        _changedByOthers |= _ticket is not null && before is not null && _ticket.UpdatedAt != before;
    }

    private void OnActed(TicketSnapshot ticket)
    {
        // The reader's own change: the push that follows finds nothing new, so no "changed by others" note.
        _ticket = ticket;
        _changedByOthers = false;
    }
}
