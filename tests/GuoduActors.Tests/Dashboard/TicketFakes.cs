using System.Security.Claims;
using GuoduActors.Dashboard.Services.Tickets;
using Microsoft.AspNetCore.Components.Authorization;

namespace GuoduActors.Tests.Dashboard;

/// <summary>The signed-in principal the test chooses, built with the claims the silo's sign-in gives.</summary>
internal sealed class FakeAuthentication : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public void SignIn(Actor actor, string? displayName = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, actor.UserId),
            new(ClaimTypes.GivenName, displayName ?? actor.UserId),
            new(ClaimTypes.Role, actor.Role.ToString()),
        };
        claims.AddRange(actor.StationScope.Select(s => new Claim(ActorClaims.StationClaim, s)));
        if (actor.TeamId is { } team)
            claims.Add(new Claim(ActorClaims.TeamClaim, team));
        _user = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test", ClaimTypes.Name, ClaimTypes.Role));
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}

/// <summary>Tickets held in memory; records every command and registration, and answers them as the test says.</summary>
internal sealed class FakeTicketCommands : ITicketCommands
{
    private readonly Dictionary<string, TicketSnapshot> _tickets = new(StringComparer.Ordinal);

    public List<(string TicketId, TicketAction Action)> Executed { get; } = [];

    public List<(string StationId, NewTicket Ticket, string RequestKey)> Registered { get; } = [];

    public int Reads { get; private set; }

    /// <summary>How the next command is answered; by default the stored ticket, unchanged.</summary>
    public Func<string, TicketAction, TicketSnapshot>? OnExecute { get; set; }

    /// <summary>How registrations are answered; by default a new ticket GD-20261128-0042.</summary>
    public Func<string, NewTicket, string, TicketSnapshot>? OnRegister { get; set; }

    public void Store(TicketSnapshot ticket) => _tickets[ticket.Id] = ticket;

    public Task<TicketSnapshot?> GetAsync(string ticketId)
    {
        Reads++;
        return Task.FromResult(_tickets.GetValueOrDefault(ticketId));
    }

    public Task<TicketSnapshot> ExecuteAsync(string ticketId, TicketAction action)
    {
        Executed.Add((ticketId, action));
        try
        {
            var result = OnExecute?.Invoke(ticketId, action) ?? _tickets[ticketId];
            _tickets[ticketId] = result;
            return Task.FromResult(result);
        }
        catch (Exception e)
        {
            return Task.FromException<TicketSnapshot>(e);
        }
    }

    public Task<TicketSnapshot> RegisterAsync(string stationId, NewTicket ticket, string requestKey)
    {
        Registered.Add((stationId, ticket, requestKey));
        try
        {
            return Task.FromResult(OnRegister?.Invoke(stationId, ticket, requestKey)
                ?? SampleTickets.Ticket("GD-20261128-0042", TicketStatus.Registered, stationId) with { Description = ticket.Description, ResidentPhone = ticket.ResidentPhone });
        }
        catch (Exception e)
        {
            return Task.FromException<TicketSnapshot>(e);
        }
    }
}

/// <summary>Records every list query and answers it from the rows the test set, paged as asked.</summary>
internal sealed class FakeTicketQueries : ITicketQueries
{
    public List<(Actor Viewer, TicketListQuery Query)> Queries { get; } = [];

    public IReadOnlyList<TicketRow> Rows { get; set; } = [];

    public TicketListQuery? Last => Queries.Count > 0 ? Queries[^1].Query : null;

    public Task<TicketPage> ListAsync(Actor viewer, TicketListQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Add((viewer, query));
        var items = Rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return Task.FromResult(new TicketPage(Rows.Count, query.Page, query.PageSize, items));
    }
}

internal sealed class FakeTicketDirectory : ITicketDirectory
{
    public GuoduActors.Roster? Roster { get; set; } = SampleTickets.Roster;

    public IReadOnlyList<TeamLoad> Loads { get; set; } = [new(SampleTickets.Roster.Teams[0], 1), new(SampleTickets.Roster.Teams[1], 2)];

    public Task<GuoduActors.Roster?> GetRosterAsync() => Task.FromResult(Roster);

    public Task<IReadOnlyList<TeamLoad>> GetTeamLoadsAsync() => Task.FromResult(Loads);
}
