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

    private readonly TableClient _table = TableOf(tables, serviceId);
    private readonly GroupCommit _inserts = new(TableOf(tables, serviceId));
    private readonly Lazy<Task> _created = new(() => TableOf(tables, serviceId).CreateIfNotExistsAsync());

    /// <summary><c>GuoduTicketStates</c> + the service (see <see cref="AzureTableTicketProjectionStore.TableNameFor"/>).</summary>
    public static TableClient TableOf(TableServiceClient tables, string serviceId) =>
        tables.GetTableClient(AzureTableTicketProjectionStore.TableNameFor(serviceId, "GuoduTicketStates"));

    public async Task InsertNewAsync(string ticketId, TicketState state)
    {
        await _created.Value;
        var entity = ToEntity(ticketId, state, out var bytes);
        await _inserts.AddAsync(entity, bytes);
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
        var entity = ToEntity(TicketIdOf(grainId), grainState.State, out _);
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

    private TableEntity ToEntity<T>(string ticketId, T state, out int size)
    {
        var bytes = serializer.Serialize(state).ToMemory();
        size = bytes.Length;
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
    /// Group commit: an insert that finds no transaction in flight starts one; the inserts that arrive meanwhile wait and
    /// go together in the next — those of one block (partition) per transaction, the oldest waiting block first.
    /// </summary>
    private sealed class GroupCommit(TableClient table)
    {
        private readonly Lock _gate = new();
        private readonly List<(TableEntity Entity, int Bytes, TaskCompletionSource Stored)> _waiting = [];
        private bool _writing;

        public Task AddAsync(TableEntity entity, int bytes)
        {
            var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiting.Add((entity, bytes, stored));
                if (!_writing)
                {
                    _writing = true;
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
                        _writing = false;
                        return;
                    }
                    batch = TakeBatch();
                }
                try
                {
                    await table.SubmitTransactionAsync(batch.Select(b => new TableTransactionAction(TableTransactionActionType.Add, b.Entity)));
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

        /// <summary>The waiting inserts of the oldest one's partition, at most a transaction's worth. Call under the lock.</summary>
        private List<(TableEntity Entity, int Bytes, TaskCompletionSource Stored)> TakeBatch()
        {
            var partition = _waiting[0].Entity.PartitionKey;
            var batch = new List<(TableEntity Entity, int Bytes, TaskCompletionSource Stored)>();
            var bytes = 0;
            foreach (var item in _waiting)
            {
                if (batch.Count == ITicketProjectionStore.MaxBatch || (batch.Count > 0 && bytes + item.Bytes > MaxTransactionBytes))
                    break;
                if (item.Entity.PartitionKey != partition)
                    continue;
                batch.Add(item);
                bytes += item.Bytes;
            }
            _waiting.RemoveAll(batch.Contains);
            return batch;
        }
    }
}
