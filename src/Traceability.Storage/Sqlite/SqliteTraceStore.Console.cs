using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Traceability.Storage.Sqlite;

/// <summary>The console's records: sessions, test-card photos and follow-ups of failed rapid tests.</summary>
public sealed partial class SqliteTraceStore
{
    private const string CreateConsole = """
        CREATE TABLE IF NOT EXISTS console_sessions (
            id_hash TEXT PRIMARY KEY,
            org_id TEXT,
            is_admin INTEGER NOT NULL,
            csrf_token TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS console_sessions_by_expiry ON console_sessions(expires_at);
        CREATE TABLE IF NOT EXISTS lab_photos (
            sha256 TEXT NOT NULL,
            org_id TEXT NOT NULL,
            content_type TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            bytes BLOB NOT NULL,
            uploaded_at INTEGER NOT NULL,
            PRIMARY KEY (sha256, org_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS follow_ups (result_event_id TEXT PRIMARY KEY, json TEXT NOT NULL);
        """;

    private Task InitializeConsoleAsync(CancellationToken cancellationToken) => ExecuteAsync(Writer, CreateConsole, cancellationToken);

    public async Task CreateSessionAsync(ConsoleSession s, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync("""
                INSERT INTO console_sessions (id_hash, org_id, is_admin, csrf_token, created_at, last_seen_at, expires_at)
                VALUES ($id, $org, $admin, $csrf, $created, $seen, $expires)
                """,
                [("$id", s.IdHash), ("$org", (object?)s.OrgId ?? DBNull.Value), ("$admin", s.IsAdmin ? 1 : 0), ("$csrf", s.CsrfToken),
                 ("$created", s.CreatedAt.ToUnixTimeMilliseconds()), ("$seen", s.LastSeenAt.ToUnixTimeMilliseconds()),
                 ("$expires", s.ExpiresAt.ToUnixTimeMilliseconds())], cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 1555)
        {
            throw new DuplicateException("a session with this id exists");
        }
    }

    public async Task<ConsoleSession?> GetSessionAsync(string idHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id_hash, org_id, is_admin, csrf_token, created_at, last_seen_at, expires_at FROM console_sessions WHERE id_hash = $id";
        cmd.Parameters.AddWithValue("$id", idHash);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new ConsoleSession(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2) == 1, r.GetString(3),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)));
    }

    public Task TouchSessionAsync(string idHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync("UPDATE console_sessions SET last_seen_at = MAX(last_seen_at, $at) WHERE id_hash = $id",
            [("$id", idHash), ("$at", at.ToUnixTimeMilliseconds())], cancellationToken);

    public async Task<bool> DeleteSessionAsync(string idHash, CancellationToken cancellationToken) =>
        await WriteAsync("DELETE FROM console_sessions WHERE id_hash = $id", [("$id", idHash)], cancellationToken) == 1;

    public Task<int> DeleteExpiredSessionsAsync(DateTimeOffset now, DateTimeOffset idleBefore, CancellationToken cancellationToken) =>
        WriteAsync("DELETE FROM console_sessions WHERE expires_at <= $now OR last_seen_at < $idle",
            [("$now", now.ToUnixTimeMilliseconds()), ("$idle", idleBefore.ToUnixTimeMilliseconds())], cancellationToken);

    public async Task<bool> AddLabPhotoAsync(LabPhoto p, CancellationToken cancellationToken) =>
        await WriteAsync("""
            INSERT OR IGNORE INTO lab_photos (sha256, org_id, content_type, width, height, bytes, uploaded_at)
            VALUES ($sha, $org, $type, $w, $h, $bytes, $at)
            """,
            [("$sha", p.Sha256), ("$org", p.OrgId), ("$type", p.ContentType), ("$w", p.Width), ("$h", p.Height), ("$bytes", p.Bytes),
             ("$at", p.UploadedAt.ToUnixTimeMilliseconds())], cancellationToken) == 1;

    public async Task<LabPhoto?> GetLabPhotoAsync(string sha256, string? orgId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT sha256, org_id, content_type, width, height, bytes, uploaded_at FROM lab_photos WHERE sha256 = $sha"
            + (orgId is null ? " ORDER BY uploaded_at LIMIT 1" : " AND org_id = $org");
        cmd.Parameters.AddWithValue("$sha", sha256);
        if (orgId is not null) cmd.Parameters.AddWithValue("$org", orgId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new LabPhoto(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), (byte[])r.GetValue(5),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)));
    }

    public async Task<bool> SaveFollowUpAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = """
                SELECT EXISTS (SELECT 1 FROM follow_ups WHERE result_event_id = $id);
                INSERT INTO follow_ups (result_event_id, json) VALUES ($id, $json)
                ON CONFLICT(result_event_id) DO UPDATE SET json = excluded.json;
                """;
            cmd.Parameters.AddWithValue("$id", followUp.ResultEventId);
            cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(followUp, Json));
            return (long)(await cmd.ExecuteScalarAsync(cancellationToken))! == 1;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyDictionary<string, FollowUp>> GetFollowUpsAsync(IReadOnlyCollection<string> resultEventIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, FollowUp>(StringComparer.Ordinal);
        if (resultEventIds.Count == 0) return result;
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in resultEventIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var cmd = connection.CreateCommand();
            var names = chunk.Select((id, i) => { cmd.Parameters.AddWithValue("$p" + i, id); return "$p" + i; });
            cmd.CommandText = $"SELECT json FROM follow_ups WHERE result_event_id IN ({string.Join(", ", names)})";
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                var f = JsonSerializer.Deserialize<FollowUp>(r.GetString(0), Json)!;
                result[f.ResultEventId] = f;
            }
        }
        return result;
    }
}
