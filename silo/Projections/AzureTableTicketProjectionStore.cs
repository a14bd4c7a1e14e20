using Azure;
using Azure.Data.Tables;
using GuoduActors.Grains;

namespace GuoduActors.Silo.Projections;

/// <summary>
/// The ticket projection in Azure Tables: one table per Orleans service (<see cref="TableNameFor"/>), partition =
/// current owner (station or office), row = ticket id. A station's open tickets are one partition query; lists filter
/// on the columns.
/// </summary>
public sealed class AzureTableTicketProjectionStore(TableServiceClient tables, string serviceId) : ITicketProjectionStore
{
    private const string TablePrefix = "GuoduTickets";
    private readonly TableClient _table = tables.GetTableClient(TableNameFor(serviceId));
    private readonly Lazy<Task> _created = new(() => tables.GetTableClient(TableNameFor(serviceId)).CreateIfNotExistsAsync());

    /// <summary>
    /// <c>GuoduTickets</c>, the service id's letters and digits, and a hash of the whole id. The grains' state is keyed
    /// by ServiceId, so the projection must be too: two services on one storage account (a staging cluster beside
    /// production, tests sharing an emulator) would otherwise list each other's tickets under the same stations and
    /// overwrite rows whose ids collide. The hash keeps ids that differ only in punctuation apart; Azure table names
    /// allow letters and digits only, at most 63.
    /// </summary>
    private const int MaxTableName = 63;
    private const int HashLength = 8;

