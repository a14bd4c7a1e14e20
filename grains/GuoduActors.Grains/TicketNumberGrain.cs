namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class TicketNumberState
{
    /// <summary>The first number not yet handed to any intake.</summary>
    [Id(0)] public int NextBlockStart { get; set; } = 1;

    /// <summary>Blocks leased and not yet settled: they may hold registrations their stations have not recorded.</summary>
    [Id(1)] public List<int> Unsettled { get; set; } = [];
}

public sealed class TicketNumberGrain(
    [PersistentState("numbers", GrainStorage.Default)] IPersistentState<TicketNumberState> state) : Grain, ITicketNumberGrain
{
    public async Task<int> LeaseBlockAsync()
    {
        // Hand a block out only once its lease is stored: a block handed out from memory after a failed write could be
        // handed out again after a restart, giving two tickets the same id. A crash forfeits the rest of a block: ids may
        // skip, never repeat.
        var start = state.State.NextBlockStart;
        await ChangeAsync(s =>
        {
            s.NextBlockStart = start + TicketIds.BlockSize;
            s.Unsettled.Add(start);
        });
        return start;
    }

    public Task SettleAsync(int blockStart) =>
        state.State.Unsettled.Contains(blockStart) ? ChangeAsync(s => s.Unsettled.Remove(blockStart)) : Task.CompletedTask;

    public Task<IReadOnlyList<int>> GetUnsettledBlocksAsync() => Task.FromResult<IReadOnlyList<int>>(state.State.Unsettled.ToList());

    /// <summary>Changes a copy and keeps it only once stored, so that memory never runs ahead of storage.</summary>
    private async Task ChangeAsync(Action<TicketNumberState> change)
    {
        var before = state.State;
        var next = new TicketNumberState { NextBlockStart = before.NextBlockStart, Unsettled = [.. before.Unsettled] };
        change(next);
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before;
            throw;
        }
    }
}
