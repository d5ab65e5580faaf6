using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Traceability.Domain.Capture;
using Traceability.Domain.Trust;

namespace Traceability.Storage.Sqlite;

public sealed partial class SqliteTraceStore
{
    public async Task<AppendResult> AppendAsync(CaptureWrite write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await Writer.BeginTransactionAsync(cancellationToken);
            var (added, existing, first, last) = await InsertEventsAsync(tx, write.Events, cancellationToken);
            await UpsertLotsAsync(tx, write.Lots, cancellationToken);
            await RemoveLotsAsync(tx, write.RemovedLots, cancellationToken);
            await SaveContainersAsync(tx, write.Containers, cancellationToken);
            await DeclareErrorsAsync(tx, write.Declarations ?? [], cancellationToken);
            if (write.Job is not null) await SaveCaptureJobAsync(Writer, tx, write.Job, cancellationToken);
            // Within one write transaction the new events' sequences are contiguous: one change names the range.
            if (added.Count > 0) await RecordChangeAsync(tx, "events", null, first, last, cancellationToken);
            foreach (var declared in write.Declarations ?? []) await RecordChangeAsync(tx, "declared", declared.EventId, null, null, cancellationToken);
            if (added.Count == 0 && (write.Lots.Count > 0 || write.RemovedLots.Count > 0 || write.Containers.Count > 0))
                await RecordChangeAsync(tx, "lots", null, null, null, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new AppendResult(added, existing);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Appends the events with one statement per table whatever the document's size: the rows go to SQLite as one JSON
    /// array that <c>json_each</c> reads in C, and the side tables and the anchoring queue are filled from the rows
    /// just written. Executing six commands per event through ADO.NET (binding 19 named parameters each time) was
    /// most of a capture's time under the write lock.
    /// </summary>
    private async Task<(List<string> Added, List<string> Existing, long First, long Last)> InsertEventsAsync(
        SqliteTransaction tx, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var added = new List<(long Seq, string EventId)>(events.Count);
        if (events.Count == 0) return ([], [], 0, 0);

        await using (var insert = Writer.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO events (event_id, org_id, event_type, event_time, record_time, biz_step, disposition,
                                    biz_location, read_point, external, epcs, epc_classes, lot_keys, json,
                                    standing, party_glns, unconfirmed, view_id, declared)
                SELECT r->>0, r->>1, r->>2, r->>3, r->>4, r->>5, r->>6, r->>7, r->>8, r->>9, r->>10, r->>11, r->>12, r->>13,
                       r->>14, r->>15, r->>16, r->>17, r->>18
                FROM (SELECT value AS r FROM json_each($rows) ORDER BY key) WHERE true
                ON CONFLICT(event_id) DO NOTHING
                RETURNING seq, event_id
                """;
            insert.Parameters.Add("$rows", SqliteType.Text).Value = EventRows(events);
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) added.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        if (added.Count == 0) return ([], events.Select(e => e.EventId).ToList(), 0, 0);

        added.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        var (first, last) = (added[0].Seq, added[^1].Seq);
        // Within the write transaction nobody else appends, so the range holds exactly the rows written above.
        await ExecuteRangeAsync(tx, "INSERT OR IGNORE INTO event_epcs (epc, seq) SELECT j.value, e.seq FROM events e, json_each(e.epcs) j WHERE e.seq BETWEEN $first AND $last", first, last, cancellationToken);
        await ExecuteRangeAsync(tx, "INSERT OR IGNORE INTO event_classes (epc_class, seq) SELECT j.value, e.seq FROM events e, json_each(e.epc_classes) j WHERE e.seq BETWEEN $first AND $last", first, last, cancellationToken);
        await ExecuteRangeAsync(tx, "INSERT OR IGNORE INTO event_lots (lot_key, seq) SELECT j.value, e.seq FROM events e, json_each(e.lot_keys) j WHERE e.seq BETWEEN $first AND $last", first, last, cancellationToken);
        // Every new event waits for an anchor batch.
        await ExecuteRangeAsync(tx, "INSERT INTO pending_events (seq, org_id, record_time) SELECT seq, org_id, record_time FROM events WHERE seq BETWEEN $first AND $last", first, last, cancellationToken);

        // In the order given: the first of an id repeated within the batch was written, the later ones already exist.
        var written = added.Select(a => a.EventId).ToHashSet(StringComparer.Ordinal);
        var (newIds, existing) = (new List<string>(added.Count), new List<string>());
        foreach (var e in events) (written.Remove(e.EventId) ? newIds : existing).Add(e.EventId);
        return (newIds, existing, first, last);
    }

    private async Task ExecuteRangeAsync(SqliteTransaction tx, string sql, long first, long last, CancellationToken cancellationToken)
    {
        await using var cmd = Writer.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$first", first);
        cmd.Parameters.AddWithValue("$last", last);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The rows as one JSON array of arrays, in the column order of the insert above.</summary>
    private static string EventRows(IReadOnlyList<StoredEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 2048);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var e in events)
            {
                w.WriteStartArray();
                w.WriteStringValue(e.EventId);
                w.WriteStringValue(e.OrgId);
                w.WriteStringValue(e.EventType);
                w.WriteNumberValue(e.EventTime.ToUnixTimeMilliseconds());
                w.WriteNumberValue(e.RecordTime.ToUnixTimeMilliseconds());
                WriteNullable(w, e.BizStep);
                WriteNullable(w, e.Disposition);
                WriteNullable(w, e.BizLocation);
                WriteNullable(w, e.ReadPoint);
                w.WriteNumberValue(e.External ? 1 : 0);
                WriteList(w, e.Epcs);
                WriteList(w, e.EpcClasses);
                WriteList(w, e.LotKeys);
                w.WriteStringValue(e.Json);
                w.WriteStringValue(e.Standing.Name());
                WriteList(w, e.PartyGlns);
                w.WriteNumberValue(e.Unconfirmed ? 1 : 0);
                WriteNullable(w, e.ViewId);
                w.WriteNumberValue(e.Declared ? 1 : 0);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNullable(Utf8JsonWriter w, string? value)
    {
        if (value is null) w.WriteNullValue();
        else w.WriteStringValue(value);
    }

    // Written as nested arrays: ->> gives their JSON text, the form the columns have always held.
    private static void WriteList(Utf8JsonWriter w, IReadOnlyList<string> values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private async Task DeclareErrorsAsync(SqliteTransaction tx, IReadOnlyList<DeclaredError> declarations, CancellationToken cancellationToken)
    {
        foreach (var declared in declarations)
        {
            await using var cmd = Writer.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE events SET json = $json, declared = 1 WHERE event_id = $id";
            cmd.Parameters.AddWithValue("$id", declared.EventId);
            cmd.Parameters.AddWithValue("$json", declared.Json);
            if (await cmd.ExecuteNonQueryAsync(cancellationToken) != 1)
                throw new InvalidOperationException($"event {declared.EventId} declared in error is not stored");
        }
    }

    /// <summary>
    /// Inserts new lots and updates stored ones only at the version they were read at; anything else means another
    /// writer decided on the same lot meanwhile (<see cref="StoreConflictException"/>, and the transaction rolls back).
    /// One statement for each kind, the rows as one JSON array (a command per lot was a tenth of an append).
    /// </summary>
    private async Task UpsertLotsAsync(SqliteTransaction tx, IReadOnlyList<LotState> lots, CancellationToken cancellationToken)
    {
        var (created, changed) = (lots.Where(l => l.Version == 0).ToList(), lots.Where(l => l.Version != 0).ToList());
        await ExpectEveryLotAsync(tx, created, "was created meanwhile", """
            INSERT INTO lots (lot_key, gtin, lot, holder_org_id, pending_receiver_org_id, non_conformant, first_event_id, last_event_id,
                              custodians, non_conformant_by, pending_receivers, version)
            SELECT r->>0, r->>1, r->>2, r->>3, r->>4, r->>5, r->>6, r->>7, r->>8, r->>9, r->>10, 1
            FROM (SELECT value AS r FROM json_each($rows) ORDER BY key) WHERE true
            ON CONFLICT(lot_key) DO NOTHING
            RETURNING lot_key
            """, cancellationToken);
        await ExpectEveryLotAsync(tx, changed, "changed meanwhile", """
            UPDATE lots SET holder_org_id = u.r->>3, pending_receiver_org_id = u.r->>4, non_conformant = u.r->>5, last_event_id = u.r->>7,
                custodians = u.r->>8, non_conformant_by = u.r->>9, pending_receivers = u.r->>10, version = version + 1
            FROM (SELECT value AS r FROM json_each($rows)) AS u
            WHERE lots.lot_key = u.r->>0 AND lots.version = u.r->>11
            RETURNING lots.lot_key
            """, cancellationToken);
    }

    private async Task ExpectEveryLotAsync(SqliteTransaction tx, List<LotState> lots, string otherwise, string sql, CancellationToken cancellationToken)
    {
        if (lots.Count == 0) return;
        await using var cmd = Writer.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.Add("$rows", SqliteType.Text).Value = LotRows(lots);
        var missing = lots.Select(l => l.LotKey).ToHashSet(StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) missing.Remove(reader.GetString(0));
        if (missing.Count > 0) throw new StoreConflictException($"lot {missing.Order(StringComparer.Ordinal).First()} {otherwise}");
    }

    /// <summary>The lots as one JSON array of arrays, in the column order of the statements above.</summary>
    private static string LotRows(IReadOnlyList<LotState> lots)
    {
        var buffer = new ArrayBufferWriter<byte>(lots.Count * 256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var l in lots)
            {
                w.WriteStartArray();
                w.WriteStringValue(l.LotKey);
                w.WriteStringValue(l.Gtin);
                w.WriteStringValue(l.Lot);
                WriteNullable(w, l.HolderOrgId);
                WriteNullable(w, l.PendingReceiverOrgId);
                w.WriteNumberValue(l.NonConformant ? 1 : 0);
                w.WriteStringValue(l.FirstEventId);
                w.WriteStringValue(l.LastEventId);
                WriteList(w, l.Custodians);
                WriteList(w, l.NonConformantBy);
                WriteList(w, l.PendingReceivers);
                w.WriteNumberValue(l.Version);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private async Task RemoveLotsAsync(SqliteTransaction tx, IReadOnlyList<string> lotKeys, CancellationToken cancellationToken)
    {
        foreach (var key in lotKeys)
        {
            await using var cmd = Writer.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM lots WHERE lot_key = $key";
            cmd.Parameters.AddWithValue("$key", key);
            await cmd.ExecuteNonQueryAsync(cancellationToken); // voided by a declaration: whatever version, it goes
        }
    }

    private async Task SaveContainersAsync(SqliteTransaction tx, IReadOnlyDictionary<string, IReadOnlyList<string>> containers, CancellationToken cancellationToken)
    {
        foreach (var (container, lots) in containers)
        {
            await using var cmd = Writer.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = lots.Count == 0
                ? "DELETE FROM containers WHERE container_key = $key"
                : "INSERT INTO containers (container_key, lot_keys) VALUES ($key, $lots) ON CONFLICT(container_key) DO UPDATE SET lot_keys = excluded.lot_keys";
            cmd.Parameters.AddWithValue("$key", container);
            cmd.Parameters.AddWithValue("$lots", JsonSerializer.Serialize(lots, Json));
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetContainerContentsAsync(
        IReadOnlyCollection<string> containers, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (containers.Count == 0) return result;
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in containers.Chunk(500))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT container_key, lot_keys FROM containers WHERE container_key IN ({string.Join(",", Params(cmd, "c", chunk))})";
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
                result[r.GetString(0)] = JsonSerializer.Deserialize<string[]>(r.GetString(1), Json) ?? [];
        }
        return result;
    }

    private static async Task SaveCaptureJobAsync(SqliteConnection connection, SqliteTransaction? tx, CaptureJob job, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO capture_jobs (capture_id, org_id, json) VALUES ($id, $org, $json)
            ON CONFLICT(capture_id) DO UPDATE SET json = excluded.json
            """;
        cmd.Parameters.AddWithValue("$id", job.CaptureId);
        cmd.Parameters.AddWithValue("$org", job.OrgId);
        cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(job, Json));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