    public static string TableNameFor(string serviceId, string prefix = TablePrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        var readable = new string(serviceId.Where(char.IsAsciiLetterOrDigit).Take(Math.Min(40, MaxTableName - HashLength - prefix.Length)).ToArray());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(serviceId)))[..HashLength];
        return prefix + readable + hash;
    }

    public async Task UpsertAsync(TicketRow row)
    {
        await _created.Value;
        try
        {
            await _table.UpsertEntityAsync(ToEntity(row), TableUpdateMode.Replace);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "TableNotFound")
        {
            // Storage lost the table (an emulator restarted without its data, an operator's clean-up): recreate it
            // rather than failing every write until the next restart.
            await _table.CreateIfNotExistsAsync();
            await _table.UpsertEntityAsync(ToEntity(row), TableUpdateMode.Replace);
        }
    }

    /// <summary>
    /// Entity-group transactions of at most <see cref="MaxBatch"/> rows of one partition (the Table service's limit),
    /// several in flight at once: a simulated history of 200 000 rows is a few thousand requests instead of 200 000.
    /// </summary>
    public async Task UpsertManyAsync(IReadOnlyList<TicketRow> rows)
    {
        await _created.Value;
        var batches = rows
            .GroupBy(r => r.OwnerId, StringComparer.Ordinal)
            // A batch may not touch one entity twice: the last row given for a ticket wins, as with single upserts.
            .SelectMany(partition => partition.GroupBy(r => r.TicketId, StringComparer.Ordinal).Select(g => g.Last()).Chunk(MaxBatch));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight }, async (batch, cancellationToken) =>
            await _table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r))), cancellationToken));
    }

    private const int MaxBatch = ITicketProjectionStore.MaxBatch;
    private const int BatchesInFlight = 8;
    /// <summary>Request keys sort after every ticket id in a station's partition, so that lists and queries never meet them.</summary>
    private const string KeyRowPrefix = "~key|";
    private const string KeyHourFormat = "yyyyMMddHH";

    /// <summary>
    /// A station's rows, request keys and daily counts in its partition: one entity-group transaction per hundred, all or
    /// nothing each (the station keeps a batch within one). Days are merged, so a day's other categories stay.
    /// </summary>
    public async Task StoreAsync(string ownerId, IReadOnlyList<TicketRow> rows, IReadOnlyList<RequestKeyRecord> keys, IReadOnlyList<DailyCount> days)
    {
        await _created.Value;
        var actions = rows.GroupBy(r => r.TicketId, StringComparer.Ordinal).Select(g => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(g.Last())))
            .Concat(KeyEntities(ownerId, keys).Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)))
            .Concat(DayEntities(ownerId, days).Select(e => new TableTransactionAction(TableTransactionActionType.UpsertMerge, e)));
        foreach (var batch in actions.Chunk(MaxBatch))
            await _table.SubmitTransactionAsync(batch);
    }

    public async Task<IReadOnlyList<DailyCount>> LoadDailyCountsAsync(string stationId, DateOnly from)
    {
        await _created.Value;
        var counts = new List<DailyCount>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {stationId} and RowKey ge {DayRowPrefix + from.ToString(DayFormat, System.Globalization.CultureInfo.InvariantCulture)} and RowKey lt {DayRowPrefix + "~"}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter))
        {
            var day = DateOnly.ParseExact(e.RowKey[DayRowPrefix.Length..], DayFormat, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (name, value) in e)
            {
                if (name.StartsWith(ReceivedColumn, StringComparison.Ordinal) && value is int received)
                {
                    var category = name[ReceivedColumn.Length..].Replace('_', '-');
                    counts.Add(new DailyCount(day, category, received, e.GetInt32(ResolvedColumn + name[ReceivedColumn.Length..]) ?? 0));
                }
            }
        }
        return counts;
    }

    /// <summary>
    /// One entity per station and day, row key <c>~day|yyyyMMdd</c>, a pair of columns per category (<c>R_</c>received,
    /// <c>S_</c>resolved; '-' in the code becomes '_', which codes never contain): at most 48 categories × 2 of the 252
    /// columns an entity may have. Counts in a query table rather than in the station's grain state, which they would
    /// outgrow within two busy years.
    /// </summary>
    private static IEnumerable<TableEntity> DayEntities(string stationId, IReadOnlyList<DailyCount> days) =>
        days.GroupBy(d => d.Day).Select(day =>
        {
            var entity = new TableEntity(stationId, DayRowPrefix + day.Key.ToString(DayFormat, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var count in day)
            {
                var column = count.CategoryCode.Replace('-', '_');
                entity[ReceivedColumn + column] = count.Received;
                entity[ResolvedColumn + column] = count.Resolved;
            }
            return entity;
        });

    private const string DayRowPrefix = "~day|";
    private const string DayFormat = "yyyyMMdd";
    private const string ReceivedColumn = "R_";
    private const string ResolvedColumn = "S_";

    public async Task DeleteRequestKeysBeforeAsync(string stationId, DateTimeOffset before)
    {
        await _created.Value;
        var until = KeyRowPrefix + before.UtcDateTime.ToString(KeyHourFormat, System.Globalization.CultureInfo.InvariantCulture);
        var expired = new List<string>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {stationId} and RowKey ge {KeyRowPrefix} and RowKey lt {until}"), select: ["RowKey"]))
            expired.Add(e.RowKey);
        foreach (var batch in expired.Chunk(MaxBatch))
            await _table.SubmitTransactionAsync(batch.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(stationId, rowKey), ETag.All)));
    }

    public async Task<IReadOnlyList<RequestKeyRecord>> LoadRequestKeysAsync(string stationId, DateTimeOffset since)
    {
        await _created.Value;
        var from = KeyRowPrefix + since.UtcDateTime.ToString(KeyHourFormat, System.Globalization.CultureInfo.InvariantCulture);
        var keys = new List<RequestKeyRecord>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {stationId} and RowKey ge {from} and RowKey lt {KeyRowPrefix + "~"}")))
        {
            keys.AddRange(e.GetString(KeysColumn) is { } batch
                ? System.Text.Json.JsonSerializer.Deserialize<StoredKey[]>(batch)!.Select(k => new RequestKeyRecord(k.Key, k.Ticket, k.Fingerprint, new DateTimeOffset(k.Ticks, TimeSpan.Zero)))
                // One key per row, as this release wrote them at first.
                : [new RequestKeyRecord(e.GetString("RequestKey"), e.GetString("TicketId"), e.GetString("Fingerprint"), e.GetDateTimeOffset("RegisteredAt") ?? default)]);
        }
        return keys;
    }

    /// <summary>
    /// A station's request keys of one hour, at most <see cref="KeysPerRow"/> to a row (a JSON array in one column), row key
    /// <c>~key|yyyyMMddHH|first key's ticks|first key</c>: a station loads the keys of the last day as one range of its
    /// partition, and a batch of registrations costs its keys one row, not one each.
    /// </summary>
    private static IEnumerable<TableEntity> KeyEntities(string stationId, IReadOnlyList<RequestKeyRecord> keys) =>
        keys.GroupBy(k => k.RegisteredAt.UtcDateTime.ToString(KeyHourFormat, System.Globalization.CultureInfo.InvariantCulture))
            .SelectMany(hour => hour.OrderBy(k => k.RegisteredAt).ThenBy(k => k.RequestKey, StringComparer.Ordinal).Chunk(KeysPerRow).Select(chunk =>
                new TableEntity(stationId, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{KeyRowPrefix}{hour.Key}|{chunk[0].RegisteredAt.UtcTicks:D19}|{chunk[0].RequestKey}"))
                {
                    [KeysColumn] = System.Text.Json.JsonSerializer.Serialize(chunk.Select(k => new StoredKey(k.RequestKey, k.TicketId, k.Fingerprint, k.RegisteredAt.UtcTicks))),
                }));

    /// <summary>Keys of up to 100 characters, ids, 64-character fingerprints: 100 of them stay well within a 64 KB column.</summary>
    private const int KeysPerRow = 100;
    private const string KeysColumn = "Keys";

    private sealed record StoredKey(string Key, string Ticket, string Fingerprint, long Ticks);

    public async Task DeleteAsync(string ownerId, string ticketId)
    {
        await _created.Value;
        await _table.DeleteEntityAsync(ownerId, ticketId, ETag.All);
    }

    public async Task<IReadOnlyList<TicketRow>> LoadOpenAsync(string ownerId)
    {
        await _created.Value;
        var rows = new List<TicketRow>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ownerId} and IsOpen eq true and RowKey lt {"~"}")))
            rows.Add(FromEntity(entity));
        return rows;
    }

    public async IAsyncEnumerable<TicketRow> QueryAsync(TicketFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _created.Value;
        await foreach (var entity in _table.QueryAsync<TableEntity>(ToOData(filter), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var row = FromEntity(entity);
            // The OData filter narrows what storage returns; the same predicate in memory is the definition.
            if (filter.Matches(row))
                yield return row;
        }
    }

    internal static string ToOData(TicketFilter f)
    {
        // Ticket rows only: a station's request keys share its partition (row keys from '~').
        var parts = new List<string> { "RowKey lt '~'" };
        if (f.OwnerId is { } owner) parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {owner}"));
        if (f.InvolvingStationId is { } station) parts.Add(TableClient.CreateQueryFilter($"(PartitionKey eq {station} or StationId eq {station})"));
        if (f.OwnerIds is { Count: > 0 } owners) parts.Add("(" + string.Join(" or ", owners.Select(o => TableClient.CreateQueryFilter($"PartitionKey eq {o}"))) + ")");
        if (f.Status is { } status) parts.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        if (f.OpenOnly is true) parts.Add("IsOpen eq true");
        if (f.CategoryCode is { } category) parts.Add(TableClient.CreateQueryFilter($"CategoryCode eq {category}"));
        if (f.PriorityClass is { } priority) parts.Add(TableClient.CreateQueryFilter($"PriorityClass eq {priority}"));
        if (f.RegisteredFrom is { } from) parts.Add(TableClient.CreateQueryFilter($"RegisteredAt ge {from.UtcDateTime}"));
        if (f.RegisteredTo is { } to) parts.Add(TableClient.CreateQueryFilter($"RegisteredAt lt {to.UtcDateTime}"));
        if (f.UpdatedSince is { } since) parts.Add(TableClient.CreateQueryFilter($"UpdatedAt ge {since.UtcDateTime}"));
        return string.Join(" and ", parts);
    }

    internal static TableEntity ToEntity(TicketRow r) => new(r.OwnerId, r.TicketId)
    {
        ["StationId"] = r.StationId,
        ["Status"] = r.Status.ToString(),
        ["IsOpen"] = r.IsOpen,
        ["CategoryCode"] = r.CategoryCode,
        ["PriorityClass"] = r.PriorityClass,
        ["RegisteredAt"] = r.RegisteredAt.UtcDateTime,
        ["FirstResponseDue"] = r.FirstResponseDue?.UtcDateTime,
        ["ResolutionDue"] = r.ResolutionDue?.UtcDateTime,
        ["DeadlineVersion"] = r.DeadlineVersion,
        ["TeamId"] = r.TeamId,
        ["Description"] = r.Description,
        ["EscalationCount"] = r.EscalationCount,
        ["UpdatedAt"] = r.UpdatedAt.UtcDateTime,
        ["ResolvedAt"] = r.ResolvedAt?.UtcDateTime,
        ["Rating"] = r.Rating,
        ["FirstRespondedAt"] = r.FirstRespondedAt?.UtcDateTime,
        ["ClosedAt"] = r.ClosedAt?.UtcDateTime,
        ["FirstResponseLate"] = r.FirstResponseLate,
        ["ResolutionLate"] = r.ResolutionLate,
        ["LastAction"] = r.LastAction,
    };

    internal static TicketRow FromEntity(TableEntity e) => new()
    {
        TicketId = e.RowKey,
        OwnerId = e.PartitionKey,
        StationId = e.GetString("StationId"),
        Status = Enum.Parse<TicketStatus>(e.GetString("Status")),
        CategoryCode = e.GetString("CategoryCode"),
        PriorityClass = e.GetString("PriorityClass") ?? "",
        RegisteredAt = e.GetDateTimeOffset("RegisteredAt") ?? default,
        FirstResponseDue = e.GetDateTimeOffset("FirstResponseDue"),
        ResolutionDue = e.GetDateTimeOffset("ResolutionDue"),
        DeadlineVersion = e.GetInt32("DeadlineVersion") ?? 0,
        TeamId = e.GetString("TeamId"),
        Description = e.GetString("Description") ?? "",
        EscalationCount = e.GetInt32("EscalationCount") ?? 0,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        ResolvedAt = e.GetDateTimeOffset("ResolvedAt"),
        Rating = e.GetInt32("Rating"),
        FirstRespondedAt = e.GetDateTimeOffset("FirstRespondedAt"),
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        FirstResponseLate = e.GetBoolean("FirstResponseLate") ?? false,
        ResolutionLate = e.GetBoolean("ResolutionLate") ?? false,
        LastAction = e.GetString("LastAction") ?? "",
    };
}
