using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>
/// Conversion between EPC URIs (EPC Tag Data Standard pure identity, class and pattern URIs) and GS1 Digital Link.
/// EPC URIs carry the GS1 company prefix boundary and no check digit; Digital Link carries the whole key, so going
/// from Digital Link to an EPC URI needs the company prefix length.
/// </summary>
public static class EpcUrn
{
    /// <summary>
    /// The Digital Link of an sgtin, lgtin, sscc, sgln or pgln URI, or of an <c>urn:epc:idpat:sgtin:CP.IR.*</c>
    /// pattern (which names the GTIN itself).
    /// </summary>
    /// <exception cref="FormatException">Not one of those URIs, or a part of it is invalid.</exception>
    public static DigitalLink ToDigitalLink(string urn) =>
        TryToDigitalLink(urn, out var link) ? link : throw new FormatException($"{Gs1Text.Quote(urn)} is not a valid sgtin, lgtin, idpat sgtin, sscc, sgln or pgln EPC URI");

    public static bool TryToDigitalLink([NotNullWhen(true)] string? urn, [NotNullWhen(true)] out DigitalLink? link)
    {
        link = EpcUrnParts.TryParse(urn, out var parts) ? ToLink(parts) : null;
        return link is not null;
    }

    /// <summary>
    /// The canonical Digital Link URI (https://id.gs1.org/...) of any EPC URI that has one: the keys above plus grai,
    /// giai, gsrn, gsrnp, gdti, cpi, sgcn, ginc, gsin, itip, upui and their patterns. False for anything else.
    /// </summary>
    public static bool TryToDigitalLinkUri([NotNullWhen(true)] string? urn, [NotNullWhen(true)] out string? uri)
    {
        uri = null;
        if (!EpcUrnParts.TryParse(urn, out var parts))
            return false;
        var path = ToLink(parts)?.Path ?? EpcUrnOtherSchemes.ToPath(parts);
        uri = path is null ? null : DigitalLink.CanonicalBase + path;
        return uri is not null;
    }

    /// <summary>
    /// The EPC URI of a Digital Link: sgtin for a serialised item, lgtin for a lot, <c>idpat:sgtin:CP.IR.*</c> for a
    /// bare GTIN, sscc, sgln (extension "0" when there is none) and pgln. A link with both lot and serial gives the
    /// sgtin: the serial alone names the instance.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The company prefix length does not fit the key.</exception>
    public static string FromDigitalLink(DigitalLink link, int companyPrefixLength)
    {
        ArgumentNullException.ThrowIfNull(link);
        switch (link)
        {
            case GtinLink g:
                var (cp, itemRef) = Gs1KeyAssembly.Split(g.Gtin.Value, companyPrefixLength, leadingDigitFirst: true);
                return g.Serial is not null ? $"urn:epc:id:sgtin:{cp}.{itemRef}.{EpcUrnEscaping.Escape(g.Serial.Value)}"
                    : g.Lot is not null ? $"urn:epc:class:lgtin:{cp}.{itemRef}.{EpcUrnEscaping.Escape(g.Lot.Value)}"
                    : $"urn:epc:idpat:sgtin:{cp}.{itemRef}.*";
            case SsccLink s:
                var (ssccPrefix, serialRef) = Gs1KeyAssembly.Split(s.Sscc.Value, companyPrefixLength, leadingDigitFirst: true);
                return $"urn:epc:id:sscc:{ssccPrefix}.{serialRef}";
            case LocationLink l:
                var (glnPrefix, locationRef) = Gs1KeyAssembly.Split(l.Gln.Value, companyPrefixLength, leadingDigitFirst: false);
                return $"urn:epc:id:sgln:{glnPrefix}.{locationRef}.{(l.Extension is null ? "0" : EpcUrnEscaping.Escape(l.Extension.Value))}";
            case PartyLink p:
                var (partyPrefix, partyRef) = Gs1KeyAssembly.Split(p.Party.Value, companyPrefixLength, leadingDigitFirst: false);
                return $"urn:epc:id:pgln:{partyPrefix}.{partyRef}";
            default:
                throw new ArgumentException($"No EPC URI form for {link.GetType().Name}", nameof(link));
        }
    }

    /// <summary>
    /// What makes an sgtin or lgtin EPC URI name a serial or lot that can never be served (empty, too long, outside
    /// set 82 once unescaped, a malformed escape), or null. Other EPC URIs are not judged here.
    /// </summary>
    internal static string? ValueProblem(string urn)
    {
        if (!EpcUrnParts.TryParse(urn, out var parts) || !(parts.Is("id", "sgtin") || parts.Is("class", "lgtin")))
            return null;
        var (name, maxLength) = parts.Kind == "class" ? ("lot", LotCode.MaxLength) : ("serial number", SerialNumber.MaxLength);
        if (!EpcUrnEscaping.TryUnescape(parts.Fields[2], out var text))
            return $"the {name} of this EPC URI has a character an EPC URI must escape, or a malformed %-escape";
        return AlphanumericKeyText.TryValidate(text, $"the {name} of this EPC URI", maxLength, out var error) ? null : error;
    }

    private static DigitalLink? ToLink(EpcUrnParts urn)
    {
        var f = urn.Fields;
        if (urn.Is("id", "sgtin") || urn.Is("class", "lgtin") || urn.Is("idpat", "sgtin"))
        {
            if (!Gtin.TryParse(Gs1KeyAssembly.Join(f[0], f[1], 13, leadingDigitFirst: true), out var gtin))
                return null;
            if (urn.Kind == "idpat")
                return f[2] == "*" ? new GtinLink(gtin) : null;
            if (!EpcUrnEscaping.TryUnescape(f[2], out var text))
                return null;
            if (urn.Kind == "class")
                return LotCode.TryParse(text, out var lot) ? new GtinLink(gtin, lot) : null;
            return SerialNumber.TryParse(text, out var serial) ? new GtinLink(gtin, serial: serial) : null;
        }
        if (urn.Is("id", "sscc"))
            return Sscc.TryParse(Gs1KeyAssembly.Join(f[0], f[1], 17, leadingDigitFirst: true), out var sscc) ? new SsccLink(sscc) : null;
        if (urn.Is("id", "pgln"))
            return Gln.TryParse(Gs1KeyAssembly.Join(f[0], f[1], 12, leadingDigitFirst: false), out var party) ? new PartyLink(party) : null;
        if (urn.Is("id", "sgln"))
        {
            if (!Gln.TryParse(Gs1KeyAssembly.Join(f[0], f[1], 12, leadingDigitFirst: false), out var gln)
                || !EpcUrnEscaping.TryUnescape(f[2], out var extensionText))
            {
                return null;
            }
            // TDS: extension "0" means the GLN itself, with no extension.
            if (extensionText == "0")
                return new LocationLink(gln);
            return GlnExtension.TryParse(extensionText, out var extension) ? new LocationLink(gln, extension) : null;
        }
        return null;
    }
}
