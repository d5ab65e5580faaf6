using Traceability.Domain.Gs1;

namespace Traceability.Domain.Epcis.Hashing;

/// <summary>The canonical text of one value in the pre-hash (CBV 2.0 §8.9 rules 5, 6, 14-18).</summary>
internal static class HashValue
{
    private static readonly (string Urn, string WebUri)[] CbvUrnPrefixes =
    [
        ("urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-"),
        ("urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-"),
        ("urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-"),
        ("urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-"),
        ("urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-"),
    ];

    /// <summary>
    /// Trims, expands a bare term of <paramref name="vocabulary"/> or a compact IRI, replaces CBV 1.x URNs by CBV web
    /// URIs, normalises numbers, and turns EPC URIs and Digital Link URIs into constrained canonical Digital Links.
    /// Anything else is kept as written.
    /// </summary>
    public static string Canonicalise(string raw, VocabularyKind vocabulary, NamespaceMap names)
    {
        var value = raw.Trim();
        if (value.Length == 0)
            return value;
        if (BareVocabulary.Expand(vocabulary, value) is { } term)
            return term;
        value = names.ExpandCompactValue(value) ?? value;

        if (value.StartsWith("urn:", StringComparison.Ordinal))
        {
            foreach (var (urn, webUri) in CbvUrnPrefixes)
            {
                if (value.StartsWith(urn, StringComparison.Ordinal))
                    return webUri + value[urn.Length..];
            }
            return EpcUrn.TryToDigitalLinkUri(value, out var fromUrn) ? fromUrn : value;
        }
        if (value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return DigitalLinkCanonicaliser.TryCanonicalise(value, out var link) ? link : value;
        return HashNumber.TryFormat(value, out var number) ? number : value;
    }
}
