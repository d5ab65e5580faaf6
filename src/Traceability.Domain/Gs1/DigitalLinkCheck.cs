namespace Traceability.Domain.Gs1;

/// <summary>
/// What makes an http(s) URI inside an event a GS1 Digital Link that can never be served: a key with a wrong or
/// non-digit check digit, or a key qualifier (lot, serial, GLN extension …) outside its AI's rules — empty, too long,
/// a character outside set 82 (NUL, CR, LF, spaces, non-ASCII included), a malformed percent-encoding.
/// </summary>
/// <remarks>
/// A URI counts as a Digital Link from the first path segment that names a key whose value has that key's length
/// and starts with four digits (<c>/01/</c> + 8, 12, 13 or 14 characters, <c>/414/</c> + 13 …), so other web URIs,
/// such as <c>https://example.com/01/2024-news</c>, are left alone. Path prefixes, short names (gtin, lot, ser)
/// and a query string are allowed, as the Digital Link syntax allows them. AIs not known here are not judged.
/// </remarks>
internal static class DigitalLinkCheck
{
    /// <summary>A sentence saying what is wrong, or null when nothing is (or the URI is no Digital Link).</summary>
    public static string? Problem(string uri)
    {
        if (!TryPathSegments(uri, out var segments))
            return null;
        for (var start = 0; start + 1 < segments.Length; start++)
        {
            var key = DigitalLinkAis.Ai(segments[start]);
            if (DigitalLinkAis.CheckedKeyLengths(key) is not { } lengths || !DigitalLinkEncoding.TryDecode(segments[start + 1], out var value))
                continue;
            if (Array.IndexOf(lengths, value.Length) < 0 || !Gs1Text.AllDigits(value.AsSpan(0, 4)))
                continue;
            return KeyProblem(key, value) ?? QualifiersProblem(segments.AsSpan(start + 2));
        }
        return null;
    }

    private static string? KeyProblem(string key, string value)
    {
        var name = KeyName(key);
        var checkedPart = value.AsSpan(0, DigitalLinkAis.CheckedDigits(key, value.Length));
        var check = checkedPart[^1];
        if (!Gs1Text.AllDigits(value))
        {
            return char.IsAsciiDigit(check) || !Gs1Text.AllDigits(checkedPart[..^1])
                ? $"the {name} {Gs1Text.Quote(value)} in this GS1 Digital Link must be all digits"
                : $"the {name} {Gs1Text.Quote(value)} in this GS1 Digital Link has {Gs1Text.Quote(check.ToString())} for its check digit; a check digit is a digit";
        }
        return Gs1CheckDigit.IsValid(checkedPart)
            ? null
            : $"the {name} '{value}' in this GS1 Digital Link has a wrong check digit";
    }

    private static string? QualifiersProblem(ReadOnlySpan<string> pairs)
    {
        for (var i = 0; i < pairs.Length; i += 2)
        {
            var ai = DigitalLinkAis.Ai(pairs[i]);
            if (i + 1 == pairs.Length && pairs[i].Length == 0)
                return null; // a trailing slash
            if (!DigitalLinkAis.IsKnownQualifier(ai))
                continue;
            if (i + 1 == pairs.Length)
                return $"AI {ai} in this GS1 Digital Link has no value after it";
            if (!DigitalLinkEncoding.TryDecode(pairs[i + 1], out var value))
                return $"the value of AI {ai} in this GS1 Digital Link has a malformed percent-encoding";
            if (DigitalLinkAis.QualifierError(ai, value) is { } error)
                return $"in this GS1 Digital Link, the {error}";
        }
        return null;
    }

    private static string KeyName(string key) => key switch
    {
        "01" => "GTIN",
        "00" => "SSCC",
        "414" => "GLN",
        "417" => "party GLN",
        "8006" => "ITIP",
        "8017" or "8018" => "GSRN",
        "402" => "GSIN",
        _ => $"AI {key} key",
    };

    /// <summary>The path segments of an http(s) URI, empty ones kept (an empty lot is a segment too).</summary>
    private static bool TryPathSegments(string uri, out string[] segments)
    {
        segments = [];
        if (!DigitalLinkAis.TryPath(uri, out var path))
            return false;
        segments = path.Split('/');
        return true;
    }
}
