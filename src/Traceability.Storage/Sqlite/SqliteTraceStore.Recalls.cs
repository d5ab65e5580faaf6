using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Traceability.Storage.Sqlite;

public sealed partial class SqliteTraceStore
{
    public async Task AddRecallAsync(Recall recall, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var tx = (SqliteTransaction)await Writer.BeginTransactionAsync(cancellationToken);
            try
            {
                await RunAsync(tx, "INSERT INTO recalls (id, created_at, json) VALUES ($a, $b, $c)",
                    recall.Id, recall.CreatedAt.ToUnixTimeMilliseconds(), JsonSerializer.Serialize(recall, Json));
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 1555)
            {
                throw new DuplicateException($"recall {recall.Id} already exists");
            }
            foreach (var lotKey in recall.LotKeys)
                await RunAsync(tx, "INSERT OR IGNORE INTO recall_lots (lot_key, recall_id) VALUES ($a, $b)", lotKey, recall.Id);
            foreach (var org in recall.PartyOrgIds.Distinct())
                await RunAsync(tx, "INSERT OR IGNORE INTO recall_parties (org_id, recall_id) VALUES ($a, $b)", org, recall.Id);
            await RecordChangeAsync(tx, "recall", recall.Id, null, null, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        async Task RunAsync(SqliteTransaction tx, string sql, params object[] values)
        {
            await using var cmd = Writer.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            for (var i = 0; i < values.Length; i++) cmd.Parameters.AddWithValue("$" + (char)('a' + i), values[i]);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<Recall?> GetRecallAsync(string recallId, CancellationToken cancellationToken) =>
        (await ReadJsonAsync<Recall>("SELECT json FROM recalls WHERE id = $p", recallId, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Recall>> ListRecallsAsync(string? partyOrgId, CancellationToken cancellationToken) =>
        partyOrgId is null
            ? ReadJsonAsync<Recall>("SELECT json FROM recalls ORDER BY created_at DESC, id", null, cancellationToken)
            : ReadJsonAsync<Recall>("""
                SELECT r.json FROM recalls r JOIN recall_parties p ON p.recall_id = r.id
                WHERE p.org_id = $p ORDER BY r.created_at DESC, r.id
                """, partyOrgId, cancellationToken);

    public Task<IReadOnlyList<Recall>> GetRecallsForLotAsync(string lotKey, CancellationToken cancellationToken) =>
        ReadJsonAsync<Recall>("""
            SELECT r.json FROM recalls r JOIN recall_lots l ON l.recall_id = r.id
            WHERE l.lot_key = $p ORDER BY r.created_at DESC, r.id
            """, lotKey, cancellationToken);

    public async Task<bool> LiftRecallAsync(string recallId, RecallLifting lifting, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Read and rewrite under the writer lock: only the first lifting of a recall is kept.
            var recall = await GetRecallAsync(recallId, cancellationToken);
            if (recall is not { IsActive: true }) return false;
            await using var tx = (SqliteTransaction)await Writer.BeginTransactionAsync(cancellationToken);
            await using var cmd = Writer.CreateCommand();
            cmd.Transaction = tx;
            // Conditional on the stored JSON still being active: another process may have lifted it meanwhile.
            cmd.CommandText = "UPDATE recalls SET json = $json WHERE id = $id AND json_extract(json, '$.lifted') IS NULL";
            cmd.Parameters.AddWithValue("$id", recallId);
            cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(recall with { Lifted = lifting }, Json));
            var lifted = await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
            if (lifted) await RecordChangeAsync(tx, "recall", recallId, null, null, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return lifted;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<bool> SaveAcknowledgementAsync(RecallAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // One per party and recall: a second replaces the first (the party corrected its count).
            await using var cmd = Writer.CreateCommand();
            cmd.CommandText = """
                SELECT EXISTS (SELECT 1 FROM recall_acks WHERE recall_id = $id AND org_id = $org);
                INSERT INTO recall_acks (recall_id, org_id, json) VALUES ($id, $org, $json)
                ON CONFLICT(recall_id, org_id) DO UPDATE SET json = excluded.json;
                INSERT INTO changes (instance, kind, subject) VALUES ($instance, 'recall', $id);
                """;
            cmd.Parameters.AddWithValue("$instance", InstanceId);
            cmd.Parameters.AddWithValue("$id", acknowledgement.RecallId);
            cmd.Parameters.AddWithValue("$org", acknowledgement.OrgId);
            cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(acknowledgement, Json));
            return (long)(await cmd.ExecuteScalarAsync(cancellationToken))! == 1;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IReadOnlyList<RecallAcknowledgement>> GetAcknowledgementsAsync(string recallId, CancellationToken cancellationToken) =>
        ReadJsonAsync<RecallAcknowledgement>("SELECT json FROM recall_acks WHERE recall_id = $p ORDER BY seq", recallId, cancellationToken);

    public async Task AddAlertAsync(Alert alert, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync("INSERT INTO alerts (id, lot_key, json) VALUES ($id, $lot, $json)",
                [("$id", alert.Id), ("$lot", alert.Lot.LotKey), ("$json", JsonSerializer.Serialize(alert, Json))], cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 2067)
        {
            throw new DuplicateException($"alert {alert.Id} already exists");
        }
    }

    public Task<IReadOnlyList<Alert>> ListAlertsAsync(string? lotKey, CancellationToken cancellationToken) =>
        lotKey is null
            ? ReadJsonAsync<Alert>("SELECT json FROM alerts ORDER BY seq DESC", null, cancellationToken)
            : ReadJsonAsync<Alert>("SELECT json FROM alerts WHERE lot_key = $p ORDER BY seq DESC", lotKey, cancellationToken);

    public async Task<Product> ClaimProductAsync(Product product, CancellationToken cancellationToken)
    {
        // One statement: inserted when new, updated only by its owner; two claimants racing cannot both win,
        // even from two processes on one file.
        await WriteChangeAsync("""
            INSERT INTO products (gtin, json) VALUES ($gtin, $json)
            ON CONFLICT(gtin) DO UPDATE SET json = excluded.json
            WHERE json_extract(products.json, '$.ownerOrgId') = json_extract(excluded.json, '$.ownerOrgId')
            """, [("$gtin", product.Gtin), ("$json", JsonSerializer.Serialize(product, Json))], "product", product.Gtin, cancellationToken);
        return (await GetProductAsync(product.Gtin, cancellationToken))!;
    }

    public async Task<IReadOnlyDictionary<string, Product>> GetProductsAsync(IReadOnlyCollection<string> gtins, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var gtin in gtins.Distinct())
            if (await GetProductAsync(gtin, cancellationToken) is { } p) result[gtin] = p;
        return result;
    }

    public Task SaveProductAsync(Product product, CancellationToken cancellationToken) =>
        WriteChangeAsync("INSERT INTO products (gtin, json) VALUES ($gtin, $json) ON CONFLICT(gtin) DO UPDATE SET json = excluded.json",
            [("$gtin", product.Gtin), ("$json", JsonSerializer.Serialize(product, Json))], "product", product.Gtin, cancellationToken);

    public async Task<Product?> GetProductAsync(string gtin, CancellationToken cancellationToken) =>
        (await ReadJsonAsync<Product>("SELECT json FROM products WHERE gtin = $p", gtin, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<T>> ReadJsonAsync<T>(string sql, string? parameter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (parameter is not null) cmd.Parameters.AddWithValue("$p", parameter);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) list.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), Json)!);
        return list;
    }
}
