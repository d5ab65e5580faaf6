using Traceability.Domain.Custody;
using Traceability.Domain.Organisations;

namespace Traceability.Domain.Trust;

/// <summary>
/// Who may read an event in full (quantities, business transactions, the lab's sample, kit and analyst), in the
/// manner of Food Trust's data entitlement: its writer; the organisations it names as source or destination; every
/// organisation in the custody chain of a lot it names (creator, holders, the receiver a shipment awaits); and
/// regulators. Everyone else reads its consumer view, the public twin that pages show anyway.
/// </summary>
public static class ReadEntitlement
{
    public static bool MayReadInFull(
        Organisation reader, string writerOrgId, IReadOnlyList<string> partyGlns, IEnumerable<string> lotKeys,
        IReadOnlyDictionary<string, LotState> lots, Func<string, string?> orgIdByGln) =>
        reader.Role == OrgRole.Regulator
        || writerOrgId == reader.Id
        || (reader.Gln is { } own && partyGlns.Contains(own))
        || partyGlns.Any(g => orgIdByGln(g) == reader.Id)
        || lotKeys.Any(k => lots.TryGetValue(k, out var lot) && lot.InCustodyChain(reader.Id));
}
