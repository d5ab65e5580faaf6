using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;
using Traceability.Storage;

namespace Traceability.Api.Organisations;

/// <summary>
/// Every organisation, in memory: a consortium has tens to thousands of members, read on every capture, read and
/// trace (who owns this GTIN, whose GLN is this, who is this writer). Re-read from the store when this instance
/// added one, and at least every <see cref="MaxAge"/>, so instances sharing a store agree within that time.
/// </summary>
public sealed class OrganisationDirectory(IOrganisationStore store, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public sealed record Snapshot(
        IReadOnlyList<Organisation> All,
        IReadOnlyDictionary<string, Organisation> ById,
        IReadOnlyDictionary<string, Organisation> ByGln,
        DateTimeOffset LoadedAt)
    {
        public Organisation? Get(string? orgId) => orgId is not null && ById.TryGetValue(orgId, out var o) ? o : null;
        public string? OrgIdByGln(string gln) => ByGln.TryGetValue(gln, out var o) ? o.Id : null;

        /// <summary>The organisation whose company prefix covers the GTIN, if any.</summary>
        public Organisation? PrefixHolderOf(Gtin gtin) =>
            All.FirstOrDefault(o => o.CompanyPrefixes.Any(p => CompanyPrefix.TryParse(p, out var cp) && cp.Covers(gtin)));
    }

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < MaxAge) return current;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            current = _snapshot;
            if (current is not null && clock.GetUtcNow() - current.LoadedAt < MaxAge) return current;
            var all = await store.ListOrganisationsAsync(cancellationToken);
            _snapshot = current = new Snapshot(
                all,
                all.ToDictionary(o => o.Id, StringComparer.Ordinal),
                all.Where(o => o.Gln is not null).ToDictionary(o => o.Gln!, StringComparer.Ordinal),
                clock.GetUtcNow());
            return current;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the cached list (after this instance added an organisation).</summary>
    public void Invalidate() => _snapshot = null;

    /// <summary>The rights over each GTIN: the prefix holder, else the product's claimant, and its licensees.</summary>
    public async Task<IReadOnlyDictionary<string, GtinRights>> RightsAsync(
        IReadOnlyCollection<string> gtins, IProductStore products, CancellationToken cancellationToken)
    {
        if (gtins.Count == 0) return new Dictionary<string, GtinRights>();
        var orgs = await GetAsync(cancellationToken);
        var stored = await products.GetProductsAsync(gtins, cancellationToken);
        var rights = new Dictionary<string, GtinRights>(StringComparer.Ordinal);
        foreach (var text in gtins)
        {
            if (!Gtin.TryParse(text, out var gtin)) continue;
            var product = stored.GetValueOrDefault(gtin.Value);
            rights[gtin.Value] = GtinRights.Of(gtin, orgs.All, product?.OwnerOrgId, product?.Licensees ?? []);
        }
        return rights;
    }
}
