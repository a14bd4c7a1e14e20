using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GuoduActors.Dashboard.Services.Tickets;

/// <summary>One lifecycle command for a ticket, with whatever that command takes.</summary>
public sealed record TicketAction(TicketCommand Command, Actor Actor)
{
    /// <summary>The note, or the reason of a cancel, hand-back or dispute, or the comment of a rating.</summary>
    public string? Note { get; init; }
    public string? CategoryCode { get; init; }
    public string? StationId { get; init; }
    public string? TeamId { get; init; }
    public int Rating { get; init; }
}

/// <summary>Reads and changes tickets; the pages depend on this, not on Orleans, so they can be tested alone.</summary>
public interface ITicketCommands
{
    /// <summary>The ticket, or <c>null</c> when no ticket has this id.</summary>
    Task<TicketSnapshot?> GetAsync(string ticketId);

    /// <summary>Gives the command to the ticket; a refusal arrives as <see cref="DomainRefusalException"/> and changed nothing.</summary>
    Task<TicketSnapshot> ExecuteAsync(string ticketId, TicketAction action);

    /// <summary>Registers a matter at a station; the same <paramref name="requestKey"/> and content return the same ticket.</summary>
    Task<TicketSnapshot> RegisterAsync(string stationId, NewTicket ticket, string requestKey);
}

/// <summary>Ticket lists, from the query projection.</summary>
public interface ITicketQueries
{
    Task<TicketPage> ListAsync(Actor viewer, TicketListQuery query, CancellationToken cancellationToken = default);
}

/// <summary>A volunteer team with the jobs it holds now (offered or active).</summary>
public sealed record TeamLoad(TeamInfo Team, int Busy)
{
    public int Free => Math.Max(0, Team.Capacity - Busy);
}

/// <summary>The roster and the teams' loads, for names and pickers.</summary>
public interface ITicketDirectory
{
    /// <summary>The roster, or <c>null</c> while none is loaded.</summary>
    Task<Roster?> GetRosterAsync();

    Task<IReadOnlyList<TeamLoad>> GetTeamLoadsAsync();
}

public sealed class OrleansTicketCommands(IGrainFactory grains) : ITicketCommands
{
    public async Task<TicketSnapshot?> GetAsync(string ticketId) =>
        TicketIds.IsWellFormed(ticketId) ? await grains.GetGrain<ITicketGrain>(ticketId).GetAsync() : null;

    public Task<TicketSnapshot> ExecuteAsync(string ticketId, TicketAction action)
    {
        if (!TicketIds.IsWellFormed(ticketId))
            throw DomainRefusalException.NotFound($"No ticket '{ticketId}' exists.");
        var ticket = grains.GetGrain<ITicketGrain>(ticketId);
        var (actor, note) = (action.Actor, action.Note);
        return action.Command switch
        {
            TicketCommand.Classify => ticket.ClassifyAsync(actor, action.CategoryCode ?? "", note),
            TicketCommand.AssignToStation => ticket.AssignToStationAsync(actor, action.StationId ?? "", note),
            TicketCommand.AssignToTeam => ticket.AssignToTeamAsync(actor, action.TeamId ?? "", note),
            TicketCommand.Start => ticket.StartAsync(actor, note),
            TicketCommand.WaitOnResident => ticket.WaitOnResidentAsync(actor, note ?? ""),
            TicketCommand.Resume => ticket.ResumeAsync(actor, note),
            TicketCommand.Resolve => ticket.ResolveAsync(actor, note ?? ""),
            TicketCommand.Close => ticket.CloseAsync(actor, action.Rating, note),
            TicketCommand.Reopen => ticket.ReopenAsync(actor, note ?? ""),
            TicketCommand.Cancel => ticket.CancelAsync(actor, note ?? ""),
            TicketCommand.HandBack => ticket.HandBackAsync(actor, note ?? ""),
            TicketCommand.TeamDecline => ticket.TeamDeclineAsync(actor, note ?? ""),
            _ => throw new DomainRefusalException(RefusalKind.Forbidden, $"'{action.Command}' is not given from the dashboard."),
        };
    }

    public Task<TicketSnapshot> RegisterAsync(string stationId, NewTicket ticket, string requestKey) =>
        grains.GetGrain<IStationGrain>(stationId).RegisterTicketAsync(ticket, requestKey);
}

public sealed class OrleansTicketDirectory(IGrainFactory grains, SiteContext site) : ITicketDirectory
{
    public Task<Roster?> GetRosterAsync() => grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetRosterAsync();

    public async Task<IReadOnlyList<TeamLoad>> GetTeamLoadsAsync()
    {
        var roster = await GetRosterAsync();
        if (roster is null)
            return [];
        var views = await Task.WhenAll(roster.Teams.Select(t => grains.GetGrain<IVolunteerTeamGrain>(t.Id).GetAsync()));
        return views.Select(v => new TeamLoad(v.Info, v.Offered + v.Active)).ToList();
    }
}

/// <summary>Lists through <see cref="TicketList"/>, the same query the HTTP API runs.</summary>
public sealed class ProjectionTicketQueries(ITicketProjectionStore store, TimeProvider time) : ITicketQueries
{
    public Task<TicketPage> ListAsync(Actor viewer, TicketListQuery query, CancellationToken cancellationToken = default) =>
        TicketList.QueryAsync(store, viewer, query, time.GetUtcNow(), cancellationToken);
}

public static class TicketServices
{
    /// <summary>The Orleans-backed ticket services, unless the host (or a test) registered others first.</summary>
    public static IServiceCollection AddGuoduTicketServices(this IServiceCollection services)
    {
        services.TryAddSingleton<ITicketCommands, OrleansTicketCommands>();
        services.TryAddSingleton<ITicketDirectory, OrleansTicketDirectory>();
        services.TryAddSingleton<ITicketQueries, ProjectionTicketQueries>();
        return services;
    }
}
