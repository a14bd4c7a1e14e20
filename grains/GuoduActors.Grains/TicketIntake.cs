using Microsoft.Extensions.Logging;

namespace GuoduActors.Grains;

/// <summary>How registrations are written.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>
    /// How long a station gathers the registrations it received before it writes their list rows, request keys and
    /// counts in one transaction. The ticket itself is stored before the registration is answered either way; a station
    /// that dies in the meantime recovers the rest from the stored tickets when it starts again (see
    /// <see cref="ITicketNumberGrain"/>). Zero: the registration is answered only once its row and counts are stored too.
    /// </summary>
    public TimeSpan ListDelay { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// A silo's front door for new tickets: it numbers them from blocks of the day's sequence leased from
/// <see cref="ITicketNumberGrain"/> (one grain write per hundred tickets, no grain call per ticket), stores them through
/// <see cref="ITicketStore.InsertNewAsync"/> (the arrivals of one block in one transaction), and settles a block once every
/// ticket numbered from it is recorded by its station.
/// </summary>
public sealed class TicketIntake(IGrainFactory grains, ITicketStore store, TimeProvider time, ILogger<TicketIntake> logger)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _leasing = new(1, 1);
    private readonly Dictionary<(string Day, int Start), Block> _blocks = [];
    private Block? _current;
    private Task<Block>? _prefetch;
    private string? _prefetchDay;

    /// <summary>A fresh ticket id of the day it is now (China Standard Time); the caller must <see cref="StoreAsync"/> or <see cref="Abandon"/> it.</summary>
    public async Task<string> NextIdAsync()
    {
        var day = TicketIds.DayKey(time.GetUtcNow());
        if (TryTake(day) is { } id)
            return id;
        await _leasing.WaitAsync();
        try
        {
            if (TryTake(day) is { } leasedMeanwhile)
                return leasedMeanwhile;
            Task<Block>? prefetched;
            lock (_gate)
            {
                prefetched = _prefetchDay == day ? _prefetch : null;
                if (_prefetch is not null && prefetched is null)
                    _ = SettleUnusedAsync(_prefetch);
                (_prefetch, _prefetchDay) = (null, null);
            }
            var next = prefetched is not null ? await TakeOrLeaseAsync(prefetched, day) : await LeaseAsync(day);
            lock (_gate)
            {
                Retire(_current);
                _current = _blocks[(day, next.Start)] = next;
                return TakeFrom(next);
            }
        }
        finally
        {
            _leasing.Release();
        }
    }

    /// <summary>Stores a new ticket under an id from <see cref="NextIdAsync"/>; on failure the id is given up.</summary>
    public async Task StoreAsync(string ticketId, TicketState ticket)
    {
        try
        {
            await store.InsertNewAsync(ticketId, ticket);
        }
        catch
        {
            Abandon(ticketId);
            throw;
        }
    }

    /// <summary>An id that will not be used (its ticket was not stored).</summary>
    public void Abandon(string ticketId) => Done(ticketId);

    /// <summary>The station recorded these tickets (rows, keys and counts stored): their blocks need not be read again for them.</summary>
    public void Recorded(IEnumerable<string> ticketIds)
    {
        foreach (var id in ticketIds)
            Done(id);
    }

    /// <summary>
    /// Every stored ticket of the blocks of today and yesterday that are not settled (China Standard Time): where a
    /// registration answered but not yet recorded by its station can be.
    /// </summary>
    public async Task<IReadOnlyList<(string TicketId, TicketState State)>> LoadUnsettledAsync()
    {
        var now = time.GetUtcNow();
        var tickets = new List<(string, TicketState)>();
        foreach (var day in new[] { TicketIds.DayKey(now.AddDays(-1)), TicketIds.DayKey(now) })
        {
            foreach (var block in await grains.GetGrain<ITicketNumberGrain>(day).GetUnsettledBlocksAsync())
                tickets.AddRange(await store.LoadBlockAsync(day, block));
        }
        return tickets;
    }

    private string? TryTake(string day)
    {
        lock (_gate)
        {
            if (_current is { } block && block.Day == day && block.HasMore)
                return TakeFrom(block);
            return null;
        }
    }

    /// <summary>
    /// Takes an id; half-way through a block, leases the next one in the background, so that the switch does not hold up
    /// every registration of the silo for a storage write (at 2 000 a second a block lasts 50 ms). Call under the lock.
    /// </summary>
    private string TakeFrom(Block block)
    {
        var id = block.Take();
        if (block.Remaining <= TicketIds.BlockSize / 2 && _prefetch is null)
            (_prefetch, _prefetchDay) = (Task.Run(() => LeaseAsync(block.Day)), block.Day);
        return id;
    }

    private async Task<Block> LeaseAsync(string day) => new(day, await grains.GetGrain<ITicketNumberGrain>(day).LeaseBlockAsync());

    private async Task<Block> TakeOrLeaseAsync(Task<Block> prefetched, string day)
    {
        try
        {
            return await prefetched;
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Leasing the next ticket block ahead failed; leasing it now");
            return await LeaseAsync(day);
        }
    }

    /// <summary>A block leased ahead for a day that has ended: nothing was numbered from it.</summary>
    private async Task SettleUnusedAsync(Task<Block> prefetched)
    {
        try
        {
            await SettleAsync(await prefetched);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A ticket block leased ahead could not be leased");
        }
    }

    private void Done(string ticketId)
    {
        Block? settled = null;
        lock (_gate)
        {
            if (!TryParse(ticketId, out var key) || !_blocks.TryGetValue(key, out var block))
                return;
            block.Outstanding.Remove(ticketId);
            if ((block != _current || !block.HasMore) && block.Outstanding.Count == 0)
                settled = Remove(block);
        }
        if (settled is not null)
            _ = SettleAsync(settled);
    }

    /// <summary>A block no more ids are taken from: settled as soon as nothing numbered from it is outstanding.</summary>
    private void Retire(Block? block)
    {
        if (block is not null && block.Outstanding.Count == 0)
            _ = SettleAsync(Remove(block));
    }

    private Block Remove(Block block)
    {
        _blocks.Remove((block.Day, block.Start));
        if (_current == block)
            _current = null;
        return block;
    }

    private async Task SettleAsync(Block block)
    {
        try
        {
            await grains.GetGrain<ITicketNumberGrain>(block.Day).SettleAsync(block.Start);
        }
        catch (Exception e)
        {
            // Harmless: an unsettled block is only read once more, by a station starting again, which finds nothing to recover.
            logger.LogWarning(e, "Could not settle ticket block {Day}/{Start}", block.Day, block.Start);
        }
    }

    private static bool TryParse(string ticketId, out (string Day, int Start) key)
    {
        var parsed = TicketIds.TryParse(ticketId, out var day, out var number);
        key = (day, TicketIds.BlockStartOf(number));
        return parsed;
    }

    private sealed class Block(string day, int start)
    {
        private int _next = start;

        public string Day { get; } = day;
        public int Start { get; } = start;
        public HashSet<string> Outstanding { get; } = new(StringComparer.Ordinal);
        public bool HasMore => _next < Start + TicketIds.BlockSize;
        public int Remaining => Start + TicketIds.BlockSize - _next;

        public string Take()
        {
            var id = TicketIds.Format(Day, _next++);
            Outstanding.Add(id);
            return id;
        }
    }
}
