using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Traceability.Domain;
using Traceability.Domain.Consumer;
using Traceability.Domain.Epcis.Query;

namespace Traceability.Api.Binding;

/// <summary>
/// The EPCIS 2.0 REST binding's headers on its resources: version negotiation (GS1-EPCIS-Version, -Min, -Max and the
/// CBV ones: 406 when no version both sides speak), GS1-EPC-Format and GS1-CBV-XML-Format (the forms asked for),
/// GS1-Extensions (the client's prefixes in; ours out). Parsed once here, at the edge, into <see cref="EpcisRequest"/>.
/// </summary>
public static partial class EpcisBinding
{
    public const string EpcisVersion = "2.0.0", CbvVersion = "2.0.0";

    /// <summary>Capture reads EPCIS 1.0 to 2.0 XML (CBV 1.x URNs included); everything else is answered in 2.0.</summary>
    public const string EpcisMin = "1.0.0", EpcisMax = "2.0.0", CbvMin = "1.0.0", CbvMax = "2.0.0";

    public const string VendorVersion = "traceability-epcis-1";

    /// <summary>The extensions this repository writes into events, announced as GS1-Extensions.</summary>
    public static readonly string Extensions = string.Join(", ",
        $"{ConsumerView.Prefix}={ConsumerView.Namespace}", $"lab={ConsumerView.LabNamespace}",
        $"recall={Recalls.RecallAnnouncer.Namespace}", $"declaration={Apis.EventsApi.DeclarationNamespace}");

    private static readonly string[] Resources =
        ["/capture", "/events", "/eventTypes", "/epcs", "/bizSteps", "/bizLocations", "/readPoints", "/dispositions", "/queries", "/nextPageToken"];

    private const string RequestItem = "epcis-request";

    /// <summary>Whether a path is one of the binding's resources (the root only for OPTIONS and JSON).</summary>
    public static bool Covers(HttpRequest request) =>
        request.Path == "/"
            ? HttpMethods.IsOptions(request.Method) || EpcisMediaTypes.PrefersJson(request)
            : Resources.Any(r => request.Path.StartsWithSegments(r, StringComparison.Ordinal));

    /// <summary>The binding's headers of this request, read by <see cref="UseEpcisBinding"/>.</summary>
    public static EpcisRequest Of(HttpContext context) =>
        context.Items.TryGetValue(RequestItem, out var read) && read is EpcisRequest request ? request : Read(context.Request);

