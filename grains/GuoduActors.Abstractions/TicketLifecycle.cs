namespace GuoduActors;

/// <summary>Every command a ticket accepts; each is one transition of <see cref="TicketLifecycle"/>.</summary>
public enum TicketCommand
{
    Classify,
    AssignToStation,
    AssignToTeam,
    Start,
    WaitOnResident,
    Resume,
    Resolve,
    Close,
    Reopen,
    Cancel,
    HandBack,
    TeamDecline,
    Escalate,
}

/// <summary>
/// The ticket lifecycle as one table: for each command, the statuses it may start from and the status it leads to.
/// Anything not in the table is an illegal transition and is refused without changing the ticket. It lives with the
/// contracts so that a UI offers exactly the commands the ticket grain will accept.
/// </summary>
public static class TicketLifecycle
{
    private static readonly TicketStatus[] Active =
        [TicketStatus.Registered, TicketStatus.Classified, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingOnResident, TicketStatus.Reopened];

    private static readonly Dictionary<TicketCommand, (TicketStatus[] From, TicketStatus? To)> Table = new()
    {
        [TicketCommand.Classify] = ([TicketStatus.Registered, TicketStatus.Classified, TicketStatus.Reopened], TicketStatus.Classified),
        [TicketCommand.AssignToStation] = ([TicketStatus.Classified], TicketStatus.Assigned),
        [TicketCommand.AssignToTeam] = ([TicketStatus.Classified], TicketStatus.Assigned),
        [TicketCommand.Start] = ([TicketStatus.Assigned, TicketStatus.Reopened], TicketStatus.InProgress),
        [TicketCommand.WaitOnResident] = ([TicketStatus.InProgress], TicketStatus.WaitingOnResident),
        [TicketCommand.Resume] = ([TicketStatus.WaitingOnResident], TicketStatus.InProgress),
        [TicketCommand.Resolve] = ([TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Reopened], TicketStatus.Resolved),
        [TicketCommand.Close] = ([TicketStatus.Resolved], TicketStatus.Closed),
        [TicketCommand.Reopen] = ([TicketStatus.Resolved, TicketStatus.Closed], TicketStatus.Reopened),
        [TicketCommand.Cancel] = (Active, TicketStatus.Cancelled),
        [TicketCommand.HandBack] = ([TicketStatus.Assigned, TicketStatus.InProgress], TicketStatus.Classified),
        [TicketCommand.TeamDecline] = ([TicketStatus.Assigned], TicketStatus.Classified),
        // Escalation moves ownership, not status; a ticket waiting on the resident has its clocks paused.
        [TicketCommand.Escalate] = ([TicketStatus.Registered, TicketStatus.Classified, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Reopened], null),
    };

    /// <summary>How long after resolution a resident may still dispute it.</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(7);

    public static bool IsAllowed(TicketCommand command, TicketStatus from) => Table[command].From.Contains(from);

    /// <summary>The status after <paramref name="command"/>; refuses an illegal transition.</summary>
    public static TicketStatus Next(TicketCommand command, TicketStatus from) =>
        IsAllowed(command, from)
            ? Table[command].To ?? from
            : throw DomainRefusalException.Conflict($"A ticket that is {from} cannot take '{command}'.");

    /// <summary>Whether the command counts as the first response to the resident (someone took the matter up).</summary>
    public static bool IsFirstResponse(TicketCommand command) =>
        command is TicketCommand.Start or TicketCommand.WaitOnResident or TicketCommand.Resolve;

    /// <summary>The commands available from a status, for UIs that offer only legal actions.</summary>
    public static IEnumerable<TicketCommand> CommandsFrom(TicketStatus status) =>
        Table.Where(entry => entry.Value.From.Contains(status) && entry.Key != TicketCommand.Escalate).Select(entry => entry.Key);

    /// <summary>
    /// Whether <paramref name="actor"/> may give <paramref name="command"/> to a ticket owned by
    /// <paramref name="ownerStationId"/>, offered to <paramref name="teamId"/> and reported from
    /// <paramref name="residentPhone"/> — the scope alone, whatever the status. The ticket grain refuses what this
    /// refuses, and UIs hide it.
    /// </summary>
    public static bool MayPerform(TicketCommand command, Actor actor, string ownerStationId, string? teamId, string residentPhone) => command switch
    {
        TicketCommand.Escalate => actor.Role == ActorRole.System,
        TicketCommand.Close or TicketCommand.Reopen =>
            actor.Manages(ownerStationId) || (actor.Role == ActorRole.Resident && actor.ResidentPhone is { } phone && TicketRules.SamePhone(phone, residentPhone)),
        TicketCommand.Start or TicketCommand.WaitOnResident or TicketCommand.Resume or TicketCommand.Resolve or TicketCommand.TeamDecline =>
            actor.Manages(ownerStationId) || (actor.Role == ActorRole.TeamLead && actor.TeamId is not null && actor.TeamId == teamId),
        _ => actor.Manages(ownerStationId),
    };
}
