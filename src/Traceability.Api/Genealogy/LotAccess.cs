using Traceability.Domain;
using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Genealogy;

/// <summary>
/// Who may trace or recall a lot: regulators any lot; the organisation that created it; the holder of its GTIN (by
/// company prefix or claim), who answers for every lot of its product.
/// </summary>
public static class LotAccess
{
    public static string LotKey(string gtin, string lot)
    {
        if (!Gtin.TryParse(gtin, out var g)) throw TraceError.Invalid("invalid-gtin", "gtin", $"{gtin} is not a valid GTIN (length or check digit)");
        if (!LotCode.TryParse(lot, out var l)) throw TraceError.Invalid("invalid-lot", "lot", $"{lot} is not a valid GS1 lot (AI 10: up to 20 characters of GS1 character set 82)");
        return DigitalLink.LotPath(g, l);
    }

    /// <summary>The lot's state, after checking the caller may act on it (404 for an unknown lot, 403 for another producer's).</summary>
    public static async Task<Domain.Custody.LotState> RequireAsync(
        Organisation caller, string lotKey, ITraceStore store, Organisations.OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        if (!(await store.GetLotsAsync([lotKey], cancellationToken)).TryGetValue(lotKey, out var lot))
            throw TraceError.NotFound("unknown-lot", $"no lot {lotKey} is known here");
        if (caller.Role == OrgRole.Regulator) return lot;
        if (caller.Role == OrgRole.Producer && lot.CreatorOrgId == caller.Id) return lot;
        if (caller.Role == OrgRole.Producer && Gtin.TryParse(lot.Gtin, out var gtin))
        {
            var rights = await directory.RightsAsync([gtin.Value], store, cancellationToken);
            if (rights.TryGetValue(gtin.Value, out var r) && r.OwnerOrgId == caller.Id) return lot;
        }
        throw TraceError.Forbidden("not-your-lot", "only regulators, the producer that created the lot and the holder of its GTIN may do this");
    }
}
