namespace Traceability.Storage;

/// <summary>
/// One thing a write changed, in commit order (<see cref="Seq"/>), by the API instance that wrote it. Kinds:
/// <c>events</c> (new events, sequences <see cref="FirstEvent"/>–<see cref="LastEvent"/>), <c>declared</c> (an
/// event declared in error: <see cref="Subject"/>), <c>lots</c>, <c>anchor</c>, <c>recall</c>, <c>product</c>.
/// </summary>
public sealed record StoreChange(long Seq, string Instance, string Kind, string? Subject, long? FirstEvent = null, long? LastEvent = null)
{
    /// <summary>When it was recorded; a follower waits this long at most for a gap in the sequence to fill.</summary>
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// What several API instances sharing one store follow to stay current: every write that changes what a lot
/// index or a consumer page shows records a change in the same transaction.
/// </summary>
public interface IChangeFeed
{
    /// <summary>The instance whose writes this adapter records (each API process has its own).</summary>
    string InstanceId { get; }

    /// <summary>Changes after <paramref name="after"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StoreChange>> ReadChangesAsync(long after, int max, CancellationToken cancellationToken);

    /// <summary>The sequence of the latest change (0 when none).</summary>
    Task<long> LatestChangeAsync(CancellationToken cancellationToken);
}
