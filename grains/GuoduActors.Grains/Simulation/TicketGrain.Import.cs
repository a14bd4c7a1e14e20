using Microsoft.Extensions.Logging;

namespace GuoduActors.Grains;

/// <summary>
/// A ticket that began elsewhere: an open ticket of a simulated history, which lives on as a real ticket once
/// imported — its owner indexes its deadlines and escalates it, and staff act on it like on any other.
/// </summary>
public sealed partial class TicketGrain
{
    public async Task<TicketSnapshot> ImportAsync(TicketSnapshot ticket)
    {
        if (state.State.Created)
            return Snapshot(state.State);
        if (ticket.Id != TicketId)
            throw DomainRefusalException.Invalid($"Record '{ticket.Id}' cannot be imported as ticket '{TicketId}'.");
        if (!ticket.IsOpen || ticket.Status == TicketStatus.WaitingOnResident)
            throw DomainRefusalException.Invalid($"Only open tickets that are not waiting on the resident are imported; '{ticket.Id}' is {ticket.Status}.");
        // A team's job would need the team's consent (its capacity); an imported ticket starts at a station.
        if (ticket.TeamId is not null)
            throw DomainRefusalException.Invalid($"Ticket '{ticket.Id}' is assigned to a volunteer team; import it at its station.");
        var errors = TicketRules.Validate(new NewTicket(ticket.Description, ticket.CategoryCode, ticket.ResidentName, ticket.ResidentPhone, ticket.Address));
        if (errors.Count > 0)
            throw DomainRefusalException.Invalid(string.Join(" ", errors.Values.SelectMany(v => v)));
        if (ticket.CategoryCode is { } code && !policy.IsKnownCategory(code))
            throw DomainRefusalException.Invalid($"Unknown category '{code}'.");
        if (ticket.Timeline is not [{ ToStatus: TicketStatus.Registered } first, ..] || first.At != ticket.RegisteredAt
            || ticket.Timeline.Zip(ticket.Timeline.Skip(1)).Any(pair => pair.Second.At < pair.First.At))
            throw DomainRefusalException.Invalid($"The timeline of '{ticket.Id}' must start with its registration and run forward in time.");
        if (await Owner(ticket.OwnerStationId).GetInfoAsync() is null || await Owner(ticket.StationId).GetInfoAsync() is null)
            throw DomainRefusalException.Invalid($"Ticket '{ticket.Id}' names a station the roster does not have.");

        var imported = new TicketState
        {
            Created = true,
            StationId = ticket.StationId,
            OwnerStationId = ticket.OwnerStationId,
            Status = ticket.Status,
            Description = ticket.Description,
            CategoryCode = ticket.CategoryCode,
            ResidentName = ticket.ResidentName,
            ResidentPhone = ticket.ResidentPhone,
            Address = ticket.Address,
            RegisteredAt = ticket.RegisteredAt,
            RequestKey = "import",
            Timeline = [.. ticket.Timeline],
            PriorityClass = ticket.PriorityClass,
            FirstResponseDue = ticket.FirstResponseDue,
            ResolutionDue = ticket.ResolutionDue,
            FirstRespondedAt = ticket.FirstRespondedAt,
            ResolvedAt = ticket.ResolvedAt,
            ClosedAt = ticket.ClosedAt,
            Rating = ticket.Rating,
            RatingComment = ticket.RatingComment,
            EscalationCount = ticket.EscalationCount,
            DeadlineVersion = ticket.DeadlineVersion,
            UpdatedAt = ticket.UpdatedAt,
            FirstResponseLate = ticket.FirstResponseLate,
            ResolutionLate = ticket.ResolutionLate,
        };
        // No count effect: the imported daily counts already hold this ticket's registration.
        await CommitAsync(imported, TicketCountEffect.None);
        logger.LogDebug("Ticket {Ticket} imported at {Owner}", TicketId, ticket.OwnerStationId);
        return Snapshot(state.State);
    }
}
