using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>
/// Rewrites any GS1 Digital Link URI, for any GS1 key, into the constrained canonical form CBV 2.0 §8.9 rule 18
/// asks for: host https://id.gs1.org, no query or fragment, numeric AIs instead of the old short names, GTINs in 14
/// digits, no consumer product variant (AI 22), and only the finest identification level (a serial replaces a lot).
/// Check digits are not verified: the hash must describe the event as sent, right or wrong.
/// </summary>
public static class DigitalLinkCanonicaliser
{
    public static bool TryCanonicalise([NotNullWhen(true)] string? uri, [NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        if (uri is null || !TryPathSegments(uri, out var segments))
            return false;
        for (var start = 0; start + 1 < segments.Length; start++)
        {
            var ai = Ai(segments[start]);
            if (!DigitalLinkAis.PrimaryKeys.Contains(ai) || (segments.Length - start) % 2 != 0 || !StartsWithFourDigits(segments[start + 1]))
                continue;
            canonical = TryBuild(segments.AsSpan(start));
            return canonical is not null;
        }
        return false;
    }

    private static string? TryBuild(ReadOnlySpan<string> segments)
    {
        var key = Ai(segments[0]);
        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!DigitalLinkEncoding.TryDecode(segments[1], out var keyValue))
            return null;
        for (var i = 2; i < segments.Length; i += 2)
        {
            if (!DigitalLinkEncoding.TryDecode(segments[i + 1], out var value) || !qualifiers.TryAdd(Ai(segments[i]), value))
                return null;
        }

        qualifiers.Remove("22"); // the variant is not part of the identity
        if (qualifiers.ContainsKey("21"))
            qualifiers.Remove("10"); // the serial alone is the finest level
        if (key == "01" && keyValue.Length is 8 or 12 or 13)
            keyValue = keyValue.PadLeft(14, '0');

        if (!DigitalLinkAis.IsValidKey(key, keyValue))
            return null;
        var path = "/" + key + "/" + DigitalLinkEncoding.Encode(keyValue);
        var kept = 0;
        foreach (var qualifier in DigitalLinkAis.QualifierOrder(key))
        {
            if (!qualifiers.Remove(qualifier, out var value))
                continue;
            if (DigitalLinkAis.QualifierError(qualifier, value) is not null)
                return null;
            path += "/" + qualifier + "/" + DigitalLinkEncoding.Encode(value);
            kept++;
        }
        // Anything left is not a qualifier of this key; and the finest level has at most one qualifier (rule 18 III).
        return qualifiers.Count == 0 && kept <= 1 ? DigitalLink.CanonicalBase + path : null;
    }

    private static string Ai(string segment) => DigitalLinkAis.Ai(segment);

    private static bool StartsWithFourDigits(string segment) =>
        segment.Length > 4 && Gs1Text.AllDigits(segment.AsSpan(0, 4));

    private static bool TryPathSegments(string uri, out string[] segments)
    {
        segments = [];
        if (!DigitalLinkAis.TryPath(uri, out var path))
            return false;
        if (path.EndsWith('/'))
            path = path[..^1];
        segments = path.Split('/');
        return Array.IndexOf(segments, "") < 0;
    }
}
