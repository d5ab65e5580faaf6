namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// Check digits of the GS1 keys that carry one (GTIN /01/, SSCC /00/, GLN /414/, party GLN /417/)
/// inside GS1 Digital Link URIs, checked with <see cref="Gs1.Gs1CheckDigit"/>. Unlike
/// DigitalLink.Parse it never rejects a URI for other reasons, so any https URI stays valid; a path segment only counts as a key when
/// it is all digits of the key's length, so unrelated https URIs are left alone.
/// </summary>
internal static class DigitalLinkKeyCheck
{
    /// <summary>An error message for a Digital Link key with a wrong check digit, else null.</summary>
    public static string? Check(string uri)
    {
        var colon = UriSyntax.SchemeLength(uri);
        if (colon is not (4 or 5) || !uri.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var hostStart = colon + 3;
        var pathStart = hostStart < uri.Length ? uri.IndexOf('/', hostStart) : -1;
        if (pathStart < 0)
        {
            return null;
        }
        var path = uri.AsSpan(pathStart + 1);
        var queryOrFragment = path.IndexOfAny('?', '#');
        if (queryOrFragment >= 0)
        {
            path = path[..queryOrFragment];
        }

        ReadOnlySpan<char> previous = [];
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (KeyName(previous, segment.Length) is { } keyName && IsAllDigits(segment))
            {
                return Gs1.Gs1CheckDigit.IsValid(segment)
                    ? null
                    : $"the {keyName} '{segment}' in this GS1 Digital Link has a wrong check digit";
            }
            previous = segment;
        }
        return null;
    }

    private static string? KeyName(ReadOnlySpan<char> applicationIdentifier, int length) => applicationIdentifier switch
    {
        "01" when length is 8 or 12 or 13 or 14 => "GTIN",
        "00" when length == 18 => "SSCC",
        "414" when length == 13 => "GLN",
        "417" when length == 13 => "party GLN",
        _ => null,
    };

    private static bool IsAllDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
}
