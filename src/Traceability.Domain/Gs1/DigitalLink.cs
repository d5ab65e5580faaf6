using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>
/// A GS1 Digital Link URI for one of the keys this system uses: a trade item (AI 01, optionally with lot 10 or
/// serial 21), a logistic unit (AI 00), a location (AI 414, optionally with extension 254) or a party (AI 417).
/// Parsing accepts any host and path prefix; <see cref="ToUri()"/> gives the canonical https://id.gs1.org form.
/// </summary>
public abstract record DigitalLink
{
    public const string CanonicalBase = "https://id.gs1.org";

    private protected DigitalLink()
    {
    }

    /// <summary>The key path with percent-encoded values, e.g. <c>/01/09506000134352/10/A%2F1</c>.</summary>
    public abstract string Path { get; }

    public string ToUri() => CanonicalBase + Path;

    /// <summary>The URI on another resolver, e.g. this system's public base URL.</summary>
    public string ToUri(string baseUri) => baseUri.TrimEnd('/') + Path;

    public sealed override string ToString() => ToUri();

    /// <summary>The path that names a lot: <c>/01/{gtin14}/10/{percent-encoded lot}</c>.</summary>
    public static string LotPath(Gtin gtin, LotCode lot) => new GtinLink(gtin, lot).Path;

    /// <exception cref="FormatException">Not an http(s) URI or root-relative path holding one of the supported keys.</exception>
    public static DigitalLink Parse(string uri) =>
        TryParse(uri, out var link, out var error) ? link : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? uri, [NotNullWhen(true)] out DigitalLink? link) =>
        TryParse(uri, out link, out _);

    private static bool TryParse(string? uri, [NotNullWhen(true)] out DigitalLink? link, out string error)
    {
        link = null;
        if (!TrySplitPath(uri, out var segments, out error))
            return false;

        // A path prefix before the key is allowed, so try each place a key AI could start.
        string? lastKeyError = null;
        for (var start = 0; start < segments.Length; start++)
        {
            if (!IsPrimaryKey(segments[start]) || (segments.Length - start) % 2 != 0)
                continue;
            if (DigitalLinkPairs.TryBuild(segments.AsSpan(start), out link, out var keyError))
                return true;
            lastKeyError = keyError;
        }
        // Written only on failure: capture parses every identifier of every event through here.
        error = lastKeyError is null
            ? $"{Gs1Text.Quote(uri)} holds no GS1 key this system supports (01, 00, 414 or 417)"
            : $"{Gs1Text.Quote(uri)}: {lastKeyError}";
        return false;
    }

    private static bool IsPrimaryKey(string segment) => segment is "01" or "00" or "414" or "417";

    private static bool TrySplitPath(string? uri, out string[] segments, out string error)
    {
        segments = [];
        if (string.IsNullOrEmpty(uri))
        {
            error = "Digital Link URI is empty";
            return false;
        }
        var path = uri.AsSpan();
        var end = path.IndexOfAny('?', '#');
        if (end >= 0)
            path = path[..end];

        if (path.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            var afterScheme = path[(path.IndexOf(':') + 3)..];
            var slash = afterScheme.IndexOf('/');
            if (slash <= 0)
            {
                error = $"{Gs1Text.Quote(uri)} has no host or no path";
                return false;
            }
            path = afterScheme[slash..];
        }
        else if (!path.StartsWith('/'))
        {
            error = $"{Gs1Text.Quote(uri)} is neither an http(s) URI nor a path starting with '/'";
            return false;
        }

        path = path[1..];
        if (path.EndsWith('/'))
            path = path[..^1];
        segments = path.IsEmpty ? [] : path.ToString().Split('/');
        if (Array.IndexOf(segments, "") >= 0)
        {
            error = $"{Gs1Text.Quote(uri)} has an empty path segment";
            return false;
        }
        error = "";
        return true;
    }
}
