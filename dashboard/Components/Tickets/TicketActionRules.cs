namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>
/// Which commands the ticket pages offer: only those the lifecycle allows from the ticket's status AND the ticket
/// grain would accept from this actor (<see cref="TicketLifecycle.MayPerform"/>), so an offered action is refused
/// only when someone else changed the ticket in between.
/// </summary>
public static class TicketActionRules
{
    /// <summary>What staff and leaders may be offered on the detail page, in the order it shows them.</summary>
    public static readonly IReadOnlyList<TicketCommand> StaffCommands =
    [
        TicketCommand.Classify, TicketCommand.AssignToStation, TicketCommand.AssignToTeam, TicketCommand.Start,
        TicketCommand.WaitOnResident, TicketCommand.Resume, TicketCommand.Resolve, TicketCommand.HandBack, TicketCommand.Cancel,
    ];

    // A team lead accepts, declines and completes through the team (which keeps its jobs and hours); only the pause
    // for the resident has no team counterpart.
    private static readonly TicketCommand[] TeamLeadCommands = [TicketCommand.WaitOnResident, TicketCommand.Resume];

    /// <summary>
    /// The commands <paramref name="actor"/> may give <paramref name="ticket"/> now, in display order;
    /// <paramref name="ownerLevel"/> is the owning station's level, if known (a hand-back needs a level-2 owner).
    /// </summary>
    public static IReadOnlyList<TicketCommand> Offered(TicketSnapshot ticket, Actor? actor, StationLevel? ownerLevel)
    {
        if (actor is null)
            return [];
        var legal = TicketLifecycle.CommandsFrom(ticket.Status).ToHashSet();
        return StaffCommands
            .Where(command => legal.Contains(command)
                && TicketLifecycle.MayPerform(command, actor, ticket.OwnerStationId, ticket.TeamId, ticket.ResidentPhone)
                && (actor.Role != ActorRole.TeamLead || TeamLeadCommands.Contains(command))
                && (command != TicketCommand.HandBack || ownerLevel == StationLevel.Compound))
            .ToList();
    }

    /// <summary>Whether a resident may still dispute the resolution at <paramref name="now"/>.</summary>
    public static bool MayDispute(TicketSnapshot ticket, DateTimeOffset now) =>
        ticket.Status is TicketStatus.Resolved or TicketStatus.Closed
        && ticket.ResolvedAt is { } resolvedAt && now - resolvedAt <= TicketLifecycle.ReopenWindow;

    /// <summary>Whether a command needs a note (or reason), as the ticket grain requires.</summary>
    public static bool NeedsNote(TicketCommand command) =>
        command is TicketCommand.WaitOnResident or TicketCommand.Resolve or TicketCommand.Cancel or TicketCommand.HandBack or TicketCommand.Reopen;

    /// <summary>Whether the note of a command is a reason (cancel, hand-back, dispute) rather than a remark.</summary>
    public static bool NoteIsReason(TicketCommand command) =>
        command is TicketCommand.Cancel or TicketCommand.HandBack or TicketCommand.Reopen;
}
