using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;

namespace Traceability.Domain.Trust;

/// <summary>
/// Who holds a GTIN and who it lets make lots of it. The holder is the organisation whose GS1 company prefix covers
/// the GTIN; failing that, the organisation that claimed it first by registering the product. Licensees (a contract
/// packer, say) may create lots too. A GTIN nobody holds is open: lots of it may be created, and it may still be claimed.
/// </summary>
public sealed record GtinRights(string Gtin, string? OwnerOrgId, bool OwnedByPrefix, IReadOnlySet<string> Licensees)
{
    public static GtinRights Open(string gtin) => new(gtin, null, false, new HashSet<string>());

    public bool MayCreateLots(string orgId) => OwnerOrgId is null || OwnerOrgId == orgId || Licensees.Contains(orgId);

    /// <param name="orgs">Every organisation (their company prefixes).</param>
    /// <param name="claimedBy">The organisation that registered the product, if any.</param>
    /// <param name="licensees">Organisations the holder licensed.</param>
    public static GtinRights Of(Gtin gtin, IEnumerable<Organisation> orgs, string? claimedBy, IReadOnlyCollection<string> licensees)
    {
        // Prefixes never overlap across organisations (the admin API refuses it), so at most one covers the GTIN.
        var byPrefix = orgs.FirstOrDefault(o => o.CompanyPrefixes.Any(p => CompanyPrefix.TryParse(p, out var cp) && cp.Covers(gtin)));
        return new GtinRights(gtin.Value, byPrefix?.Id ?? claimedBy, byPrefix is not null, licensees.ToHashSet(StringComparer.Ordinal));
    }
}
