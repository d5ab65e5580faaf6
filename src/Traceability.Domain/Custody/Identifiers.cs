using Traceability.Domain.Gs1;

namespace Traceability.Domain.Custody;

/// <summary>
/// Maps the identifiers an event carries (EPC URNs or GS1 Digital Links) to the canonical Digital
/// Link form stored and queried, and to the lot or container they belong to.
/// </summary>
public static class Identifiers
{
    /// <summary>Canonical https://id.gs1.org/… form when the identifier is a GS1 key; otherwise unchanged.</summary>
    public static string Canonical(string id)
    {
        if (id.StartsWith("urn:epc:", StringComparison.Ordinal) && EpcUrn.TryToDigitalLinkUri(id, out var fromUrn)) return fromUrn;
        if (DigitalLinkCanonicaliser.TryCanonicalise(id, out var canonical)) return canonical;
        return id;
    }

    /// <summary>The lot path /01/{gtin14}/10/{lot} of a lot-level class or a lot-bearing instance, else null.</summary>
    public static string? LotPath(string id) => Link(id) is GtinLink { Lot: not null } g ? DigitalLink.LotPath(g.Gtin, g.Lot) : null;

    /// <summary>The path /00/{sscc} of a logistic unit (pallet, case), else null.</summary>
    public static string? ContainerPath(string id) => Link(id) is SsccLink s ? s.Path : null;

    /// <summary>The GLN of a party identifier (/417/ or urn:epc:id:pgln), else null.</summary>
    public static string? PartyGln(string id) => Link(id) is PartyLink p ? p.Party.Value : null;

    /// <summary>The GLN of a party (/417/) or a location (/414/, with or without its extension), else null.</summary>
    public static string? AnyGln(string id) => Link(id) switch
    {
        PartyLink p => p.Party.Value,
        LocationLink l => l.Gln.Value,
        _ => null,
    };

    public static (string Gtin, string Lot)? SplitLot(string lotPath) =>
        DigitalLink.TryParse(lotPath, out var link) && link is GtinLink { Lot: not null } g ? (g.Gtin.Value, g.Lot.Value) : null;

    private static DigitalLink? Link(string id)
    {
        if (id.StartsWith("urn:epc:", StringComparison.Ordinal)) return EpcUrn.TryToDigitalLink(id, out var u) ? u : null;
        return DigitalLink.TryParse(id, out var d) ? d : null;
    }
}
