using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Components.Tickets;
using GuoduActors.Dashboard.Services.Tickets;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Resident;

/// <summary>What a resident fills in on the report form.</summary>
public sealed class ReportForm
{
    public string? StationId { get; set; }
    public string? CategoryCode { get; set; }
    public string? Description { get; set; }
    public string? Phone { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }

    public NewTicket ToNewTicket() => new(
        Description?.Trim() ?? "", string.IsNullOrEmpty(CategoryCode) ? null : CategoryCode,
        string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(), Phone?.Trim() ?? "",
        string.IsNullOrWhiteSpace(Address) ? null : Address.Trim());
}

/// <summary>
/// <c>/report</c>, for anyone: a resident (or a desk on their behalf) registers a matter at a station. The form is
/// checked by <see cref="TicketRules.Validate"/>, the rules the grain applies, with the messages in the reader's
/// language. One request key per form: a double click or a retry after a lost answer returns the same ticket.
/// </summary>
public sealed partial class ReportPage : ComponentBase
{
    private ReportForm _form = new();
    private string _requestKey = NewKey();
    private NewTicket? _attempted;
    private TicketSnapshot? _created;
    private IReadOnlyList<Choice<string>> _stations = [];
    private TicketWords _words = null!;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private string? _failure;
    private bool _stationsFailed;
    private bool _busy;

    [Inject] private ITicketCommands Commands { get; set; } = null!;
    [Inject] private ITicketDirectory Directory { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<TicketsResource> L { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Shared { get; set; } = null!;
    [Inject] private ILogger<ReportPage> Logger { get; set; } = null!;

    /// <summary>A station to preselect, e.g. from a QR code at its desk: <c>/report?station=bolangfeng</c>.</summary>
    [SupplyParameterFromQuery(Name = "station")] public string? Station { get; set; }

    /// <summary>The request key the next submission sends.</summary>
    internal string RequestKey => _requestKey;

    private IEnumerable<Choice<string>> Categories =>
        Catalogue.Categories.Where(c => c.Code != Catalogue.FallbackCategoryCode).Select(c => new Choice<string>(c.Code, _words.CategoryWithGroup(c)));

    protected override async Task OnInitializedAsync()
    {
        // The page renders once before the roster arrives; names fall back to ids until then.
        _words = new TicketWords(L, Shared, Catalogue, null);
        Roster? roster = null;
        try
        {
            roster = await Directory.GetRosterAsync();
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "The roster could not be read for the report form");
        }
        _stationsFailed = roster is null;
        _words = new TicketWords(L, Shared, Catalogue, roster);
        if (roster is not null)
        {
            var names = roster.Stations.ToDictionary(s => s.Id, s => _words.Station(s.Id), StringComparer.Ordinal);
            // Each community, then its compounds named with it: a resident knows their compound, a desk its community.
            _stations = roster.Stations.Where(s => s.Level == StationLevel.Community)
                .SelectMany(c => roster.Stations.Where(s => s.ParentId == c.Id && s.Level == StationLevel.Compound)
                    .Select(s => new Choice<string>(s.Id, $"{names[s.Id]}（{names[c.Id]}）"))
                    .Prepend(new Choice<string>(c.Id, names[c.Id])))
                .ToList();
            if (Station is { } preset && _stations.Any(s => s.Value == preset))
                _form.StationId = preset;
        }
    }

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private void Validate(NewTicket ticket)
    {
        _errors.Clear();
        if (string.IsNullOrEmpty(_form.StationId))
            _errors["station"] = L["ChoiceRequired"];
        // The domain's own rules decide which fields fail; the words are the reader's.
        foreach (var field in TicketRules.Validate(ticket).Keys)
        {
            _errors[field] = field switch
            {
                "description" => string.IsNullOrWhiteSpace(ticket.Description) ? L["FieldRequired"] : L["TooLong", TicketRules.MaxDescriptionLength],
                "residentPhone" => string.IsNullOrWhiteSpace(ticket.ResidentPhone) ? L["FieldRequired"] : L["PhoneInvalid"],
                "residentName" => L["TooLong", TicketRules.MaxNameLength],
                "address" => L["TooLong", TicketRules.MaxAddressLength],
                _ => L["ChoiceRequired"],
            };
        }
    }

    private async Task SubmitAsync()
    {
        if (_busy)
            return;
        var ticket = _form.ToNewTicket();
        Validate(ticket);
        _failure = null;
        if (_errors.Count > 0)
            return;
        // The same key for the same content (a retry); changed content after a failure is another request.
        if (_attempted is not null && _attempted != ticket)
            _requestKey = NewKey();
        _attempted = ticket;

        _busy = true;
        try
        {
            _created = await Commands.RegisterAsync(_form.StationId!, ticket, _requestKey);
        }
        catch (DomainRefusalException refusal)
        {
            _failure = L["ReportFailed", refusal.Message];
        }
        catch (Exception e)
        {
            _failure = L["ReportFailed", e.Message];
            Logger.LogWarning(e, "A report at station {Station} could not be registered", _form.StationId);
        }
        finally
        {
            _busy = false;
        }
    }

    private void TrackCreated()
    {
        if (_created is { } created)
            Navigation.NavigateTo($"track?id={Uri.EscapeDataString(created.Id)}");
    }

    private void StartOver()
    {
        var station = _form.StationId;
        _form = new ReportForm { StationId = station };
        _requestKey = NewKey();
        _attempted = null;
        _created = null;
        _errors.Clear();
        _failure = null;
    }

    private static string NewKey() => $"dash-{Guid.NewGuid():N}";
}
