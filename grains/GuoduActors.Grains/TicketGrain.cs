namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class TicketState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string StationId { get; set; } = "";
    [Id(2)] public string OwnerStationId { get; set; } = "";
    [Id(3)] public TicketStatus Status { get; set; }
    [Id(4)] public string Description { get; set; } = "";
    [Id(5)] public string? CategoryCode { get; set; }
    [Id(6)] public string? ResidentName { get; set; }
    [Id(7)] public string ResidentPhone { get; set; } = "";
    [Id(8)] public string? Address { get; set; }
    [Id(9)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(10)] public string RequestKey { get; set; } = "";
    [Id(11)] public List<TimelineEntry> Timeline { get; set; } = [];
}

public sealed class TicketGrain(
    [PersistentState("ticket", GrainStorage.Default)] IPersistentState<TicketState> state,
    TimeProvider time) : Grain, ITicketGrain
{
    public async Task<TicketSnapshot> CreateAsync(string stationId, NewTicket ticket, string requestKey, string actor)
    {
        if (state.State.Created)
        {
            return state.State.RequestKey == requestKey && state.State.StationId == stationId
                ? Snapshot()
                : throw DomainRefusalException.Conflict($"Ticket '{this.GetPrimaryKeyString()}' already exists.");
        }
        var errors = TicketRules.Validate(ticket);
        if (errors.Count > 0)
            throw DomainRefusalException.Invalid(string.Join(" ", errors.Values.SelectMany(v => v)));

        var now = time.GetUtcNow();
        // Build the new state aside and swap it in only after the write succeeds, so a failed write leaves
        // this activation exactly as it was.
        var created = new TicketState
        {
            Created = true,
            StationId = stationId,
            OwnerStationId = stationId,
            Status = TicketStatus.Registered,
            Description = ticket.Description.Trim(),
            CategoryCode = ticket.CategoryCode,
            ResidentName = ticket.ResidentName?.Trim(),
            ResidentPhone = ticket.ResidentPhone.Trim(),
            Address = ticket.Address?.Trim(),
            RegisteredAt = now,
            RequestKey = requestKey,
            Timeline = [new TimelineEntry(now, actor, "register", null, TicketStatus.Registered, null)],
        };
        var previous = state.State;
        state.State = created;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
        return Snapshot();
    }

    public Task<TicketSnapshot?> GetAsync() => Task.FromResult(state.State.Created ? Snapshot() : null);

    private TicketSnapshot Snapshot()
    {
        var s = state.State;
        return new TicketSnapshot(this.GetPrimaryKeyString(), s.StationId, s.OwnerStationId, s.Status, s.Description,
            s.CategoryCode, s.ResidentName, s.ResidentPhone, s.Address, s.RegisteredAt, s.Timeline.ToList());
    }
}
