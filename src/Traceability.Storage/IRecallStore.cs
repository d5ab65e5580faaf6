namespace Traceability.Storage;

/// <summary>Recalls, their liftings and the parties' acknowledgements.</summary>
public interface IRecallStore
{
    /// <summary>Stores a new recall; throws <see cref="DuplicateException"/> when its id exists.</summary>
    Task AddRecallAsync(Recall recall, CancellationToken cancellationToken);
    Task<Recall?> GetRecallAsync(string recallId, CancellationToken cancellationToken);

    /// <summary>Recalls newest first; only those naming the organisation as a party when <paramref name="partyOrgId"/> is given.</summary>
    Task<IReadOnlyList<Recall>> ListRecallsAsync(string? partyOrgId, CancellationToken cancellationToken);

    /// <summary>Recalls that name the lot (as origin or affected), newest first.</summary>
    Task<IReadOnlyList<Recall>> GetRecallsForLotAsync(string lotKey, CancellationToken cancellationToken);

    /// <summary>Marks an active recall lifted; false when it is unknown or was already lifted (nothing changes then).</summary>
    Task<bool> LiftRecallAsync(string recallId, RecallLifting lifting, CancellationToken cancellationToken);

    /// <summary>Records a party's acknowledgement, replacing the party's earlier one; true when it replaced one.</summary>
    Task<bool> SaveAcknowledgementAsync(RecallAcknowledgement acknowledgement, CancellationToken cancellationToken);
    Task<IReadOnlyList<RecallAcknowledgement>> GetAcknowledgementsAsync(string recallId, CancellationToken cancellationToken);
}
