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

    private async Task<(List<string> Added, List<string> Existing, long First, long Last)> InsertEventsAsync(
        SqliteTransaction tx, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var added = new List<string>(events.Count);
        var existing = new List<string>();
        long first = 0, last = 0;
        if (events.Count == 0) return (added, existing, first, last);

        await using var insert = Writer.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO events (event_id, org_id, event_type, event_time, record_time, biz_step, disposition,
                                biz_location, read_point, external, epcs, epc_classes, lot_keys, json,
                                standing, party_glns, unconfirmed, view_id, declared)
            VALUES ($id, $org, $type, $time, $record, $step, $disp, $loc, $rp, $ext, $epcs, $classes, $lots, $json,
                    $standing, $parties, $unconfirmed, $view, $declared)
            ON CONFLICT(event_id) DO NOTHING
            RETURNING seq
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$org", "$type", "$time", "$record", "$step", "$disp", "$loc", "$rp", "$ext", "$epcs", "$classes", "$lots", "$json", "$standing", "$parties", "$unconfirmed", "$view", "$declared" })
            p[name] = insert.Parameters.Add(name, SqliteType.Text);

        await using var side = new SideTableWriter(Writer, tx);
        await using var pending = Writer.CreateCommand();
        pending.Transaction = tx;
        pending.CommandText = "INSERT INTO pending_events (seq, org_id, record_time) VALUES ($seq, $org, $record)";
        var pendingSeq = pending.Parameters.Add("$seq", SqliteType.Integer);
        var pendingOrg = pending.Parameters.Add("$org", SqliteType.Text);
        var pendingRecord = pending.Parameters.Add("$record", SqliteType.Integer);
        foreach (var e in events)
        {
            p["$id"].Value = e.EventId;
            p["$org"].Value = e.OrgId;
            p["$type"].Value = e.EventType;
            p["$time"].Value = e.EventTime.ToUnixTimeMilliseconds();
            p["$record"].Value = e.RecordTime.ToUnixTimeMilliseconds();
            p["$step"].Value = (object?)e.BizStep ?? DBNull.Value;
            p["$disp"].Value = (object?)e.Disposition ?? DBNull.Value;
            p["$loc"].Value = (object?)e.BizLocation ?? DBNull.Value;
            p["$rp"].Value = (object?)e.ReadPoint ?? DBNull.Value;
            p["$ext"].Value = e.External ? 1 : 0;
            p["$epcs"].Value = JsonSerializer.Serialize(e.Epcs, Json);
            p["$classes"].Value = JsonSerializer.Serialize(e.EpcClasses, Json);
            p["$lots"].Value = JsonSerializer.Serialize(e.LotKeys, Json);
            p["$json"].Value = e.Json;
            p["$standing"].Value = e.Standing.Name();
            p["$parties"].Value = JsonSerializer.Serialize(e.PartyGlns, Json);
            p["$unconfirmed"].Value = e.Unconfirmed ? 1 : 0;
            p["$view"].Value = (object?)e.ViewId ?? DBNull.Value;
            p["$declared"].Value = e.Declared ? 1 : 0;
            if (await insert.ExecuteScalarAsync(cancellationToken) is long seq)
            {
                if (first == 0) first = seq;
                last = seq;
                added.Add(e.EventId);
                await side.AddAsync(seq, e, cancellationToken);
                (pendingSeq.Value, pendingOrg.Value, pendingRecord.Value) = (seq, e.OrgId, e.RecordTime.ToUnixTimeMilliseconds());
                await pending.ExecuteNonQueryAsync(cancellationToken); // every new event waits for an anchor batch
            }
            else
            {
                existing.Add(e.EventId);
            }
        }
        return (added, existing, first, last);
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
    /// </summary>
    private async Task UpsertLotsAsync(SqliteTransaction tx, IReadOnlyList<LotState> lots, CancellationToken cancellationToken)
    {
        if (lots.Count == 0) return;
        await using var insert = Writer.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO lots (lot_key, gtin, lot, holder_org_id, pending_receiver_org_id, non_conformant, first_event_id, last_event_id,
                              custodians, non_conformant_by, pending_receivers, version)
            VALUES ($key, $gtin, $lot, $holder, $pending, $nc, $first, $last, $custodians, $ncby, $receivers, 1)
            ON CONFLICT(lot_key) DO NOTHING
            """;
        await using var update = Writer.CreateCommand();
        update.Transaction = tx;
        update.CommandText = """
            UPDATE lots SET holder_org_id = $holder, pending_receiver_org_id = $pending, non_conformant = $nc, last_event_id = $last,
                custodians = $custodians, non_conformant_by = $ncby, pending_receivers = $receivers, version = version + 1
            WHERE lot_key = $key AND version = $version
            """;
        foreach (var l in lots)
        {
            var cmd = l.Version == 0 ? insert : update;
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$key", l.LotKey);
            cmd.Parameters.AddWithValue("$gtin", l.Gtin);
            cmd.Parameters.AddWithValue("$lot", l.Lot);
            cmd.Parameters.AddWithValue("$holder", (object?)l.HolderOrgId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$pending", (object?)l.PendingReceiverOrgId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$nc", l.NonConformant ? 1 : 0);
            cmd.Parameters.AddWithValue("$first", l.FirstEventId);
            cmd.Parameters.AddWithValue("$last", l.LastEventId);
            cmd.Parameters.AddWithValue("$custodians", JsonSerializer.Serialize(l.Custodians, Json));
            cmd.Parameters.AddWithValue("$ncby", JsonSerializer.Serialize(l.NonConformantBy, Json));
            cmd.Parameters.AddWithValue("$receivers", JsonSerializer.Serialize(l.PendingReceivers, Json));
            cmd.Parameters.AddWithValue("$version", l.Version);
            if (await cmd.ExecuteNonQueryAsync(cancellationToken) != 1)
                throw new StoreConflictException(l.Version == 0 ? $"lot {l.LotKey} was created meanwhile" : $"lot {l.LotKey} changed meanwhile");
        }
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

    /// <summary>Prepared inserts into the (value, seq) side tables for one transaction.</summary>
    private sealed class SideTableWriter(SqliteConnection connection, SqliteTransaction tx) : IAsyncDisposable
    {
        private readonly (SqliteCommand Cmd, SqliteParameter Value, SqliteParameter Seq) _epcs = Prepare(connection, tx, "event_epcs", "epc");
        private readonly (SqliteCommand Cmd, SqliteParameter Value, SqliteParameter Seq) _classes = Prepare(connection, tx, "event_classes", "epc_class");
        private readonly (SqliteCommand Cmd, SqliteParameter Value, SqliteParameter Seq) _lots = Prepare(connection, tx, "event_lots", "lot_key");

        public async Task AddAsync(long seq, StoredEvent e, CancellationToken cancellationToken)
        {
            await InsertAsync(_epcs, seq, e.Epcs, cancellationToken);
            await InsertAsync(_classes, seq, e.EpcClasses, cancellationToken);
            await InsertAsync(_lots, seq, e.LotKeys, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await _epcs.Cmd.DisposeAsync();
            await _classes.Cmd.DisposeAsync();
            await _lots.Cmd.DisposeAsync();
        }

        private static async Task InsertAsync((SqliteCommand Cmd, SqliteParameter Value, SqliteParameter Seq) target, long seq, IReadOnlyList<string> values, CancellationToken cancellationToken)
        {
            foreach (var value in values.Distinct(StringComparer.Ordinal))
            {
                target.Value.Value = value;
                target.Seq.Value = seq;
                await target.Cmd.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        private static (SqliteCommand, SqliteParameter, SqliteParameter) Prepare(SqliteConnection connection, SqliteTransaction tx, string table, string column)
        {
            var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"INSERT OR IGNORE INTO {table} ({column}, seq) VALUES ($value, $seq)";
            return (cmd, cmd.Parameters.Add("$value", SqliteType.Text), cmd.Parameters.Add("$seq", SqliteType.Integer));
        }
    }
}
