using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>A volunteer team as the team picker offers it: with its free capacity, and disabled when it cannot take the job.</summary>
public sealed record TeamChoice(string Id, string Text, bool Disabled);

/// <summary>
/// Offers the commands the signed-in actor may give the ticket now (<see cref="TicketActionRules"/>), checks each form
/// as the grain would (required notes and reasons, lengths, a choice where one is needed) and shows the grain's refusal
/// in place — another person may have acted first — without losing what was typed.
/// </summary>
public sealed partial class TicketActions : ComponentBase
{
    private TicketCommand? _open;
    private string? _note;
    private string? _category;
    private string? _station;
    private string? _team;
    private IReadOnlyList<TeamChoice>? _teams;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private string? _refusal;
    private string? _done;
    private bool _busy;

    [Inject] private ITicketCommands Commands { get; set; } = null!;
    [Inject] private ITicketDirectory Directory { get; set; } = null!;
    [Inject] private IStringLocalizer<TicketsResource> L { get; set; } = null!;
    [Inject] private ILogger<TicketActions> Logger { get; set; } = null!;

    [Parameter, EditorRequired] public TicketSnapshot Ticket { get; set; } = null!;
    [Parameter, EditorRequired] public TicketWords Words { get; set; } = null!;
    [Parameter] public Actor? Actor { get; set; }
    [Parameter] public Roster? Roster { get; set; }

    /// <summary>Raised with the ticket as the grain returned it after an accepted command.</summary>
    [Parameter] public EventCallback<TicketSnapshot> Changed { get; set; }

    private IReadOnlyList<TicketCommand> Offered { get; set; } = [];

    private bool IsTeamLeadOfTicket => Actor is { Role: ActorRole.TeamLead, TeamId: { } team } && team == Ticket.TeamId;

    private string NoActionsText => Actor switch
    {
        null => L["NoActionsAnonymous"],
        { Role: ActorRole.Planner } => L["NoActionsPlanner"],
        _ when !Actor.Manages(Ticket.OwnerStationId) && !IsTeamLeadOfTicket => L["NoActionsScope", Words.Station(Ticket.OwnerStationId)],
        _ => L["NoActionsStatus", Words.Status(Ticket.Status)],
    };

    private string NoteLabel => _open is { } command && TicketActionRules.NeedsNote(command)
        ? TicketActionRules.NoteIsReason(command) ? L["Reason"] : L["NoteRequired"]
        : L["Note"];

    private IEnumerable<Choice<string>> CategoryChoices =>
        Words.Catalogue.Categories.Select(c => new Choice<string>(c.Code, Words.CategoryWithGroup(c)));

    /// <summary>The owner's level-2 stations (the office's: its communities), and keeping the ticket where it is.</summary>
    private IEnumerable<Choice<string>> RouteChoices =>
        (Roster?.Stations ?? []).Where(s => s.ParentId == Ticket.OwnerStationId).Select(s => new Choice<string>(s.Id, Words.Station(s.Id)))
            .Prepend(new Choice<string>(Ticket.OwnerStationId, L["KeepAtOwner", Words.Station(Ticket.OwnerStationId)]));

    private IReadOnlyList<string> SkillsNeeded => Words.Catalogue.Resolve(Ticket.CategoryCode).Skills;

    protected override void OnParametersSet()
    {
        Offered = TicketActionRules.Offered(Ticket, Actor, OwnerLevel());
        // Someone else moved the ticket on: a form for a command it no longer takes would only be refused.
        if (_open is { } open && !Offered.Contains(open) && !_busy)
            _open = null;
    }

    private StationLevel? OwnerLevel()
    {
        if (Roster is null)
            return null;
        if (Roster.SubDistrict.Id == Ticket.OwnerStationId)
            return StationLevel.Office;
        return Roster.Stations.FirstOrDefault(s => s.Id == Ticket.OwnerStationId)?.Level;
    }

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private async Task Open(TicketCommand command)
    {
        _open = command;
        _note = null;
        _station = null;
        _team = null;
        _category = Words.Catalogue.Find(Ticket.CategoryCode) is { } current && current.Code != Words.Catalogue.FallbackCategoryCode ? current.Code : null;
        _errors.Clear();
        _refusal = null;
        _done = null;
        if (command == TicketCommand.AssignToTeam)
            await LoadTeamsAsync();
    }

