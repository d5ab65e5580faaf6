namespace Traceability.Storage;

/// <summary>
/// Named, expiring leases so work that must run once runs on one API instance at a time (anchoring an
/// organisation's events, ordering a recall of a lot), whichever instances share the store.
/// </summary>
public interface ILeaseStore
{
    /// <summary>Takes or renews the lease for <paramref name="holder"/>; false while another holder's lease is unexpired.</summary>
    Task<bool> TryAcquireLeaseAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives the lease up early (no effect unless <paramref name="holder"/> holds it).</summary>
    Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken);
}
