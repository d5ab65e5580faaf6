using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Traceability.Domain.Capture;
using Traceability.Domain.Trust;

namespace Traceability.Storage.Sqlite;

// Reading events and lots: by id, by query (indexed columns and side tables), and lot states.
public sealed partial class SqliteTraceStore
{
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
        // The ids as one JSON array: one statement text whatever the count, prepared once per connection.
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT event_id, org_id, declared FROM events WHERE event_id IN (SELECT value FROM json_each($ids))";
        cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(eventIds, Json));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            found[r.GetString(0)] = new StoredEventFacts(r.GetString(0), r.GetString(1), r.GetInt64(2) != 0);
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
        await using var cmd = connection.CreateCommand();
        cmd.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(lotKeys, Json));
        cmd.CommandText = """
            SELECT lot_key, gtin, lot, holder_org_id, pending_receiver_org_id, non_conformant, first_event_id, last_event_id,
                   custodians, non_conformant_by, pending_receivers, version
            FROM lots WHERE lot_key IN (SELECT value FROM json_each($keys))
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
}
