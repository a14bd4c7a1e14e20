namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class TicketNumberState
{
    /// <summary>The first number not yet handed to any activation.</summary>
    [Id(0)] public int NextBlockStart { get; set; } = 1;
}

public sealed class TicketNumberGrain(
    [PersistentState("numbers", GrainStorage.Default)] IPersistentState<TicketNumberState> state) : Grain, ITicketNumberGrain
{
    // Numbers are reserved in blocks so that a busy day costs one storage write per block, not per ticket.
    // A crash forfeits the rest of the block: ids may skip, but a persisted reservation is never handed out twice.
    private const int BlockSize = 100;
    private int _next;
    private int _limit;

    public async Task<int> NextAsync()
    {
        if (_next >= _limit)
        {
            _next = state.State.NextBlockStart;
            _limit = _next + BlockSize;
            state.State.NextBlockStart = _limit;
            await state.WriteStateAsync();
        }
        return _next++;
    }
}
