using Microsoft.Data.Sqlite;

namespace Traceability.Storage.Sqlite;

/// <summary>
/// Named queries and subscriptions (<see cref="ISubscriptionStore"/>). A lease is a (lease_owner, lease_until) pair on
/// the subscription row, taken by one UPDATE … RETURNING statement, which SQLite runs atomically even when several
/// processes share the file.
/// </summary>
public sealed partial class SqliteTraceStore : ISubscriptionStore
{
    internal const string CreateSubscriptions = """
        CREATE TABLE IF NOT EXISTS named_queries (
            org_id TEXT NOT NULL,
            name TEXT NOT NULL,
            query_json TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (org_id, name)) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS subscriptions (
            id TEXT PRIMARY KEY,
            org_id TEXT NOT NULL,
            query_name TEXT NOT NULL,
            dest TEXT NOT NULL,
            signature_token TEXT,
            stream INTEGER NOT NULL,
            schedule_json TEXT,
            report_if_empty INTEGER NOT NULL,
            initial_record_time INTEGER,
            epc_format TEXT,
            created_at INTEGER NOT NULL,
            position INTEGER NOT NULL,
            last_notified_at INTEGER,
            next_attempt_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            lease_owner TEXT,
            lease_until INTEGER);
        CREATE INDEX IF NOT EXISTS subscriptions_by_query ON subscriptions(org_id, query_name, id);
        CREATE INDEX IF NOT EXISTS subscriptions_due ON subscriptions(next_attempt_at);

        CREATE INDEX IF NOT EXISTS events_by_read_point ON events(read_point, seq);
        CREATE INDEX IF NOT EXISTS capture_jobs_by_org ON capture_jobs(org_id, capture_id);
        """;

    private const string SubscriptionColumns =
        "id, org_id, query_name, dest, signature_token, stream, schedule_json, report_if_empty, initial_record_time, epc_format, created_at, " +
        "position, last_notified_at, next_attempt_at, attempts, last_error, lease_owner, lease_until";

    public async Task AddQueryAsync(NamedQuery query, CancellationToken cancellationToken)
    {
        await WriteAsync(async () =>
        {
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = "INSERT INTO named_queries (org_id, name, query_json, created_at) VALUES ($org, $name, $json, $created)";
            cmd.Parameters.AddWithValue("$org", query.OrgId);
            cmd.Parameters.AddWithValue("$name", query.Name);
            cmd.Parameters.AddWithValue("$json", query.QueryJson);
            cmd.Parameters.AddWithValue("$created", query.CreatedAt.ToUnixTimeMilliseconds());
            try
            {
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is 1555 or 2067)
            {
                throw new DuplicateException($"a query named {query.Name} exists");
            }
            return true;
        }, cancellationToken);
    }

    public async Task<NamedQuery?> GetQueryAsync(string orgId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT org_id, name, query_json, created_at FROM named_queries WHERE org_id = $org AND name = $name";
        cmd.Parameters.AddWithValue("$org", orgId);
        cmd.Parameters.AddWithValue("$name", name);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? ReadQuery(r) : null;
    }

    public async Task<IReadOnlyList<NamedQuery>> ListQueriesAsync(string orgId, string? afterName, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT org_id, name, query_json, created_at FROM named_queries WHERE org_id = $org AND name > $after ORDER BY name LIMIT $max";
        cmd.Parameters.AddWithValue("$org", orgId);
        cmd.Parameters.AddWithValue("$after", afterName ?? "");
        cmd.Parameters.AddWithValue("$max", max);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<NamedQuery>();
        while (await r.ReadAsync(cancellationToken)) list.Add(ReadQuery(r));
        return list;
    }

    public Task<bool> DeleteQueryAsync(string orgId, string name, CancellationToken cancellationToken) => WriteAsync(async () =>
    {
        await using var tx = (SqliteTransaction)await Writer.BeginTransactionAsync(cancellationToken);
        await using var subscriptions = Writer.CreateCommand();
        subscriptions.Transaction = tx;
        subscriptions.CommandText = "DELETE FROM subscriptions WHERE org_id = $org AND query_name = $name";
        subscriptions.Parameters.AddWithValue("$org", orgId);
        subscriptions.Parameters.AddWithValue("$name", name);
        await subscriptions.ExecuteNonQueryAsync(cancellationToken);
        await using var query = Writer.CreateCommand();
        query.Transaction = tx;
        query.CommandText = "DELETE FROM named_queries WHERE org_id = $org AND name = $name";
        query.Parameters.AddWithValue("$org", orgId);
        query.Parameters.AddWithValue("$name", name);
        var deleted = await query.ExecuteNonQueryAsync(cancellationToken) > 0;
        await tx.CommitAsync(cancellationToken);
        return deleted;
    }, cancellationToken);

