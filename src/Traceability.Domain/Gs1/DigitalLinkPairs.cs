using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>Turns the AI/value segments of a Digital Link path, key first, into a typed <see cref="DigitalLink"/>.</summary>
internal static class DigitalLinkPairs
{
    public static bool TryBuild(ReadOnlySpan<string> segments, [NotNullWhen(true)] out DigitalLink? link, out string error)
    {
        link = null;
        var values = new string[segments.Length / 2];
        for (var i = 0; i < values.Length; i++)
        {
            if (!DigitalLinkEncoding.TryDecode(segments[2 * i + 1], out values[i]))
            {
                error = $"the value of AI {segments[2 * i]} has a malformed percent-encoding";
                return false;
            }
        }
        var key = segments[0];
        var qualifiers = new List<string>(values.Length - 1);
        for (var i = 1; i < values.Length; i++)
            qualifiers.Add(segments[2 * i]);

        switch (key)
        {
            case "01":
                return TryBuildGtinLink(values, qualifiers, out link, out error);
            case "00":
                link = NoQualifiers(key, qualifiers, out error) && Sscc.TryParse(values[0], out var sscc, out error) ? new SsccLink(sscc) : null;
                return link is not null;
            case "414":
                return TryBuildLocationLink(values, qualifiers, out link, out error);
            case "417":
                link = NoQualifiers(key, qualifiers, out error) && Gln.TryParse(values[0], out var party, out error) ? new PartyLink(party) : null;
                return link is not null;
            default:
                error = $"AI {key} is not a supported key";
                return false;
        }
    }

    private static bool TryBuildGtinLink(string[] values, List<string> qualifiers, [NotNullWhen(true)] out DigitalLink? link, out string error)
    {
        link = null;
        if (!Gtin.TryParse(values[0], out var gtin, out error))
            return false;

        // The standard fixes the qualifier order after a GTIN: lot (10) before serial (21).
        LotCode? lot = null;
        SerialNumber? serial = null;
        var at = 0;
        if (at < qualifiers.Count && qualifiers[at] == "10")
        {
            if (!LotCode.TryParse(values[++at], out lot, out error))
                return false;
        }
        if (at < qualifiers.Count && qualifiers[at] == "21")
        {
            if (!SerialNumber.TryParse(values[++at], out serial, out error))
                return false;
        }
        if (at < qualifiers.Count)
        {
            error = $"AI {qualifiers[at]} is not supported after AI 01 here; only 10 (lot) then 21 (serial) are";
            return false;
        }
        link = new GtinLink(gtin, lot, serial);
        return true;
    }

    private static bool TryBuildLocationLink(string[] values, List<string> qualifiers, [NotNullWhen(true)] out DigitalLink? link, out string error)
    {
        link = null;
        if (!Gln.TryParse(values[0], out var gln, out error))
            return false;
        GlnExtension? extension = null;
        if (qualifiers.Count > 0)
        {
            if (qualifiers.Count > 1 || qualifiers[0] != "254")
            {
                error = $"only AI 254 (GLN extension) may follow AI 414, not {string.Join("/", qualifiers)}";
                return false;
            }
            if (!GlnExtension.TryParse(values[1], out extension, out error))
                return false;
        }
        link = new LocationLink(gln, extension);
        return true;
    }

    private static bool NoQualifiers(string key, List<string> qualifiers, out string error)
    {
        error = qualifiers.Count == 0 ? "" : $"AI {key} takes no key qualifiers, found AI {string.Join(", ", qualifiers)}";
        return qualifiers.Count == 0;
    }
}
