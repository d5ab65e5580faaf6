using Microsoft.Data.Sqlite;

namespace Traceability.Storage.Sqlite;

/// <summary>
/// WAL checkpoints run beside the writer, not inside a commit. SQLite's automatic checkpoint runs in the commit that
/// crosses its threshold, under the write lock every capture waits for, and its two fsyncs (~150 ms for 32 MiB here)
/// stalled every writer meanwhile. Here a background pass copies the WAL into the file outside the lock; a short
/// second pass under the lock copies what was committed during the first, so the WAL is complete and the next writer
/// starts it again from the beginning (a checkpoint racing continuous writes alone never completes, and the WAL would
/// grow without bound). The catch-up holds this instance's lock only: with several instances on one file, the WAL restarts
/// after a round in which the others did not commit, and a FULL checkpoint, which would hold every instance's writers,
/// also waits for readers of older snapshots, so one long read would stall all captures.
/// </summary>
public sealed partial class SqliteTraceStore
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stopCheckpoints = new();
    private Task _checkpoints = Task.CompletedTask;

    private void StartCheckpoints() => _checkpoints = Task.Run(() => CheckpointLoopAsync(_stopCheckpoints.Token));

    private async Task CheckpointLoopAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(CheckpointInterval, stop);
                try
                {
                    await using var connection = await OpenAsync(stop);
                    if (await CheckpointAsync(connection, stop) <= 0) continue; // an empty WAL: nothing was written
                    await _writeLock.WaitAsync(stop);
                    try { await CheckpointAsync(connection, stop); }
                    finally { _writeLock.Release(); }
                }
                catch (SqliteException)
                {
                    // Busy (another instance's checkpoint or a long reader): the next round tries again.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>A passive checkpoint; returns the frames the WAL held when it began (-1 outside WAL mode).</summary>
    private static async Task<long> CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetInt64(1) : -1;
    }

    private async Task StopCheckpointsAsync()
    {
        await _stopCheckpoints.CancelAsync();
        await _checkpoints;
    }
}
