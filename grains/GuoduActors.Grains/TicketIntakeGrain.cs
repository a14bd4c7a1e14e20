namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class TicketIntakeState
{
    [Id(0)] public string? TicketId { get; set; }
    [Id(1)] public string Fingerprint { get; set; } = "";
}

public sealed class TicketIntakeGrain(
    [PersistentState("intake", GrainStorage.Default)] IPersistentState<TicketIntakeState> state,
    TimeProvider time) : Grain, ITicketIntakeGrain
{
    public async Task<string> ReserveTicketIdAsync(string fingerprint)
    {
        if (state.State.TicketId is { } reserved)
        {
            return state.State.Fingerprint == fingerprint
                ? reserved
                : throw DomainRefusalException.Conflict("This request key was already used for a different request.");
        }

        var day = TicketIds.DayKey(time.GetUtcNow());
        var number = await GrainFactory.GetGrain<ITicketNumberGrain>(day).NextAsync();
        state.State.TicketId = TicketIds.Format(day, number);
        state.State.Fingerprint = fingerprint;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored, not reserved: a retry reserves again rather than trusting an id only this activation knew.
            state.State.TicketId = null;
            state.State.Fingerprint = "";
            throw;
        }
        return state.State.TicketId;
    }
}
