using Microsoft.AspNetCore.Http.Features;
using Traceability.Domain;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Consumer;

/// <summary>
/// The lot a request to <c>/{resource}/01/{gtin}/10/{lot}</c> names, and the Digital Link URI that lot has here.
/// </summary>
/// <remarks>
/// The lot is read from the raw request target when the server gives one (Kestrel, IIS and HTTP.sys do), not from
/// <c>Request.Path</c> or the route value: servers decode the path before routing except for %2F, so <c>A%252F</c>
/// (lot "A%2F") and <c>A%2F</c> (lot "A/") would both arrive as "A%2F". Decoding the raw segment once, by the GS1
/// Digital Link rules, keeps every set-82 lot exact. Without a raw target (the in-memory test server) the decoded
/// path is used and %2F read as '/', right for every lot but one holding the text "%2F" itself.
/// Routes using this take the lot as a catch-all, so a lot whose %2F a host did decode still reaches the handler.
/// </remarks>
internal static class LotAddress
{
    /// <summary>Path segments before the lot, after the path base: resource, "01", GTIN, "10".</summary>
    private const int SegmentsBeforeLot = 4;

    /// <summary>The resolver itself has no resource segment: "01", GTIN, "10".</summary>
    public const int ResolverSegmentsBeforeLot = 3;

    /// <summary>The trade item and lot of the request; <paramref name="suffix"/> (e.g. ".svg") is removed from the lot.</summary>
    /// <exception cref="TraceError">invalid-gtin or invalid-lot, for a 400.</exception>
    public static GtinLink Parse(HttpContext context, string gtin, string suffix = "", int segmentsBeforeLot = SegmentsBeforeLot)
    {
        Gtin item;
        try
        {
            item = Gtin.Parse(gtin);
        }
        catch (FormatException e)
        {
            throw TraceError.Invalid("invalid-gtin", "gtin", e.Message);
        }

        var (segment, encoded) = LotSegment(context, segmentsBeforeLot);
        if (segment.Contains('/'))
            throw TraceError.Invalid("invalid-lot", "lot", "a '/' in a lot must be percent-encoded as %2F");
        if (!segment.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            throw TraceError.NotFound("not-found", $"the lot file must end in {suffix}");
        segment = segment[..^suffix.Length];
        if (segment.Length == 0)
            throw TraceError.Invalid("invalid-lot", "lot", "the lot is empty");
        try
        {
            return encoded
                ? (GtinLink)DigitalLink.Parse($"/01/{item.Value}/10/{segment}")
                : new GtinLink(item, LotCode.Parse(segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)));
        }
        catch (FormatException e)
        {
            throw TraceError.Invalid("invalid-lot", "lot", e.Message);
        }
    }

    /// <summary>
    /// The extension of a lot file (<c>/qr/01/{gtin}/10/{lot}.svg</c>) as the request spells it: from the last literal
    /// dot of the raw segment, so a percent-encoded dot (<c>A%2Esvg</c>) belongs to the lot, as the Digital Link
    /// rules have it, and an encoded letter (<c>A.sv%67</c>) is no extension this API knows. Null without a dot.
    /// </summary>
    public static string? FileExtension(HttpContext context)
    {
        var (segment, _) = LotSegment(context, SegmentsBeforeLot);
        var dot = segment.LastIndexOf('.');
        return dot < 0 || segment.IndexOf('/', dot) >= 0 ? null : segment[dot..];
    }

    /// <summary>
    /// Trace:PublicBaseUrl without a trailing slash; when that is empty, the scheme, host and path base this request
    /// came in on.
    /// </summary>
    public static string PublicBase(HttpContext context, TraceOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}{context.Request.PathBase.ToUriComponent()}"
            : options.PublicBaseUrl.Trim().TrimEnd('/');

    /// <summary>The rest of the path after ".../01/{gtin}/10/" (lot and any suffix), and whether it is still percent-encoded.</summary>
    private static (string Segment, bool Encoded) LotSegment(HttpContext context, int segmentsBeforeLot)
    {
        var request = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var encoded = !string.IsNullOrEmpty(raw);
        var path = request.PathBase.Add(request.Path).Value ?? "";
        if (encoded)
        {
            var query = raw!.IndexOf('?');
            path = query < 0 ? raw : raw[..query];
            // Absolute-form targets (as sent to proxies) carry scheme and authority before the path.
            var scheme = path.IndexOf("://", StringComparison.Ordinal);
            if (!path.StartsWith('/') && scheme >= 0)
            {
                var slash = path.IndexOf('/', scheme + 3);
                path = slash < 0 ? "/" : path[slash..];
            }
        }

        // "", path base segments, resource, "01", gtin, "10", then the lot.
        var segments = path.Split('/');
        var first = 1 + (request.PathBase.Value?.Count(c => c == '/') ?? 0) + segmentsBeforeLot;
        if (segments.Length <= first)
            throw TraceError.NotFound("not-found", "the request path names no lot"); // dot segments the server removed
        return (string.Join('/', segments[first..]), encoded);
    }
}