    public async Task AddSubscriptionAsync(Subscription s, CancellationToken cancellationToken)
    {
        await WriteAsync(async () =>
        {
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = $"""
                INSERT INTO subscriptions ({SubscriptionColumns})
                VALUES ($id, $org, $query, $dest, $token, $stream, $schedule, $empty, $initial, $format, $created,
                        $position, $notified, $next, $attempts, $error, NULL, NULL)
                """;
            cmd.Parameters.AddWithValue("$id", s.Id);
            cmd.Parameters.AddWithValue("$org", s.OrgId);
            cmd.Parameters.AddWithValue("$query", s.QueryName);
            cmd.Parameters.AddWithValue("$dest", s.Dest);
            cmd.Parameters.AddWithValue("$token", (object?)s.SignatureToken ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$stream", s.Stream ? 1 : 0);
            cmd.Parameters.AddWithValue("$schedule", (object?)s.ScheduleJson ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$empty", s.ReportIfEmpty ? 1 : 0);
            cmd.Parameters.AddWithValue("$initial", Millis(s.InitialRecordTime));
            cmd.Parameters.AddWithValue("$format", (object?)s.EpcFormat ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$created", s.CreatedAt.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$position", s.Position);
            cmd.Parameters.AddWithValue("$notified", Millis(s.LastNotifiedAt));
            cmd.Parameters.AddWithValue("$next", s.NextAttemptAt.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$attempts", s.Attempts);
            cmd.Parameters.AddWithValue("$error", (object?)s.LastError ?? DBNull.Value);
            try
            {
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is 1555 or 2067)
            {
                throw new DuplicateException($"a subscription {s.Id} exists");
            }
            return true;
        }, cancellationToken);
    }

    public async Task<Subscription?> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {SubscriptionColumns} FROM subscriptions WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", subscriptionId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? ReadSubscription(r) : null;
    }

    public async Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(
        string orgId, string queryName, string? afterId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT {SubscriptionColumns} FROM subscriptions WHERE org_id = $org AND query_name = $query AND id > $after ORDER BY id LIMIT $max
            """;
        cmd.Parameters.AddWithValue("$org", orgId);
        cmd.Parameters.AddWithValue("$query", queryName);
        cmd.Parameters.AddWithValue("$after", afterId ?? "");
        cmd.Parameters.AddWithValue("$max", max);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<Subscription>();
        while (await r.ReadAsync(cancellationToken)) list.Add(ReadSubscription(r));
        return list;
    }

    public Task<bool> DeleteSubscriptionAsync(string orgId, string queryName, string subscriptionId, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = "DELETE FROM subscriptions WHERE id = $id AND org_id = $org AND query_name = $query";
            cmd.Parameters.AddWithValue("$id", subscriptionId);
            cmd.Parameters.AddWithValue("$org", orgId);
            cmd.Parameters.AddWithValue("$query", queryName);
            return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    public Task<IReadOnlyList<Subscription>> ClaimDueSubscriptionsAsync(
        string owner, DateTimeOffset now, DateTimeOffset leaseUntil, long latestSequence, int max, CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyList<Subscription>>(async () =>
        {
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = $"""
                UPDATE subscriptions SET lease_owner = $owner, lease_until = $until
                WHERE id IN (SELECT id FROM subscriptions
                             WHERE next_attempt_at <= $now AND (stream = 0 OR position < $latest)
                               AND (lease_until IS NULL OR lease_until < $now OR lease_owner = $owner)
                             ORDER BY next_attempt_at LIMIT $max)
                RETURNING {SubscriptionColumns}
                """;
            cmd.Parameters.AddWithValue("$owner", owner);
            cmd.Parameters.AddWithValue("$until", leaseUntil.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$max", max);
            cmd.Parameters.AddWithValue("$latest", latestSequence);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            var list = new List<Subscription>();
            while (await r.ReadAsync(cancellationToken)) list.Add(ReadSubscription(r));
            return list;
        }, cancellationToken);

    public Task<bool> RecordDeliveryAsync(string subscriptionId, string owner, DeliveryProgress p, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = """
                UPDATE subscriptions SET position = MAX(position, $position), last_notified_at = COALESCE($notified, last_notified_at),
                    next_attempt_at = $next, attempts = $attempts, last_error = $error,
                    lease_until = $until, lease_owner = CASE WHEN $until IS NULL THEN NULL ELSE lease_owner END
                WHERE id = $id AND lease_owner = $owner
                """;
            cmd.Parameters.AddWithValue("$position", p.Position);
            cmd.Parameters.AddWithValue("$notified", Millis(p.LastNotifiedAt));
            cmd.Parameters.AddWithValue("$next", p.NextAttemptAt.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$attempts", p.Attempts);
            cmd.Parameters.AddWithValue("$error", (object?)p.LastError ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$until", Millis(p.LeaseUntil));
            cmd.Parameters.AddWithValue("$id", subscriptionId);
            cmd.Parameters.AddWithValue("$owner", owner);
            return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    public Task<bool> ReleaseSubscriptionAsync(string subscriptionId, string owner, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = "UPDATE subscriptions SET lease_owner = NULL, lease_until = NULL WHERE id = $id AND lease_owner = $owner";
            cmd.Parameters.AddWithValue("$id", subscriptionId);
            cmd.Parameters.AddWithValue("$owner", owner);
            return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    private async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static object Millis(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : DBNull.Value;

    private static DateTimeOffset? Time(SqliteDataReader r, int column) =>
        r.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(column));

    private static NamedQuery ReadQuery(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)));

    private static Subscription ReadSubscription(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.GetInt64(5) != 0,
        r.IsDBNull(6) ? null : r.GetString(6),
        r.GetInt64(7) != 0,
        Time(r, 8),
        r.IsDBNull(9) ? null : r.GetString(9),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)))
    {
        Position = r.GetInt64(11),
        LastNotifiedAt = Time(r, 12),
        NextAttemptAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13)),
        Attempts = (int)r.GetInt64(14),
        LastError = r.IsDBNull(15) ? null : r.GetString(15),
        LeaseOwner = r.IsDBNull(16) ? null : r.GetString(16),
        LeaseUntil = Time(r, 17),
    };
}
