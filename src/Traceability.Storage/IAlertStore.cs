namespace Traceability.Storage;

/// <summary>What regulators must look at (failed lab results).</summary>
public interface IAlertStore
{
    Task AddAlertAsync(Alert alert, CancellationToken cancellationToken);

    /// <summary>Alerts newest first; for one lot when <paramref name="lotKey"/> is given.</summary>
    Task<IReadOnlyList<Alert>> ListAlertsAsync(string? lotKey, CancellationToken cancellationToken);
}
