namespace Traceability.Storage;

/// <summary>
/// A console sign-in: the browser holds only a random session id in a cookie; the store keeps its SHA-256
/// (<see cref="IdHash"/>), whom it signed in (an organisation, or the consortium admin), the synchronizer token its
/// state-changing requests must carry, when it was last used (idle expiry) and when it ends whatever happens.
/// </summary>
public sealed record ConsoleSession(
    string IdHash, string? OrgId, bool IsAdmin, string CsrfToken, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt);

/// <summary>Console sessions, shared by every API instance on the store (never held in one process's memory).</summary>
public interface ISessionStore
{
    /// <summary>Stores a new session; throws <see cref="DuplicateException"/> when its id hash exists.</summary>
    Task CreateSessionAsync(ConsoleSession session, CancellationToken cancellationToken);

    Task<ConsoleSession?> GetSessionAsync(string idHash, CancellationToken cancellationToken);

    /// <summary>Records that the session was used at <paramref name="at"/> (never moves it back).</summary>
    Task TouchSessionAsync(string idHash, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Ends a session; false when there was none.</summary>
    Task<bool> DeleteSessionAsync(string idHash, CancellationToken cancellationToken);

    /// <summary>Deletes sessions past their absolute end or unused since <paramref name="idleBefore"/>; returns how many.</summary>
    Task<int> DeleteExpiredSessionsAsync(DateTimeOffset now, DateTimeOffset idleBefore, CancellationToken cancellationToken);
}

/// <summary>A photo of a rapid-test card, as the lab uploaded it; its SHA-256 goes into the anchored result.</summary>
public sealed record LabPhoto(string Sha256, string OrgId, string ContentType, int Width, int Height, byte[] Bytes, DateTimeOffset UploadedAt);

/// <summary>Test-card photos, kept per uploading lab (the same picture sent by two labs is two records).</summary>
public interface ILabPhotoStore
{
    /// <summary>Stores the photo; false (and nothing changes) when this lab already stored these bytes.</summary>
    Task<bool> AddLabPhotoAsync(LabPhoto photo, CancellationToken cancellationToken);

    /// <summary>The photo with this SHA-256 uploaded by <paramref name="orgId"/>, or by anyone when it is null.</summary>
    Task<LabPhoto?> GetLabPhotoAsync(string sha256, string? orgId, CancellationToken cancellationToken);
}

/// <summary>
/// What a regulator did about a failed rapid test (快检不合格的后续处置): the retest, the action taken, the sampling order.
/// </summary>
public sealed record FollowUp(
    string ResultEventId, string RegulatorOrgId, string Action, string? RetestEventId, string? RetestVerdict,
    string? SamplingOrderNo, string? Note, DateTimeOffset HandledAt, DateTimeOffset RecordedAt);

/// <summary>Follow-ups of failed results, one per result (a later record replaces the earlier).</summary>
public interface IFollowUpStore
{
    /// <summary>Records the follow-up of a result; true when it replaced an earlier one.</summary>
    Task<bool> SaveFollowUpAsync(FollowUp followUp, CancellationToken cancellationToken);

    /// <summary>The follow-ups of these results (one round trip); results without one are absent.</summary>
    Task<IReadOnlyDictionary<string, FollowUp>> GetFollowUpsAsync(IReadOnlyCollection<string> resultEventIds, CancellationToken cancellationToken);
}
