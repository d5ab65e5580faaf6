using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Traceability.Storage.Sqlite;

public sealed partial class SqliteTraceStore
{
    private const string BatchColumns =
        "batch_id, org_id, event_ids, created_at, search_from_block, tx_hash, block_number, anchored_by, anchored_at, view_ids, first_seq, last_seq";

    public async Task<IReadOnlyList<PendingBacklog>> GetPendingBacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT org_id, COUNT(*), MIN(record_time) FROM pending_events GROUP BY org_id ORDER BY MIN(seq)
            """;
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<PendingBacklog>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new PendingBacklog(reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        return list;
    }

    public async Task<IReadOnlyList<PendingEvent>> GetPendingEventsAsync(string orgId, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT e.event_id, e.view_id, CASE WHEN e.view_id IS NULL THEN e.json END FROM pending_events p INDEXED BY pending_by_org JOIN events e ON e.seq = p.seq
            WHERE p.org_id = $org ORDER BY p.seq LIMIT $max
            """;
        cmd.Parameters.AddWithValue("$org", orgId);
        cmd.Parameters.AddWithValue("$max", max);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var events = new List<PendingEvent>();
        // Events stored without a view id (written by an older release after the migration ran) get theirs here.
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new PendingEvent(reader.GetString(0), reader.IsDBNull(1) ? ViewIdOf(reader.GetString(0), reader.GetString(2)) : reader.GetString(1)));
        return events;
    }

    public async Task CreateBatchAsync(AnchorBatch batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await Writer.BeginTransactionAsync(cancellationToken);
            // Leaving the queue and joining the batch happen together, so an event is in one batch or none. A few
            // statements for the whole batch (the ids travel as one JSON array): this runs under the lock every capture
            // waits for.
            var ids = JsonSerializer.Serialize(batch.EventIds, Json);
            var taken = new List<long>(batch.EventIds.Count);
            await using (var take = Writer.CreateCommand())
            {
                take.Transaction = tx;
                take.CommandText = """
                    DELETE FROM pending_events WHERE seq IN (SELECT e.seq FROM json_each($ids) j JOIN events e ON e.event_id = j.value)
                    RETURNING seq
                    """;
                take.Parameters.AddWithValue("$ids", ids);
                await using var reader = await take.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) taken.Add(reader.GetInt64(0));
            }
            if (taken.Count != batch.EventIds.Count)
                throw new DuplicateException($"{batch.EventIds.Count - taken.Count} of the {batch.EventIds.Count} events of batch {batch.BatchId} are unknown, repeated or already in an anchor batch");
            await KeepViewIdsAsync(tx, batch, cancellationToken);
            long number;
            await using (var insert = Writer.CreateCommand())
            {
                insert.Transaction = tx;
                insert.CommandText = $"""
                    INSERT INTO anchor_batches ({BatchColumns}, batch_no)
                    VALUES ($id, $org, '[]', $created, $from, NULL, NULL, NULL, NULL, '[]', $first, $last,
                            (SELECT COALESCE(MAX(batch_no), 0) + 1 FROM anchor_batches))
                    ON CONFLICT(batch_id) DO NOTHING
                    RETURNING batch_no
                    """;
                insert.Parameters.AddWithValue("$id", batch.BatchId);
                insert.Parameters.AddWithValue("$org", batch.OrgId);
                insert.Parameters.AddWithValue("$created", batch.CreatedAt.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$from", (long)batch.SearchFromBlock);
                insert.Parameters.AddWithValue("$first", taken.Min());
                insert.Parameters.AddWithValue("$last", taken.Max());
                number = await insert.ExecuteScalarAsync(cancellationToken) as long?
                    ?? throw new DuplicateException($"anchor batch {batch.BatchId} already exists");
            }
            await using (var join = Writer.CreateCommand())
            {
                join.Transaction = tx;
                join.CommandText = """
                    INSERT INTO batch_members (seq, batch_no, leaf_index)
                    SELECT e.seq, $batch, j.key FROM json_each($ids) j JOIN events e ON e.event_id = j.value
                    """;
                join.Parameters.AddWithValue("$ids", ids);
                join.Parameters.AddWithValue("$batch", number);
                await join.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// The leaves are read back from the events' view ids, so those must be the ones the root was built from: an event
    /// stored without one (by an older release) gets the batch's now, and a different one refuses the batch.
    /// </summary>
    private async Task KeepViewIdsAsync(SqliteTransaction tx, AnchorBatch batch, CancellationToken cancellationToken)
    {
        if (batch.ViewIds.Count != batch.EventIds.Count)
            throw new ArgumentException($"batch {batch.BatchId} has {batch.EventIds.Count} events but {batch.ViewIds.Count} view ids", nameof(batch));
        // (event id, view id) pairs in one array: joining two json_each tables on their keys made a quadratic scan.
        var pairs = JsonSerializer.Serialize(batch.EventIds.Zip(batch.ViewIds, (e, v) => new[] { e, v }), Json);
        await using var check = Writer.CreateCommand();
        check.Transaction = tx;
        check.CommandText = """
            SELECT COUNT(*) FROM json_each($pairs) p JOIN events e ON e.event_id = p.value->>0
            WHERE e.view_id IS NOT NULL AND e.view_id <> p.value->>1
            """;
        check.Parameters.AddWithValue("$pairs", pairs);
        if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
            throw new InvalidOperationException($"batch {batch.BatchId} names consumer views other than its events' own");
        await using var fill = Writer.CreateCommand();
        fill.Transaction = tx;
        fill.CommandText = """
            UPDATE events SET view_id = p.value->>1 FROM json_each($pairs) p
            WHERE events.event_id = p.value->>0 AND events.view_id IS NULL
            """;
        fill.Parameters.AddWithValue("$pairs", pairs);
        await fill.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task RecordBatchSentAsync(string batchId, string txHash, CancellationToken cancellationToken) =>
        WriteAsync("UPDATE anchor_batches SET tx_hash = $tx WHERE batch_id = $id AND block_number IS NULL",
            [("$id", batchId), ("$tx", txHash)], cancellationToken);

    // Both are one statement: an event's "anchored" is its batch's block number, so no member row changes.
    public async Task CompleteBatchAsync(string batchId, AnchorReceipt receipt, CancellationToken cancellationToken)
    {
        var updated = await WriteChangeAsync("""
            UPDATE anchor_batches SET tx_hash = $tx, block_number = $block, anchored_by = $by, anchored_at = $at
            WHERE batch_id = $id
            """,
            [("$id", batchId), ("$tx", receipt.TxHash), ("$block", (long)receipt.BlockNumber), ("$by", receipt.AnchoredBy),
             ("$at", receipt.AnchoredAt.ToUnixTimeMilliseconds())], "anchor", batchId, cancellationToken);
        if (updated == 0) throw new InvalidOperationException($"anchor batch {batchId} does not exist");
    }

    public Task ReopenBatchAsync(string batchId, CancellationToken cancellationToken) =>
        WriteChangeAsync("""
            UPDATE anchor_batches SET tx_hash = NULL, block_number = NULL, anchored_by = NULL, anchored_at = NULL
            WHERE batch_id = $id
            """, [("$id", batchId)], "anchor", batchId, cancellationToken);

    public async Task<AnchorBatch?> GetBatchAsync(string batchId, CancellationToken cancellationToken) =>
        (await ReadBatchesAsync($"SELECT {BatchColumns} FROM anchor_batches WHERE batch_id = $p", batchId, cancellationToken))
        .SingleOrDefault();

    public Task<IReadOnlyList<AnchorBatch>> GetUnanchoredBatchesAsync(CancellationToken cancellationToken) =>
        ReadBatchesAsync($"SELECT {BatchColumns} FROM anchor_batches WHERE block_number IS NULL ORDER BY created_at, batch_id", null, cancellationToken);

    public Task<IReadOnlyList<AnchorBatch>> GetBatchesAnchoredAboveAsync(ulong blockNumber, CancellationToken cancellationToken) =>
        ReadBatchesAsync($"SELECT {BatchColumns} FROM anchor_batches WHERE block_number > $p ORDER BY block_number", (long)blockNumber, cancellationToken);

    public async Task<EventAnchor?> GetEventAnchorAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT e.org_id, b.batch_id, m.leaf_index FROM events e LEFT JOIN batch_members m ON m.seq = e.seq
            LEFT JOIN anchor_batches b ON b.batch_no = m.batch_no
            WHERE e.event_id = $id
            """;
        cmd.Parameters.AddWithValue("$id", eventId);
        string orgId;
        string? batchId;
        int? leafIndex;
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return null;
            orgId = reader.GetString(0);
            batchId = reader.IsDBNull(1) ? null : reader.GetString(1);
            leafIndex = reader.IsDBNull(2) ? null : reader.GetInt32(2);
        }
        var batch = batchId is null ? null : await GetBatchAsync(batchId, cancellationToken);
        return new EventAnchor(eventId, orgId, batch, batch is null ? null : leafIndex);
    }

    public async Task<IReadOnlyDictionary<string, EventAnchor>> GetEventAnchorsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var rows = new List<(string EventId, string OrgId, string? BatchId, int? Leaf)>();
        await using (var connection = await OpenAsync(cancellationToken))
        {
            foreach (var chunk in eventIds.Distinct().Chunk(500))
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = $"""
                    SELECT e.event_id, e.org_id, b.batch_id, m.leaf_index FROM events e LEFT JOIN batch_members m ON m.seq = e.seq
                    LEFT JOIN anchor_batches b ON b.batch_no = m.batch_no
                    WHERE e.event_id IN ({string.Join(",", Params(cmd, "id", chunk))})
                    """;
                await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await r.ReadAsync(cancellationToken))
                    rows.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3)));
            }
        }
        var batches = new Dictionary<string, AnchorBatch>(StringComparer.Ordinal);
        foreach (var batchId in rows.Select(r => r.BatchId).OfType<string>().Distinct())
            if (await GetBatchAsync(batchId, cancellationToken) is { } b) batches[batchId] = b;
        return rows.ToDictionary(r => r.EventId, r =>
        {
            var batch = r.BatchId is null ? null : batches.GetValueOrDefault(r.BatchId);
            return new EventAnchor(r.EventId, r.OrgId, batch, batch is null ? null : r.Leaf);
        }, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<AnchorBatch>> ReadBatchesAsync(string sql, object? parameter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var list = new List<(AnchorBatch Batch, long? First)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = sql;
            if (parameter is not null) cmd.Parameters.AddWithValue("$p", parameter);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                var batch = new AnchorBatch(
                    r.GetString(0),
                    r.GetString(1),
                    JsonSerializer.Deserialize<string[]>(r.GetString(2), Json)!,
                    DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
                    (ulong)r.GetInt64(4))
                {
                    TxHash = r.IsDBNull(5) ? null : r.GetString(5),
                    BlockNumber = r.IsDBNull(6) ? null : (ulong)r.GetInt64(6),
                    AnchoredBy = r.IsDBNull(7) ? null : r.GetString(7),
                    AnchoredAt = r.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
                    ViewIds = JsonSerializer.Deserialize<string[]>(r.GetString(9), Json)!,
                };
                list.Add((batch, r.IsDBNull(10) ? null : r.GetInt64(10)));
            }
        }
        var batches = new List<AnchorBatch>(list.Count);
        foreach (var (batch, first) in list)
            batches.Add(first is null ? batch : await WithLeavesAsync(connection, batch, cancellationToken));
        return batches;
    }

    /// <summary>A batch's event and view ids, read from its members in leaf order.</summary>
    private static async Task<AnchorBatch> WithLeavesAsync(SqliteConnection connection, AnchorBatch batch, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT e.event_id, e.view_id FROM batch_members m INDEXED BY batch_members_by_batch JOIN events e ON e.seq = m.seq
            WHERE m.batch_no = (SELECT batch_no FROM anchor_batches WHERE batch_id = $batch) ORDER BY m.leaf_index
            """;
        cmd.Parameters.AddWithValue("$batch", batch.BatchId);
        var (events, views) = (new List<string>(), new List<string>());
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            events.Add(r.GetString(0));
            views.Add(r.GetString(1)); // set for every member when the batch was created
        }
        return batch with { EventIds = events, ViewIds = views };
    }

    /// <summary>One statement under the write lock; returns the rows it changed.</summary>
    private async Task<int> WriteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
            return await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
