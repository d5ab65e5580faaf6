using Microsoft.Data.Sqlite;
using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Sqlite;

/// <summary>What only the SQLite adapter promises: a WAL file and index-driven MATCH_anyEPC lookups.</summary>
public sealed class SqliteFileUsesWalAndIndexedLookups(SqliteStoreFixture fixture) : IClassFixture<SqliteStoreFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDatabaseFileIsInWalMode()
    {
        await using var connection = await OpenAsync();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task AnAnyEpcQueryReadsTheEpcSideTableByItsKeyInsteadOfScanningEvents()
    {
        var events = Enumerable.Range(0, 200).Select(i => Sample.Event($"plan-{i}") with { Epcs = [Sample.Sgtin($"{i}")] });
        await fixture.Store.AppendAsync(new CaptureWrite(events.ToArray(), [], null), Ct);
        await using var connection = await OpenAsync();

        // Mirrors the WHERE clause SqliteTraceStore.QueryEventsAsync builds for AnyEpcs = [a, b].
        var plan = await QueryPlanAsync(connection, """
            SELECT seq, event_id, json FROM events
            WHERE seq > $after AND seq IN (SELECT seq FROM event_epcs WHERE epc IN ($event_epcs_0, $event_epcs_1))
            ORDER BY seq LIMIT $limit
            """);

        // Expected: the epc list drives point lookups of events by rowid (seq), e.g.
        // "SEARCH events USING INTEGER PRIMARY KEY (rowid=?)" + "SEARCH event_epcs USING PRIMARY KEY (epc=?)".
        var details = string.Join(" | ", plan);
        Assert.True(plan.Any(d => d.Contains("event_epcs") && d.Contains("PRIMARY KEY (epc=?)")), details);
        Assert.True(plan.Any(d => d.StartsWith("SEARCH events USING INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal)), details);
        Assert.False(plan.Any(d => d.StartsWith("SCAN events", StringComparison.Ordinal)), details);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (string?)await cmd.ExecuteScalarAsync(Ct);
    }

    private static async Task<List<string>> QueryPlanAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$after", "$limit" }) cmd.Parameters.AddWithValue(name, 0);
        cmd.Parameters.AddWithValue("$event_epcs_0", Sample.Sgtin("1"));
        cmd.Parameters.AddWithValue("$event_epcs_1", Sample.Sgtin("2"));
        var details = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) details.Add(reader.GetString(3));
        return details;
    }
}