    private void Close()
    {
        _open = null;
        _errors.Clear();
        _refusal = null;
    }

    private async Task LoadTeamsAsync()
    {
        _teams = null;
        try
        {
            var skills = SkillsNeeded;
            var loads = await Directory.GetTeamLoadsAsync();
            _teams = loads.Select(load =>
            {
                // The team refuses a job none of its skills fits, and any job once at capacity.
                var fits = skills.Count == 0 || skills.Intersect(load.Team.Skills, StringComparer.Ordinal).Any();
                var text = L["TeamOption", Words.Team(load.Team.Id), load.Free, load.Team.Capacity].Value;
                if (!fits)
                    text += " · " + L["TeamNoFit"];
                else if (load.Free == 0)
                    text += " · " + L["TeamFull"];
                return new TeamChoice(load.Team.Id, text, !fits || load.Free == 0);
            }).ToList();
        }
        catch (Exception e)
        {
            _teams = [];
            _refusal = L["Failed", e.Message];
            Logger.LogWarning(e, "The volunteer teams' loads could not be read");
        }
    }

    /// <summary>The form's problems, field by field, as the ticket grain would refuse them.</summary>
    private void Validate(TicketCommand command)
    {
        _errors.Clear();
        if (command == TicketCommand.Classify && string.IsNullOrEmpty(_category))
            _errors["category"] = L["ChoiceRequired"];
        if (command == TicketCommand.AssignToStation && string.IsNullOrEmpty(_station))
            _errors["station"] = L["ChoiceRequired"];
        if (command == TicketCommand.AssignToTeam && string.IsNullOrEmpty(_team))
            _errors["team"] = L["ChoiceRequired"];
        if (TicketActionRules.NeedsNote(command) && string.IsNullOrWhiteSpace(_note))
            _errors["note"] = L["FieldRequired"];
        else if (_note is { Length: > TicketRules.MaxDescriptionLength })
            _errors["note"] = L["TooLong", TicketRules.MaxDescriptionLength];
    }

    private async Task SubmitAsync()
    {
        if (_open is not { } command || Actor is null || _busy)
            return;
        Validate(command);
        _refusal = null;
        if (_errors.Count > 0)
            return;

        _busy = true;
        try
        {
            var result = await Commands.ExecuteAsync(Ticket.Id, new TicketAction(command, Actor)
            {
                Note = string.IsNullOrWhiteSpace(_note) ? null : _note.Trim(),
                CategoryCode = _category,
                StationId = _station,
                TeamId = _team,
            });
            _open = null;
            _done = L["Done", Words.Command(command)];
            await Changed.InvokeAsync(result);
        }
        catch (DomainRefusalException refusal)
        {
            _refusal = L["Refused." + refusal.Kind, refusal.Message];
        }
        catch (Exception e)
        {
            // The cluster did not answer: nothing is known to have changed; the form stays as typed for a retry.
            _refusal = L["Failed", e.Message];
            Logger.LogWarning(e, "Command {Command} on ticket {Ticket} failed", command, Ticket.Id);
        }
        finally
        {
            _busy = false;
        }
    }

    private static string IconOf(TicketCommand command) => command switch
    {
        TicketCommand.Classify => "category",
        TicketCommand.AssignToStation => "alt_route",
        TicketCommand.AssignToTeam => "groups",
        TicketCommand.Start => "play_arrow",
        TicketCommand.WaitOnResident => "pause",
        TicketCommand.Resume => "play_circle",
        TicketCommand.Resolve => "task_alt",
        TicketCommand.HandBack => "undo",
        TicketCommand.Cancel => "block",
        _ => "bolt",
    };
}
