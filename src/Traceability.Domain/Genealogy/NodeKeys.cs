using Traceability.Domain.Custody;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Genealogy;

/// <summary>
/// The key of a lot-graph node: the canonical GS1 Digital Link path of the identifier, so that an EPC URN, a
/// Digital Link on any resolver and a bare path all name the same node. Lots are <c>/01/{gtin14}/10/{lot}</c>
/// (a serialised item whose identifier also names its lot counts as that lot; one that does not stays
/// <c>/01/{gtin14}/21/{serial}</c>), containers <c>/00/{sscc}</c>, parties <c>/417/{gln}</c>, locations
/// <c>/414/{gln}</c>. Identifiers that are not GS1 keys are kept as they are.
/// </summary>
public static class NodeKeys
{
    public static string Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        // A bare path is read as a path on the canonical resolver, so it is canonicalised like a full link.
        var link = id.StartsWith('/') ? DigitalLink.CanonicalBase + id : id;
        if (Identifiers.LotPath(link) is { } lot) return lot;
        var canonical = Identifiers.Canonical(link);
        return canonical.StartsWith(DigitalLink.CanonicalBase + "/", StringComparison.Ordinal)
            ? canonical[DigitalLink.CanonicalBase.Length..]
            : id;
    }

    /// <summary>Whether a key names a party (/417/) or a location (/414/): the leaves of a trace.</summary>
    public static bool IsPartyOrLocation(string key) =>
        key.StartsWith("/417/", StringComparison.Ordinal) || key.StartsWith("/414/", StringComparison.Ordinal);
}
