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

    public async Task<StoredEvent?> GetEventAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {EventColumns} FROM events WHERE event_id = $id";
        cmd.Parameters.AddWithValue("$id", eventId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadEvent(reader) : null;
    }

    public async Task<IReadOnlyDictionary<string, StoredEventFacts>> GetStoredFactsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredEventFacts>(StringComparer.Ordinal);
        if (eventIds.Count == 0) return found;
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in eventIds.Distinct().Chunk(500))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT event_id, org_id, declared FROM events WHERE event_id IN ({string.Join(",", Params(cmd, "id", chunk))})";
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
                found[r.GetString(0)] = new StoredEventFacts(r.GetString(0), r.GetString(1), r.GetInt64(2) != 0);
        }
        return found;
    }

    public async Task<EventPage> QueryEventsAsync(EventQuery q, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q.PerPage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q.PerPage, EventQuery.MaxPerPage);
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        var where = new StringBuilder(Position(q, cmd));
        AddIn(cmd, where, "event_type", q.EventTypes);
        AddIn(cmd, where, "event_id", q.EventIds);
        AddIn(cmd, where, "read_point", q.ReadPoints);
        AddIn(cmd, where, "biz_step", q.BizSteps);
        AddIn(cmd, where, "disposition", q.Dispositions);
        AddIn(cmd, where, "biz_location", q.BizLocations);
        AddSide(cmd, where, "event_epcs", "epc", q.AnyEpcs);
        AddSide(cmd, where, "event_classes", "epc_class", q.EpcClasses);
        AddSide(cmd, where, "event_lots", "lot_key", q.LotKeys);
        if (q.GeEventTime is { } ge) { where.Append(" AND event_time >= $ge"); cmd.Parameters.AddWithValue("$ge", ge.ToUnixTimeMilliseconds()); }
        if (q.LtEventTime is { } lt) { where.Append(" AND event_time < $lt"); cmd.Parameters.AddWithValue("$lt", lt.ToUnixTimeMilliseconds()); }
        if (q.GeRecordTime is { } gr) { where.Append(" AND record_time >= $gr"); cmd.Parameters.AddWithValue("$gr", gr.ToUnixTimeMilliseconds()); }
        if (q.LtRecordTime is { } lr) { where.Append(" AND record_time < $lr"); cmd.Parameters.AddWithValue("$lr", lr.ToUnixTimeMilliseconds()); }
        if (q.OrgId is { } org) { where.Append(" AND org_id = $org"); cmd.Parameters.AddWithValue("$org", org); }
        var direction = q.Descending ? "DESC" : "ASC";
        var order = q.OrderBy switch
        {
            EventOrder.EventTime => $"event_time {direction}, seq {direction}",
            EventOrder.RecordTime => $"record_time {direction}, seq {direction}",
            _ => $"seq {direction}",
        };
        cmd.CommandText = $"SELECT {EventColumns} FROM events WHERE {where} ORDER BY {order} LIMIT $limit";
        cmd.Parameters.AddWithValue("$limit", q.PerPage + 1);

        var events = new List<StoredEvent>(Math.Min(q.PerPage + 1, 1024));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) events.Add(ReadEvent(reader));
        if (events.Count <= q.PerPage) return new EventPage(events, null);
        events.RemoveAt(events.Count - 1);
        return new EventPage(events, events[^1].Sequence);
    }

    /// <summary>The keyset condition of a page: after the previous page's last event in the query's order.</summary>
    private static string Position(EventQuery q, SqliteCommand cmd)
    {
        cmd.Parameters.AddWithValue("$after", q.AfterSequence);
        var column = q.OrderBy switch { EventOrder.EventTime => "event_time", EventOrder.RecordTime => "record_time", _ => null };
        if (column is null) return !q.Descending ? "seq > $after" : q.AfterSequence > 0 ? "seq < $after" : "1 = 1";
        if (q.AfterTime is null) return "1 = 1";
        cmd.Parameters.AddWithValue("$afterTime", q.AfterTime.Value.ToUnixTimeMilliseconds());
        return q.Descending
            ? $"({column} < $afterTime OR ({column} = $afterTime AND seq < $after))"
            : $"({column} > $afterTime OR ({column} = $afterTime AND seq > $after))";
    }

    public async Task<IReadOnlyDictionary<string, LotState>> GetLotsAsync(IReadOnlyCollection<string> lotKeys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, LotState>(StringComparer.Ordinal);
        if (lotKeys.Count == 0) return result;
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in lotKeys.Chunk(500))
        {
            await using var cmd = connection.CreateCommand();
            var names = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++) { names.Add($"$k{i}"); cmd.Parameters.AddWithValue($"$k{i}", chunk[i]); }
            cmd.CommandText = $"""
                SELECT lot_key, gtin, lot, holder_org_id, pending_receiver_org_id, non_conformant, first_event_id, last_event_id,
                       custodians, non_conformant_by, pending_receivers, version
                FROM lots WHERE lot_key IN ({string.Join(",", names)})
                """;
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                var state = new LotState(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5) != 0, r.GetString(6), r.GetString(7))
                {
                    Custodians = JsonSerializer.Deserialize<string[]>(r.GetString(8), Json) ?? [],
                    NonConformantBy = JsonSerializer.Deserialize<string[]>(r.GetString(9), Json) ?? [],
                    PendingReceivers = JsonSerializer.Deserialize<string[]>(r.GetString(10), Json) ?? [],
                    Version = r.GetInt64(11),
                };
                result[state.LotKey] = state;
            }
        }
        return result;
    }

    private const string EventColumns =
        "seq, event_id, org_id, event_type, event_time, record_time, biz_step, disposition, biz_location, read_point, external, epcs, epc_classes, lot_keys, json, " +
        "standing, party_glns, unconfirmed, view_id, declared";

    private static StoredEvent ReadEvent(SqliteDataReader r) => new(
        r.GetString(1), r.GetString(2), r.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        JsonSerializer.Deserialize<string[]>(r.GetString(11), Json) ?? [],
        JsonSerializer.Deserialize<string[]>(r.GetString(12), Json) ?? [],
        JsonSerializer.Deserialize<string[]>(r.GetString(13), Json) ?? [],
        r.GetInt64(10) != 0,
        r.GetString(14))
    {
        Sequence = r.GetInt64(0),
        Standing = EventStandings.Parse(r.GetString(15)),
        PartyGlns = JsonSerializer.Deserialize<string[]>(r.GetString(16), Json) ?? [],
        Unconfirmed = r.GetInt64(17) != 0,
        ViewId = r.IsDBNull(18) ? null : r.GetString(18),
        Declared = r.GetInt64(19) != 0,
    };

    private static void AddIn(SqliteCommand cmd, StringBuilder where, string column, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        where.Append($" AND {column} IN (").Append(string.Join(",", Params(cmd, column, values))).Append(')');
    }

    private static void AddSide(SqliteCommand cmd, StringBuilder where, string table, string column, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        where.Append($" AND seq IN (SELECT seq FROM {table} WHERE {column} IN (")
            .Append(string.Join(",", Params(cmd, table, values))).Append("))");
    }

    private static IEnumerable<string> Params(SqliteCommand cmd, string prefix, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var name = $"${prefix}_{i}";
            cmd.Parameters.AddWithValue(name, values[i]);
            yield return name;
        }
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
