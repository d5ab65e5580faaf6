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
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["gtin"] = "01", ["itip"] = "8006", ["cpid"] = "8010", ["gln"] = "414", ["party"] = "417", ["gsrnp"] = "8017",
        ["gsrn"] = "8018", ["gcn"] = "255", ["sscc"] = "00", ["gdti"] = "253", ["ginc"] = "401", ["gsin"] = "402",
        ["grai"] = "8003", ["giai"] = "8004", ["cpv"] = "22", ["lot"] = "10", ["ser"] = "21",
    };

    private static readonly HashSet<string> PrimaryKeys =
        ["01", "8006", "8010", "414", "417", "8017", "8018", "255", "00", "253", "401", "402", "8003", "8004"];

    public static bool TryCanonicalise([NotNullWhen(true)] string? uri, [NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        if (uri is null || !TryPathSegments(uri, out var segments))
            return false;
        for (var start = 0; start + 1 < segments.Length; start++)
        {
            var ai = Ai(segments[start]);
            if (!PrimaryKeys.Contains(ai) || (segments.Length - start) % 2 != 0 || !StartsWithFourDigits(segments[start + 1]))
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

        if (!IsValidKey(key, keyValue))
            return null;
        var path = "/" + key + "/" + DigitalLinkEncoding.Encode(keyValue);
        var kept = 0;
        foreach (var qualifier in QualifierOrder(key))
        {
            if (!qualifiers.Remove(qualifier, out var value))
                continue;
            if (!IsValidQualifier(qualifier, value))
                return null;
            path += "/" + qualifier + "/" + DigitalLinkEncoding.Encode(value);
            kept++;
        }
        // Anything left is not a qualifier of this key; and the finest level has at most one qualifier (rule 18 III).
        return qualifiers.Count == 0 && kept <= 1 ? DigitalLink.CanonicalBase + path : null;
    }

    private static string[] QualifierOrder(string key) => key switch
    {
        "01" => ["10", "21", "235"],
        "8006" => ["10", "21"],
        "414" => ["254"],
        "8010" => ["8011"],
        _ => [],
    };

    private static bool IsValidKey(string key, string value) => key switch
    {
        "00" or "8006" or "8017" or "8018" => IsDigits(value, 18),
        "01" => IsDigits(value, 14),
        "414" or "417" => IsDigits(value, 13),
        "402" => IsDigits(value, 17),
        "253" => DigitsThenText(value, 13, 17, Gs1Text.IsCset82),
        "255" => DigitsThenText(value, 13, 12, char.IsAsciiDigit),
        "8003" => DigitsThenText(value, 14, 16, Gs1Text.IsCset82),
        "401" or "8004" => value.Length is > 0 and <= 30 && Gs1Text.IsCset82(value),
        "8010" => value.Length is > 0 and <= 30 && value.All(Gs1Text.IsCset39),
        _ => false,
    };

    private static bool IsValidQualifier(string qualifier, string value) => qualifier switch
    {
        "10" or "21" or "254" => value.Length is > 0 and <= 20 && Gs1Text.IsCset82(value),
        "235" => value.Length is > 0 and <= 28 && Gs1Text.IsCset82(value),
        "8011" => value.Length is > 0 and <= 12 && Gs1Text.AllDigits(value),
        _ => false,
    };

    private static bool IsDigits(string value, int length) => value.Length == length && Gs1Text.AllDigits(value);

    private static bool DigitsThenText(string value, int digits, int maxText, Func<char, bool> allowed) =>
        value.Length >= digits && value.Length <= digits + maxText
        && Gs1Text.AllDigits(value.AsSpan(0, digits)) && value.AsSpan(digits).ToString().All(allowed);

    private static string Ai(string segment) => ShortNames.TryGetValue(segment, out var ai) ? ai : segment;

    private static bool StartsWithFourDigits(string segment) =>
        segment.Length > 4 && Gs1Text.AllDigits(segment.AsSpan(0, 4));

    private static bool TryPathSegments(string uri, out string[] segments)
    {
        segments = [];
        int hostStart;
        if (uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            hostStart = 8;
        else if (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            hostStart = 7;
        else
            return false;
        var end = uri.IndexOfAny(['?', '#'], hostStart);
        var rest = uri.AsSpan(hostStart, (end < 0 ? uri.Length : end) - hostStart);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
            return false;
        var path = rest[(slash + 1)..];
        if (path.EndsWith('/'))
            path = path[..^1];
        segments = path.ToString().Split('/');
        return Array.IndexOf(segments, "") < 0;
    }
}
