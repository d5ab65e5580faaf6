using Microsoft.Data.Sqlite;

namespace Traceability.Storage.Sqlite;

public sealed partial class SqliteTraceStore
{
    public string InstanceId { get; init; } = "instance-" + Guid.NewGuid().ToString("N")[..12];

    public async Task<IReadOnlyList<StoreChange>> ReadChangesAsync(long after, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT seq, instance, kind, subject, first_event, last_event, at FROM changes WHERE seq > $after ORDER BY seq LIMIT $max";
        cmd.Parameters.AddWithValue("$after", after);
        cmd.Parameters.AddWithValue("$max", max);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<StoreChange>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new StoreChange(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetInt64(4), r.IsDBNull(5) ? null : r.GetInt64(5))
            {
                At = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
            });
        return list;
    }

    public async Task<long> LatestChangeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM changes";
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Records a change in the writer's current transaction.</summary>
    private async Task RecordChangeAsync(SqliteTransaction? tx, string kind, string? subject, long? firstEvent, long? lastEvent, CancellationToken cancellationToken)
    {
        await using var cmd = Writer.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO changes (instance, kind, subject, first_event, last_event) VALUES ($i, $k, $s, $f, $l)";
        cmd.Parameters.AddWithValue("$i", InstanceId);
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$s", (object?)subject ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$f", (object?)firstEvent ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$l", (object?)lastEvent ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One write statement and the change it makes, in one transaction.</summary>
    private async Task<int> WriteChangeAsync(string sql, (string Name, object Value)[] parameters, string kind, string? subject, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await Writer.BeginTransactionAsync(cancellationToken);
            await using var cmd = Writer.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
            var rows = await cmd.ExecuteNonQueryAsync(cancellationToken);
            if (rows > 0) await RecordChangeAsync(tx, kind, subject, null, null, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return rows;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // One statement: taken when free, expired or already ours; SQLite's write lock makes it atomic across processes.
        return await WriteAsync("""
            INSERT INTO leases (name, holder, expires_at) VALUES ($name, $holder, $expires)
            ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at < $now
            """, [("$name", name), ("$holder", holder), ("$expires", now + (long)ttl.TotalMilliseconds), ("$now", now)], cancellationToken) == 1;
    }

    public Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken) =>
        WriteAsync("DELETE FROM leases WHERE name = $name AND holder = $holder", [("$name", name), ("$holder", holder)], cancellationToken);
}
