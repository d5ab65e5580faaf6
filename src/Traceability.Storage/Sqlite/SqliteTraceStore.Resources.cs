using System.Text.Json;

namespace Traceability.Storage.Sqlite;

/// <summary>The binding's top-level resources (<see cref="IEventResourceStore"/>): distinct values, read from the indexes.</summary>
public sealed partial class SqliteTraceStore : IEventResourceStore
{
    public async Task<IReadOnlyList<string>> ListEventValuesAsync(
        EventValueKind kind, string? after, int max, string? writerOrgId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        var byWriter = writerOrgId is null ? "" : " AND e.org_id = $org";
        cmd.CommandText = kind switch
        {
            // Identifiers come from their side table (one row per identifier and event), joined to the event for its writer.
            EventValueKind.Epc when writerOrgId is null =>
                "SELECT DISTINCT epc FROM event_epcs WHERE epc > $after ORDER BY epc LIMIT $max",
            EventValueKind.Epc =>
                $"SELECT DISTINCT x.epc FROM event_epcs x JOIN events e ON e.seq = x.seq WHERE x.epc > $after{byWriter} ORDER BY x.epc LIMIT $max",
            _ => $"SELECT DISTINCT e.{Column(kind)} FROM events e WHERE e.{Column(kind)} > $after{byWriter} ORDER BY e.{Column(kind)} LIMIT $max",
        };
        cmd.Parameters.AddWithValue("$after", after ?? "");
        cmd.Parameters.AddWithValue("$max", max);
        if (writerOrgId is not null) cmd.Parameters.AddWithValue("$org", writerOrgId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await r.ReadAsync(cancellationToken)) values.Add(r.GetString(0));
        return values;
    }

    public async Task<IReadOnlyList<CaptureJob>> ListCaptureJobsAsync(string orgId, string? afterId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json FROM capture_jobs WHERE org_id = $org AND capture_id > $after ORDER BY capture_id LIMIT $max";
        cmd.Parameters.AddWithValue("$org", orgId);
        cmd.Parameters.AddWithValue("$after", afterId ?? "");
        cmd.Parameters.AddWithValue("$max", max);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<CaptureJob>();
        while (await r.ReadAsync(cancellationToken)) jobs.Add(JsonSerializer.Deserialize<CaptureJob>(r.GetString(0), Json)!);
        return jobs;
    }

    private static string Column(EventValueKind kind) => kind switch
    {
        EventValueKind.EventType => "event_type",
        EventValueKind.BizStep => "biz_step",
        EventValueKind.BizLocation => "biz_location",
        EventValueKind.ReadPoint => "read_point",
        EventValueKind.Disposition => "disposition",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
