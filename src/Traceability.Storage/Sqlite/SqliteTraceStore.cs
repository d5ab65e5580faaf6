using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Traceability.Domain.Organisations;

namespace Traceability.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one connection under a lock
/// (SQLite has one writer anyway); reads open pooled connections and run beside the writer.
/// </summary>
public sealed partial class SqliteTraceStore : ITraceStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, SQLitePCL.sqlite3> _configured = new();

    public SqliteTraceStore(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _writer = await OpenAsync(cancellationToken);
        // The writer's page cache (64 MiB, default 2 MiB) holds the indexes' hot pages (it halved a 100-event append, bench
        // capture in README); checkpoints run in the background, not in the commits (SqliteTraceStore.Checkpoints). A WAL
        // that grew past 128 MiB (a long reader held its restart back) is cut back when it restarts; a lower limit, cutting
        // the ~75 MiB a second of writes makes, cost 10 % of capture throughput in truncating and regrowing the file.
        await ExecuteAsync(_writer, "PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=134217728;", cancellationToken);
        await ExecuteAsync(_writer, SqliteSchema.Create, cancellationToken);
        await ExecuteAsync(_writer, SqliteSchema.CreateAnchoring, cancellationToken);
        await ExecuteAsync(_writer, SqliteSchema.CreateRecalls, cancellationToken);
        await ExecuteAsync(_writer, CreateSubscriptions, cancellationToken);
        await MigrateAsync(cancellationToken);
        await InitializeConsoleAsync(cancellationToken);
        StartCheckpoints();
    }

    public async Task AddOrganisationAsync(Organisation o, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = """
                INSERT INTO organisations (id, name, role, gln, api_key_hash, ledger_address, created_at, company_prefixes)
                VALUES ($id, $name, $role, $gln, $hash, $address, $created, $prefixes)
                """;
            cmd.Parameters.AddWithValue("$id", o.Id);
            cmd.Parameters.AddWithValue("$name", o.Name);
            cmd.Parameters.AddWithValue("$role", o.Role.Name());
            cmd.Parameters.AddWithValue("$gln", (object?)o.Gln ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$hash", o.ApiKeyHash);
            cmd.Parameters.AddWithValue("$address", o.LedgerAddress);
            cmd.Parameters.AddWithValue("$created", o.CreatedAt.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$prefixes", JsonSerializer.Serialize(o.CompanyPrefixes, Json));
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is 1555 or 2067) // primary key or unique
        {
            throw new DuplicateException($"an organisation with this id, name, API key or GLN already exists ({ex.Message})");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<Organisation?> GetOrganisationAsync(string orgId, CancellationToken cancellationToken) =>
        FindOrganisationAsync("id", orgId, cancellationToken);

    public Task<Organisation?> FindOrganisationByApiKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken) =>
        FindOrganisationAsync("api_key_hash", apiKeyHash, cancellationToken);

    public Task<Organisation?> FindOrganisationByGlnAsync(string gln, CancellationToken cancellationToken) =>
        FindOrganisationAsync("gln", gln, cancellationToken);

    public async Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {OrganisationColumns} FROM organisations ORDER BY created_at, id";
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<Organisation>();
        while (await reader.ReadAsync(cancellationToken)) list.Add(ReadOrganisation(reader));
        return list;
    }

    public async Task SaveCaptureJobAsync(CaptureJob job, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await SaveCaptureJobAsync(Writer, null, job, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<CaptureJob?> GetCaptureJobAsync(string captureId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json FROM capture_jobs WHERE capture_id = $id";
        cmd.Parameters.AddWithValue("$id", captureId);
        return await cmd.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<CaptureJob>(json, Json)
            : null;
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT COALESCE(MAX(seq), 0) FROM events), (SELECT COUNT(*) FROM organisations),
                   (SELECT COUNT(*) FROM pending_events)
                   + (SELECT COALESCE(SUM(CASE WHEN first_seq IS NULL THEN json_array_length(event_ids) ELSE
                         (SELECT COUNT(*) FROM batch_members m WHERE m.batch_no = anchor_batches.batch_no)
                      END), 0) FROM anchor_batches WHERE block_number IS NULL)
            """;
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoreStats("sqlite", reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async ValueTask DisposeAsync()
    {
        await StopCheckpointsAsync();
        if (_writer is not null)
        {
            SqliteConnection.ClearPool(_writer); // pooled readers would otherwise keep the file open
            await _writer.DisposeAsync();
        }
        _writeLock.Dispose();
    }

    private SqliteConnection Writer => _writer ?? throw new InvalidOperationException("call InitializeAsync first");

    private const string OrganisationColumns = "id, name, role, gln, api_key_hash, ledger_address, created_at, company_prefixes";

    private async Task<Organisation?> FindOrganisationAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {OrganisationColumns} FROM organisations WHERE {column} = $value";
        cmd.Parameters.AddWithValue("$value", value);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadOrganisation(reader) : null;
    }

    private static Organisation ReadOrganisation(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        Enum.Parse<OrgRole>(r.GetString(2), ignoreCase: true),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)))
    {
        CompanyPrefixes = JsonSerializer.Deserialize<string[]>(r.GetString(7), Json) ?? [],
    };

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Per-connection settings, once per physical connection (a pooled one keeps them; capture opens several per request):
        // NORMAL sync is durable in WAL mode except for the last commits on power loss.
        if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
        {
            await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;", cancellationToken);
            _configured.AddOrUpdate(handle, handle);
        }
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
