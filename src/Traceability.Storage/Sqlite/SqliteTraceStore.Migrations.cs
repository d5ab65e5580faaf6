using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Traceability.Domain.Consumer;

namespace Traceability.Storage.Sqlite;

/// <summary>
/// Brings a data file from an earlier release up to date, once per version (PRAGMA user_version): new columns get
/// their defaults, and what the trust model records at capture is derived once from what was stored.
/// </summary>
public sealed partial class SqliteTraceStore
{
    private const int CurrentVersion = 5;

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var version = Writer.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var at = (long)(await version.ExecuteScalarAsync(cancellationToken))!;
        if (at < 2)
        {
            // A data directory from before anchoring keeps its events: once, they are queued as pending.
            await ExecuteAsync(Writer, """
                INSERT OR IGNORE INTO pending_events (seq, org_id, record_time)
                SELECT seq, org_id, record_time FROM events WHERE seq NOT IN (SELECT seq FROM batch_members);
                """, cancellationToken);
        }
        if (at < 3) await MigrateToTrustModelAsync(cancellationToken);
        if (at < 4)
        {
            await AddColumnAsync("anchor_batches", "first_seq", "INTEGER", cancellationToken);
            await AddColumnAsync("anchor_batches", "last_seq", "INTEGER", cancellationToken);
        }
        if (at < 5) await NumberBatchesAsync(cancellationToken);
        await ExecuteAsync(Writer, $"PRAGMA user_version = {CurrentVersion};", cancellationToken);
    }

    /// <summary>
    /// Batches get numbers and members name their batch by number. One transaction, so a second instance starting on the
    /// same file waits and then finds the work done; the members table is rebuilt because SQLite cannot drop a column
    /// that an index uses.
    /// </summary>
    private async Task NumberBatchesAsync(CancellationToken cancellationToken)
    {
        await using var tx = (SqliteTransaction)await Writer.BeginTransactionAsync(cancellationToken); // BEGIN IMMEDIATE: one migrating instance at a time
        await AddColumnAsync("anchor_batches", "batch_no", "INTEGER", cancellationToken, tx);
        await using (var cmd = Writer.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE anchor_batches SET batch_no = rowid WHERE batch_no IS NULL;";
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            cmd.CommandText = "SELECT COUNT(*) FROM pragma_table_info('batch_members') WHERE name = 'batch_id'";
            if ((long)(await cmd.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                cmd.CommandText = """
                    CREATE TABLE batch_members_numbered (seq INTEGER PRIMARY KEY, batch_no INTEGER NOT NULL, leaf_index INTEGER NOT NULL);
                    INSERT INTO batch_members_numbered (seq, batch_no, leaf_index)
                        SELECT m.seq, b.batch_no, m.leaf_index FROM batch_members m JOIN anchor_batches b ON b.batch_id = m.batch_id;
                    DROP TABLE batch_members;
                    ALTER TABLE batch_members_numbered RENAME TO batch_members;
                    """;
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            cmd.CommandText = """
                CREATE UNIQUE INDEX IF NOT EXISTS batches_by_no ON anchor_batches(batch_no);
                CREATE INDEX IF NOT EXISTS batch_members_by_batch ON batch_members(batch_no, leaf_index);
                """;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    private async Task MigrateToTrustModelAsync(CancellationToken cancellationToken)
    {
        await AddColumnAsync("organisations", "company_prefixes", "TEXT NOT NULL DEFAULT '[]'", cancellationToken);
        await AddColumnAsync("events", "standing", "TEXT NOT NULL DEFAULT 'custodian'", cancellationToken);
        await AddColumnAsync("events", "party_glns", "TEXT NOT NULL DEFAULT '[]'", cancellationToken);
        await AddColumnAsync("events", "unconfirmed", "INTEGER NOT NULL DEFAULT 0", cancellationToken);
        await AddColumnAsync("events", "view_id", "TEXT", cancellationToken);
        await AddColumnAsync("events", "declared", "INTEGER NOT NULL DEFAULT 0", cancellationToken);
        await AddColumnAsync("lots", "custodians", "TEXT NOT NULL DEFAULT '[]'", cancellationToken);
        await AddColumnAsync("lots", "non_conformant_by", "TEXT NOT NULL DEFAULT '[]'", cancellationToken);
        await AddColumnAsync("lots", "pending_receivers", "TEXT NOT NULL DEFAULT '[]'", cancellationToken);
        await AddColumnAsync("lots", "version", "INTEGER NOT NULL DEFAULT 1", cancellationToken);
        await AddColumnAsync("recall_acks", "org_id", "TEXT", cancellationToken);
        await ExecuteAsync(Writer, """
            UPDATE events SET declared = 1 WHERE json_extract(json, '$.errorDeclaration') IS NOT NULL;
            UPDATE lots SET pending_receivers = json_array(pending_receiver_org_id) WHERE pending_receiver_org_id IS NOT NULL AND pending_receivers = '[]';
            -- The custody chain known so far: the creator, then the holder.
            UPDATE lots SET custodians = json_array((SELECT org_id FROM events WHERE event_id = lots.first_event_id))
                WHERE custodians = '[]' AND EXISTS (SELECT 1 FROM events WHERE event_id = lots.first_event_id);
            UPDATE lots SET custodians = json_insert(custodians, '$[#]', holder_org_id)
                WHERE holder_org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(lots.custodians) WHERE value = lots.holder_org_id);
            UPDATE lots SET non_conformant_by = COALESCE((
                SELECT json_group_array(e.event_id) FROM event_lots l JOIN events e ON e.seq = l.seq
                WHERE l.lot_key = lots.lot_key AND e.declared = 0 AND e.disposition = 'https://ref.gs1.org/cbv/Disp-non_conformant'), '[]')
                WHERE non_conformant = 1;
            -- One acknowledgement per party and recall: the latest stands.
            UPDATE recall_acks SET org_id = json_extract(json, '$.orgId') WHERE org_id IS NULL;
            DELETE FROM recall_acks WHERE seq NOT IN (SELECT MAX(seq) FROM recall_acks GROUP BY recall_id, org_id);
            CREATE UNIQUE INDEX IF NOT EXISTS recall_acks_by_party ON recall_acks(recall_id, org_id);
            """, cancellationToken);
        await FillContainersAsync(cancellationToken);
        await FillViewIdsAsync(cancellationToken);
    }

    // What pallets and cases hold, replayed from the aggregation events in the order they were captured.
    private async Task FillContainersAsync(CancellationToken cancellationToken)
    {
        var contents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using (var read = Writer.CreateCommand())
        {
            read.CommandText = """
                SELECT json_extract(json, '$.action'), lot_keys, json_extract(json, '$.childEPCs'), json_extract(json, '$.childQuantityList')
                FROM events WHERE event_type = 'AggregationEvent' AND declared = 0 ORDER BY seq
                """;
            await using var r = await read.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                var keys = JsonSerializer.Deserialize<string[]>(r.GetString(1), Json) ?? [];
                var container = keys.FirstOrDefault(k => k.StartsWith("/00/", StringComparison.Ordinal));
                if (container is null) continue;
                var lots = keys.Where(k => k.StartsWith("/01/", StringComparison.Ordinal)).ToList();
                var list = contents.TryGetValue(container, out var l) ? l : contents[container] = [];
                var action = r.IsDBNull(0) ? null : r.GetString(0);
                if (action == "ADD") list.AddRange(lots.Where(x => !list.Contains(x)));
                else if (action == "DELETE" && r.IsDBNull(2) && r.IsDBNull(3)) list.Clear();
                else if (action == "DELETE") list.RemoveAll(lots.Contains);
            }
        }
        foreach (var (container, lots) in contents.Where(c => c.Value.Count > 0))
        {
            await using var write = Writer.CreateCommand();
            write.CommandText = "INSERT OR REPLACE INTO containers (container_key, lot_keys) VALUES ($k, $v)";
            write.Parameters.AddWithValue("$k", container);
            write.Parameters.AddWithValue("$v", JsonSerializer.Serialize(lots, Json));
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Views are made at capture now; events stored before get theirs once, as the anchoring worker made them.
    private async Task FillViewIdsAsync(CancellationToken cancellationToken)
    {
        var views = new List<(long Seq, string ViewId)>();
        await using (var read = Writer.CreateCommand())
        {
            read.CommandText = "SELECT seq, event_id, json FROM events WHERE view_id IS NULL";
            await using var r = await read.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) views.Add((r.GetInt64(0), ViewIdOf(r.GetString(1), r.GetString(2))));
        }
        await using var tx = (SqliteTransaction)await Writer.BeginTransactionAsync(cancellationToken);
        await using var write = Writer.CreateCommand();
        write.Transaction = tx;
        write.CommandText = "UPDATE events SET view_id = $v WHERE seq = $s";
        var v = write.Parameters.Add("$v", SqliteType.Text);
        var s = write.Parameters.Add("$s", SqliteType.Integer);
        foreach (var (seq, viewId) in views)
        {
            (v.Value, s.Value) = (viewId, seq);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The consumer view id of a stored event, made as capture makes it (the stored JSON names its own id).</summary>
    internal static string ViewIdOf(string eventId, string json)
    {
        var stored = (JsonObject)JsonNode.Parse(json)!;
        stored["eventID"] ??= eventId;
        return ConsumerView.Of(stored)["eventID"]!.GetValue<string>();
    }

    private async Task AddColumnAsync(string table, string column, string definition, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var cmd = Writer.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if ((long)(await cmd.ExecuteScalarAsync(cancellationToken))! > 0) return;
        cmd.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition};";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