    /// <summary>Reads and checks the binding's request headers and adds its response headers on every binding resource.</summary>
    public static IApplicationBuilder UseEpcisBinding(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!Covers(context.Request))
        {
            await next(context);
            return;
        }
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["GS1-EPCIS-Version"] = EpcisVersion;
            headers["GS1-CBV-Version"] = CbvVersion;
            headers["GS1-Extensions"] = Extensions;
            if (context.Items.TryGetValue(RequestItem, out var r) && r is EpcisRequest read && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
                headers[EpcFormats.HeaderName] = EpcFormats.Name(read.EpcFormat);
            return Task.CompletedTask;
        });
        context.Items[RequestItem] = Read(context.Request);
        await next(context);
    });

    private static EpcisRequest Read(HttpRequest request)
    {
        var h = request.Headers;
        // Answers are EPCIS 2.0 only; what a client sends may be any version capture reads.
        var answers = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        CheckRange(h, "GS1-EPCIS-Min", "GS1-EPCIS-Max", answers ? EpcisVersion : EpcisMin, EpcisMax);
        CheckRange(h, "GS1-CBV-Min", "GS1-CBV-Max", answers ? CbvVersion : CbvMin, CbvMax);
        CheckVersion(h, "GS1-EPCIS-Version", EpcisMin, EpcisMax);
        CheckVersion(h, "GS1-CBV-Version", CbvMin, CbvMax);
        var format = h[EpcFormats.HeaderName].ToString() is { Length: > 0 } f
            ? EpcFormats.ByName.TryGetValue(f.Trim(), out var known) ? known
                : throw TraceError.Invalid("bad-request", EpcFormats.HeaderName, $"must be one of {string.Join(", ", EpcFormats.ByName.Keys)}")
            : EpcFormat.AlwaysGs1DigitalLink; // the binding's default when the header is absent
        var cbvXml = h["GS1-CBV-XML-Format"].ToString().Trim() switch
        {
            "" or "No_Preference" or "Always_URN" or "Never_Translates" => false,
            "Always_Web_URI" => true,
            _ => throw TraceError.Invalid("bad-request", "GS1-CBV-XML-Format", "must be No_Preference, Always_Web_URI, Always_URN or Never_Translates"),
        };
        var prefixes = EventQueryParser.ExtensionPrefixes(h["GS1-Extensions"].Where(v => v is not null)!);
        return new EpcisRequest(format, cbvXml, prefixes);
    }

    private static void CheckRange(IHeaderDictionary headers, string minName, string maxName, string ours, string oursMax)
    {
        var min = Version(headers, minName);
        var max = Version(headers, maxName);
        if (max is not null && Compare(max, ours) < 0 || min is not null && Compare(min, oursMax) > 0)
            throw new TraceError(ErrorKind.NotAcceptable, "epcisException:NotAcceptableException",
                $"this repository speaks versions {ours} to {oursMax} ({minName}/{maxName} asked for {min ?? "any"} to {max ?? "any"})");
    }

    private static void CheckVersion(IHeaderDictionary headers, string name, string min, string max)
    {
        // Any 2.0.x is 2.0: patch versions change no binding rule.
        if (Version(headers, name) is { } v && (Compare(v, min) < 0 || (Compare(v, max) > 0 && !v.StartsWith("2.0.", StringComparison.Ordinal))))
            throw new TraceError(ErrorKind.NotAcceptable, "epcisException:NotAcceptableException", $"{name} {v} is not spoken here ({min} to {max})");
    }

    private static string? Version(IHeaderDictionary headers, string name)
    {
        var text = headers[name].ToString().Trim();
        if (text.Length == 0) return null;
        return VersionPattern().IsMatch(text) ? text : throw TraceError.Invalid("bad-request", name, "a version such as 2.0.0");
    }

    private static int Compare(string a, string b)
    {
        var x = a.Split('.').Select(p => int.TryParse(p, out var n) ? n : int.MaxValue).ToArray();
        var y = b.Split('.').Select(p => int.TryParse(p, out var n) ? n : int.MaxValue).ToArray();
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var c = (i < x.Length ? x[i] : 0).CompareTo(i < y.Length ? y[i] : 0);
            if (c != 0) return c;
        }
        return 0;
    }

    [GeneratedRegex(@"^\d{1,4}(\.\d{1,4}){0,3}$")]
    private static partial Regex VersionPattern();
}

/// <summary>What the binding's request headers asked for.</summary>
/// <param name="EpcFormat">GS1-EPC-Format (absent: Always_GS1_Digital_Link, as the binding says).</param>
/// <param name="CbvWebUris">GS1-CBV-XML-Format: Always_Web_URI, which this repository's XML writer cannot give (406).</param>
/// <param name="Prefixes">GS1-Extensions: the client's prefixes for extension fields in query parameters.</param>
public sealed record EpcisRequest(EpcFormat EpcFormat, bool CbvWebUris, IReadOnlyDictionary<string, string> Prefixes);

/// <summary>The media types of the binding: JSON(-LD) and XML, in requests and answers.</summary>
public static class EpcisMediaTypes
{
    public static bool IsXml(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || media.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>XML when the client prefers it (Accept application/xml or text/xml ranked above JSON), else JSON; null when it takes neither.</summary>
    public static bool? WantsXml(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList(request.Headers.Accept.ToArray()!, out var types)) return false;
        foreach (var type in types.OrderByDescending(t => t.Quality ?? 1.0))
        {
            if ((type.Quality ?? 1.0) <= 0) continue;
            var name = type.MediaType.Value ?? "";
            if (name is "application/xml" or "text/xml") return true;
            if (name is "application/json" or "application/ld+json" or "application/*" or "*/*" or "application/problem+json") return false;
        }
        return null;
    }

    public static bool PrefersJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Length > 0 && (accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) || accept.Contains("application/ld+json", StringComparison.OrdinalIgnoreCase))
            && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
