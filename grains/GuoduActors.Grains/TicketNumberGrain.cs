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
            // Use a block only once its reservation is stored: a block handed out from memory after a failed write
            // could be handed out again after a restart, giving two tickets the same id.
            var start = state.State.NextBlockStart;
            state.State.NextBlockStart = start + BlockSize;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.NextBlockStart = start;
                throw;
            }
            (_next, _limit) = (start, start + BlockSize);
        }
        return _next++;
    }
}
