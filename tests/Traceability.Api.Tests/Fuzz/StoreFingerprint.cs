using Microsoft.Data.Sqlite;

namespace Traceability.Api.Tests.Fuzz;

/// <summary>
/// A digest of everything the API stores (row counts and content lengths of every table), read straight from the
/// SQLite file: equal before and after a request means the request changed nothing. Anchoring state is left out:
/// the worker changes it in the background whatever the request.
/// </summary>
internal static class StoreFingerprint
{
    private static readonly string[] Tables =
    [
        "organisations", "events", "event_epcs", "event_classes", "event_lots", "lots", "containers", "capture_jobs",
        "recalls", "recall_lots", "recall_parties", "recall_acks", "alerts", "products",
    ];

    public static string Of(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var parts = new List<string>();
        foreach (var table in Tables)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*), TOTAL({Content(table)}) FROM {table}";
            using var r = cmd.ExecuteReader();
            r.Read();
            parts.Add($"{table}:{r.GetInt64(0)}:{r.GetDouble(1)}");
        }
        return string.Join(";", parts);
    }

    // For each table, the length of what a change would alter: a changed, added or removed row changes the total.
    private static string Content(string table) => table switch
    {
        "event_epcs" => "LENGTH(epc) + seq",
        "event_classes" => "LENGTH(epc_class) + seq",
        "event_lots" or "recall_lots" => "LENGTH(lot_key)",
        "recall_parties" => "LENGTH(org_id)",
        "events" => "LENGTH(json) + LENGTH(standing) + declared",
        "lots" => "LENGTH(COALESCE(holder_org_id,'')) + LENGTH(COALESCE(pending_receiver_org_id,'')) + non_conformant + LENGTH(last_event_id) + LENGTH(custodians) + LENGTH(non_conformant_by)",
        "containers" => "LENGTH(lot_keys)",
        "organisations" => "LENGTH(id)",
        "capture_jobs" => "LENGTH(json)",
        _ => "LENGTH(json)",
    };
}
