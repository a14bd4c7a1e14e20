using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace GuoduActors.Grains;

/// <summary>
/// Where tickets' state lives: the grain storage of <see cref="TicketGrain"/> (provider <see cref="GrainStorage.Tickets"/>),
/// partitioned by block of ids (<see cref="TicketIds.BlockPartitionOf"/>), so that a new ticket can be written together
/// with the other registrations of its silo's current block instead of in a round trip of its own.
/// </summary>
public interface ITicketStore : IGrainStorage
{
    /// <summary>
    /// Stores a new ticket's first state, never overwriting one that exists. Registrations that arrive while an earlier
    /// write of the same block is in flight are written together in one transaction; each caller returns once its
    /// ticket is stored, or fails (with everyone of its transaction) if it was not.
    /// </summary>
    Task InsertNewAsync(string ticketId, TicketState state);

    /// <summary>The tickets stored in one block of ids (at most <see cref="TicketIds.BlockSize"/>), as they are now.</summary>
    Task<IReadOnlyList<(string TicketId, TicketState State)>> LoadBlockAsync(string dayKey, int blockStart);
}

/// <summary>Tickets in process memory, for tests and the single-silo memory mode; one instance serves every silo of an in-process cluster.</summary>
public sealed class InMemoryTicketStore : ITicketStore
{
    private readonly ConcurrentDictionary<string, (TicketState State, long Version)> _tickets = new(StringComparer.Ordinal);
    private long _version;

    public Task InsertNewAsync(string ticketId, TicketState state)
    {
        if (!_tickets.TryAdd(ticketId, (state.Copy(), Interlocked.Increment(ref _version))))
            throw new InconsistentStateException($"Ticket '{ticketId}' is stored already.");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(string TicketId, TicketState State)>> LoadBlockAsync(string dayKey, int blockStart)
    {
        var partition = TicketIds.BlockPartition(dayKey, blockStart);
        return Task.FromResult<IReadOnlyList<(string, TicketState)>>(_tickets
            .Where(t => TicketIds.BlockPartitionOf(t.Key) == partition).Select(t => (t.Key, t.Value.State.Copy())).ToList());
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_tickets.TryGetValue(grainId.Key.ToString()!, out var stored))
        {
            grainState.State = (T)(object)stored.State.Copy();
            grainState.ETag = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.Key.ToString()!;
        var next = (((TicketState)(object)grainState.State!).Copy(), Interlocked.Increment(ref _version));
        var stored = grainState.ETag is null
            ? _tickets.TryAdd(id, next)
            : _tickets.TryGetValue(id, out var current) && current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) == grainState.ETag
              && _tickets.TryUpdate(id, next, current);
        if (!stored)
            throw new InconsistentStateException($"Ticket '{id}' was changed by another writer.");
        grainState.ETag = next.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _tickets.TryRemove(grainId.Key.ToString()!, out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}

public static class TicketStoreRegistration
{
    /// <summary>
    /// Binds the ticket grains' storage provider to <paramref name="store"/> (or to the <see cref="ITicketStore"/> the
    /// services hold) and adds the silo's <see cref="TicketIntake"/>.
    /// </summary>
    public static IServiceCollection AddGuoduTicketIntake(this IServiceCollection services, ITicketStore? store = null)
    {
        if (store is not null)
            services.AddSingleton(store);
        services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Tickets, (sp, _) => sp.GetRequiredService<ITicketStore>());
        services.AddSingleton<TicketIntake>();
        services.AddOptions<IntakeOptions>();
        return services;
    }
}
