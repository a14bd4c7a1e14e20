using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using GuoduActors.Grains;
using Orleans.Storage;

namespace GuoduActors.Silo.Projections;

/// <summary>
/// Tickets' state in Azure Tables: table <c>GuoduTicketStates…</c> per Orleans service, partition = the ticket's block of
/// ids (<see cref="TicketIds.BlockPartitionOf"/>), row = ticket id, the state serialized by Orleans' grain-storage
/// serializer in 64 KB columns. Written by hand rather than with Orleans' Azure grain storage because that keeps every
/// grain in a partition of its own: new tickets could not be written together, and a registration paid a round trip of
/// its own (and a read before it, on activation). Here the registrations of one silo's block are one transaction.
/// </summary>
/// <param name="tables">The storage account's Table service.</param>
/// <param name="serviceId">The Orleans service: its tickets get a table of their own.</param>
/// <param name="serializer">How states are written: the host gives Orleans' binary grain-storage serializer.</param>
/// <param name="legacy">
/// Where tickets were stored before this table existed (Orleans' Azure grain storage, provider <see cref="GrainStorage.Default"/>):
/// a ticket not found here is read from there, and its next write moves it here.
/// </param>
public sealed class AzureTableTicketStore(TableServiceClient tables, string serviceId, IGrainStorageSerializer serializer, Func<IGrainStorage?>? legacy = null) : ITicketStore
{
    /// <summary>The Table service's limit for a binary property; a state is split over columns <c>Data0</c>, <c>Data1</c>, …</summary>
    private const int ColumnBytes = 64 * 1024;
    /// <summary>A transaction holds at most 100 entities and 4 MB; a ticket may approach 1 MB with a long timeline.</summary>
    private const int MaxTransactionBytes = 3 * 1024 * 1024;
    /// <summary>Transactions of one partition in flight at once: the next batch forms while earlier ones are being written.</summary>
    private const int TransactionsInFlight = 1;

    private readonly TableClient _table = tables.GetTableClient(AzureTableTicketProjectionStore.TableNameFor(serviceId, "GuoduTicketStates"));
    private readonly ConcurrentDictionary<string, PartitionWriter> _writers = new(StringComparer.Ordinal);
    private readonly Lazy<Task> _created = new(() => tables.GetTableClient(AzureTableTicketProjectionStore.TableNameFor(serviceId, "GuoduTicketStates")).CreateIfNotExistsAsync());

    public async Task InsertNewAsync(string ticketId, TicketState state)
    {
        await _created.Value;
        var entity = ToEntity(ticketId, state);
        await _writers.GetOrAdd(entity.PartitionKey, partition => new PartitionWriter(this)).AddAsync(entity);
    }

    public async Task<IReadOnlyList<(string TicketId, TicketState State)>> LoadBlockAsync(string dayKey, int blockStart)
    {
        await _created.Value;
        var tickets = new List<(string, TicketState)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TicketIds.BlockPartition(dayKey, blockStart)}")))
            tickets.Add((entity.RowKey, Deserialize<TicketState>(entity)));
        return tickets;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _created.Value;
        var id = TicketIdOf(grainId);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TicketIds.BlockPartitionOf(id), id);
        if (!found.HasValue || found.Value is not { } entity)
        {
            if (legacy?.Invoke() is { } before)
                await before.ReadStateAsync(stateName, grainId, grainState);
            // No ETag of this table: the next write inserts the ticket here (failing, as it should, if someone else did first).
            grainState.ETag = null;
            return;
        }
        grainState.State = Deserialize<T>(entity);
        grainState.ETag = entity.ETag.ToString();
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _created.Value;
        var entity = ToEntity(TicketIdOf(grainId), grainState.State);
        try
        {
            var response = grainState.ETag is null
                ? await _table.AddEntityAsync(entity)
                : await _table.UpdateEntityAsync(entity, new ETag(grainState.ETag), TableUpdateMode.Replace);
            grainState.ETag = response.Headers.ETag?.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new InconsistentStateException($"Ticket '{entity.RowKey}' was changed by another writer ({e.ErrorCode}).", e);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _created.Value;
        var id = TicketIdOf(grainId);
        await _table.DeleteEntityAsync(TicketIds.BlockPartitionOf(id), id, grainState.ETag is null ? ETag.All : new ETag(grainState.ETag));
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static string TicketIdOf(GrainId grainId) => grainId.Key.ToString()!;

    private TableEntity ToEntity<T>(string ticketId, T state)
    {
        var bytes = serializer.Serialize(state).ToMemory();
        var entity = new TableEntity(TicketIds.BlockPartitionOf(ticketId), ticketId);
        for (int offset = 0, column = 0; offset < bytes.Length; offset += ColumnBytes, column++)
            entity[$"Data{column}"] = bytes.Slice(offset, Math.Min(ColumnBytes, bytes.Length - offset)).ToArray();
        return entity;
    }

    private T Deserialize<T>(TableEntity entity)
    {
        var bytes = new List<byte>();
        for (var column = 0; entity.GetBinary($"Data{column}") is { } chunk; column++)
            bytes.AddRange(chunk);
        return serializer.Deserialize<T>(new BinaryData(bytes.ToArray()))
            ?? throw new InvalidDataException($"Ticket '{entity.RowKey}' holds no state.");
    }

    /// <summary>
    /// Group commit for one partition: an insert that finds fewer than <see cref="TransactionsInFlight"/> transactions in
    /// flight starts one with everything waiting; the inserts that arrive meanwhile wait and go together in the next.
    /// </summary>
    private sealed class PartitionWriter(AzureTableTicketStore store)
    {
        private readonly Lock _gate = new();
        private readonly List<(TableEntity Entity, int Bytes, TaskCompletionSource Stored)> _waiting = [];
        private int _inFlight;

        public Task AddAsync(TableEntity entity)
        {
            var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var bytes = Enumerable.Range(0, 16).Sum(c => entity.GetBinary($"Data{c}")?.Length ?? 0);
            lock (_gate)
            {
                _waiting.Add((entity, bytes, stored));
                if (_inFlight < TransactionsInFlight)
                {
                    _inFlight++;
                    // On the thread pool: the caller may be a grain, whose scheduler must not run the storage loop.
                    _ = Task.Run(WriteWhileWaitingAsync);
                }
            }
            return stored.Task;
        }

        private async Task WriteWhileWaitingAsync()
        {
            while (true)
            {
                List<(TableEntity Entity, int Bytes, TaskCompletionSource Stored)> batch;
                lock (_gate)
                {
                    if (_waiting.Count == 0)
                    {
                        _inFlight--;
                        return;
                    }
                    batch = TakeBatch();
                }
                try
                {
                    await store._table.SubmitTransactionAsync(batch.Select(b => new TableTransactionAction(TableTransactionActionType.Add, b.Entity)));
                    foreach (var item in batch)
                        item.Stored.TrySetResult();
                }
                catch (Exception e)
                {
                    foreach (var item in batch)
                        item.Stored.TrySetException(e);
                }
            }
        }

        private List<(TableEntity Entity, int Bytes, TaskCompletionSource Stored)> TakeBatch()
        {
            var count = 0;
            var bytes = 0;
            while (count < _waiting.Count && count < ITicketProjectionStore.MaxBatch && (count == 0 || bytes + _waiting[count].Bytes <= MaxTransactionBytes))
                bytes += _waiting[count++].Bytes;
            var batch = _waiting.GetRange(0, count);
            _waiting.RemoveRange(0, count);
            return batch;
        }
    }
}
