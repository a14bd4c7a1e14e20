namespace GuoduActors.Tests.Infrastructure;

/// <summary>The in-memory projection, whose writes of a station's batch can be made to fail (its table unreachable).</summary>
public sealed class SwitchableProjectionStore() : ForwardingProjectionStore(new InMemoryTicketProjectionStore())
{
    private volatile bool _down;
    private int _stores;

    /// <summary>While set, a station's batch is refused with an <see cref="IOException"/>.</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>How many batches were stored.</summary>
    public int Stores => _stores;

    public override Task StoreAsync(string ownerId, IReadOnlyList<TicketRow> rows, IReadOnlyList<RequestKeyRecord> keys, IReadOnlyList<DailyCount> days)
    {
        if (_down)
            throw new IOException("The ticket table is unreachable.");
        Interlocked.Increment(ref _stores);
        return base.StoreAsync(ownerId, rows, keys, days);
    }
}
