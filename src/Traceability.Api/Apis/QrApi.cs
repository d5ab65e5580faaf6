using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Traceability.Api.Consumer;
using Traceability.Domain;

namespace Traceability.Api.Apis;

/// <summary>QR codes holding a lot's GS1 Digital Link URI on this system, for labels and packaging artwork.</summary>
public static class QrApi
{
    public const int MinSize = 64;
    public const int MaxSize = 2048;
    public const int DefaultSize = 512;

    /// <summary>
    /// A day, with an ETag: the image only changes when Trace:PublicBaseUrl does, and a fixed base URL should reach
    /// label printers within a day rather than be pinned for a year by an "immutable" cache.
    /// </summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapQrApi(this IEndpointRouteBuilder app)
    {
        // A catch-all, not "{lot}.svg": lots may hold dots, and %2F, which some hosts decode before routing.
        app.MapGet("/qr/01/{gtin}/10/{*lotFile}", GetQrCode).WithTags("Consumer")
            .WithSummary("QR code (lot.svg or lot.png, ?size= pixels) holding {Trace:PublicBaseUrl}/01/{gtin14}/10/{lot}")
            .Produces(StatusCodes.Status200OK, null, "image/svg+xml", "image/png")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Results<FileContentHttpResult, NotFound> GetQrCode(
        string gtin, string lotFile, string? size, HttpContext context, IOptions<TraceOptions> options)
    {
        // The extension is part of the route and a percent-encoded dot part of the lot (LotAddress.FileExtension):
        // A%2Esvg is the lot "A.svg" with no image format, so nothing is served there.
        var format = LotAddress.FileExtension(context)?.ToLowerInvariant();
        if (format is not (".svg" or ".png"))
            return TypedResults.NotFound();

        var pixels = ParseSize(size);
        var link = LotAddress.Parse(context, gtin, format);
        var symbol = QrSymbol.Encode(link.ToUri(LotAddress.PublicBase(context, options.Value)));
        var (body, contentType) = format == ".svg"
            ? (Encoding.UTF8.GetBytes(symbol.ToSvg(pixels)), "image/svg+xml")
            : (symbol.ToPng(pixels) ?? throw TraceError.Invalid("invalid-query", "size",
                $"this code has {symbol.Modules} modules a side (quiet zone included), so it needs at least {symbol.Modules} pixels"), "image/png");

        var headers = context.Response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = CacheFor };
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // Strong validator from the bytes themselves; FileContentHttpResult answers If-None-Match with 304.
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        return TypedResults.Bytes(body, contentType, entityTag: etag);
    }

    internal static int ParseSize(string? size)
    {
        if (size is null)
            return DefaultSize;
        return int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) && pixels is >= MinSize and <= MaxSize
            ? pixels
            : throw TraceError.Invalid("invalid-query", "size", $"must be a whole number of pixels from {MinSize} to {MaxSize}");
    }
}
