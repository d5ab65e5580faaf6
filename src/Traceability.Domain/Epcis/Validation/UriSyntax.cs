namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// Absolute URI (RFC 3986 "scheme:rest") check, one pass, no allocation. Non-ASCII characters are
/// allowed as IRIs allow them (JSON-LD identifiers are IRIs); spaces, controls and characters RFC 3986
/// never allows are not. http(s) URIs must have a host.
/// </summary>
internal static class UriSyntax
{
    public const string Expected = "an absolute URI (an EPC URN such as urn:epc:id:sgtin:…, a GS1 Digital Link https://id.gs1.org/01/…, or another scheme:… URI)";

    public static bool IsAbsolute(string s)
    {
        var colon = SchemeLength(s);
        if (colon <= 0 || colon == s.Length - 1)
        {
            return false;
        }
        for (var i = colon + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c <= ' ' || c == '\u007f' || c is '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}')
            {
                return false;
            }
            if (c > '\u007f' && (char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                return false;
            }
            if (c == '%' && !(i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2])))
            {
                return false;
            }
        }
        return !IsHttp(s, colon) || HasHost(s, colon);
    }

    /// <summary>Index of the colon ending a syntactically valid scheme, or -1.</summary>
    public static int SchemeLength(string s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter(s[0]))
        {
            return -1;
        }
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ':')
            {
                return i;
            }
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return -1;
            }
        }
        return -1;
    }

    private static bool IsHttp(string s, int colon) =>
        (colon == 4 && s.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        || (colon == 5 && s.StartsWith("https", StringComparison.OrdinalIgnoreCase));

    private static bool HasHost(string s, int colon) =>
        s.Length > colon + 3 && s[colon + 1] == '/' && s[colon + 2] == '/' && s[colon + 3] is not ('/' or '?' or '#');
}
