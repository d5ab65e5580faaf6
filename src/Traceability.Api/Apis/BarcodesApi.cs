using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Traceability.Api.Auth;
using Traceability.Api.Barcodes;
using Traceability.Api.Consumer;
using Traceability.Domain;
using Traceability.Domain.Gs1;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// GS1 barcodes for packs and logistic units (GS1 DataMatrix of a lot's element string, GS1-128 of an SSCC), and the
/// receiving screen's decoding of a photographed label.
/// </summary>
public static class BarcodesApi
{
    /// <summary>A phone photo is 2 to 8 MB as JPEG; a PNG screenshot of a label far less.</summary>
    public const int MaxUploadBytes = 16 * 1024 * 1024;

    /// <summary>Default widths: ~20 px a module for a DataMatrix, 4 px a module for an SSCC's GS1-128.</summary>
    private const int DefaultDataMatrixSize = 512, DefaultLinearWidth = 704;

    /// <summary>The GS1-128 of an SSCC never changes; a day, as for QR codes.</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapBarcodesApi(this IEndpointRouteBuilder app)
    {
        // A catch-all, as for QR codes: lots may hold dots and %2F.
        app.MapGet("/barcodes/datamatrix/01/{gtin}/10/{*lotFile}", GetDataMatrix).WithTags("Consumer")
            .WithSummary("GS1 DataMatrix (lot.svg or lot.png, ?size= pixels) of (01) GTIN, (15)/(17) dates recorded for the lot, (10) lot")
            .Produces(StatusCodes.Status200OK, null, "image/svg+xml", "image/png")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/barcodes/gs1-128/00/{ssccFile}", GetGs1_128).WithTags("Consumer")
            .WithSummary("GS1-128 of (00) SSCC (sscc.svg or sscc.png, ?size= width in pixels), for the GS1 logistic label")
            .Produces(StatusCodes.Status200OK, null, "image/svg+xml", "image/png")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapPost("/barcodes/decode", Decode).WithTags("Receiving")
            .WithSummary("Finds the GS1 DataMatrix, GS1-128 and QR codes on a label photo (body: image/jpeg or image/png)")
            .Accepts<byte[]>("image/jpeg", "image/png")
            .Produces<DecodeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetDataMatrix(
        string gtin, string lotFile, string? size, HttpContext context, ITraceStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ImageFormat(lotFile) is not { } format)
            return TypedResults.NotFound();
        var pixels = size is null ? DefaultDataMatrixSize : QrApi.ParseSize(size);
        var link = LotAddress.Parse(context, gtin, format, segmentsBeforeLot: 5);
        var elements = await PackElementsAsync(store, link, clock, cancellationToken);
        var symbol = Gs1Symbols.DataMatrix(elements);
        // The dates can still be recorded after the label was first drawn: revalidate every time (cheap, with the ETag).
        return Image(context, symbol, format, pixels, pixels, new CacheControlHeaderValue { NoCache = true });
    }

    public static Results<FileContentHttpResult, NotFound> GetGs1_128(string ssccFile, string? size, HttpContext context)
    {
        if (ImageFormat(ssccFile) is not { } format)
            return TypedResults.NotFound();
        var width = size is null ? DefaultLinearWidth : QrApi.ParseSize(size);
        var sscc = ParseSscc(ssccFile[..^format.Length]);
        var symbol = Gs1Symbols.Gs1_128(Gs1ElementString.ForLogisticUnit(sscc));
        // Bars keep their proportion: the height follows from the whole pixels each module gets across.
        var height = Math.Max(1, width / symbol.Width) * symbol.Height;
        return Image(context, symbol, format, width, height, new CacheControlHeaderValue { Public = true, MaxAge = CacheFor });
    }

    public static async Task<Ok<DecodeResponse>> Decode(HttpContext context, Caller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Organisations only: decoding is the costliest thing a request can ask of this server.
        await caller.RequireOrganisationAsync(context, cancellationToken);
        var mediaType = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (mediaType is not ("image/jpeg" or "image/png"))
            throw new BadHttpRequestException("send the photo as the request body with Content-Type image/jpeg or image/png",
                StatusCodes.Status415UnsupportedMediaType);
        var file = await ReadBodyAsync(context.Request, cancellationToken);
        var scan = await LabelPhotoDecoder.DecodeAsync(file, Today(clock), cancellationToken);
        return TypedResults.Ok(DecodeResponse.Of(scan));
    }

    /// <summary>The lot's pack element string: GTIN, the dates recorded for it, lot.</summary>
    internal static async Task<Gs1ElementString> PackElementsAsync(ITraceStore store, GtinLink link, TimeProvider clock, CancellationToken cancellationToken)
    {
        var dates = await LotDates.ReadAsync(store, link, cancellationToken);
        return Gs1ElementString.ForTradeItem(link,
            dates.BestBefore is { } b ? Gs1Date.Of(b) : null, dates.Expiry is { } e ? Gs1Date.Of(e) : null, Today(clock));
    }

    /// <exception cref="TraceError">invalid-sscc, for a 400.</exception>
    internal static Sscc ParseSscc(string text)
    {
        try
        {
            return Sscc.Parse(text);
        }
        catch (FormatException e)
        {
            throw TraceError.Invalid("invalid-sscc", "sscc", e.Message);
        }
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string? ImageFormat(string file) => Path.GetExtension(file).ToLowerInvariant() is ".svg" or ".png" ? Path.GetExtension(file) : null;

    private static FileContentHttpResult Image(HttpContext context, ModuleGrid symbol, string extension, int width, int height, CacheControlHeaderValue cache)
    {
        var (body, contentType) = extension.Equals(".svg", StringComparison.OrdinalIgnoreCase)
            ? (Encoding.UTF8.GetBytes(symbol.ToSvg(width, height)), "image/svg+xml")
            : (symbol.ToPng(width, height) ?? throw TraceError.Invalid("invalid-query", "size",
                $"this symbol is {symbol.Width} modules wide (quiet zones included), so it needs at least {symbol.Width} pixels"), "image/png");
        context.Response.GetTypedHeaders().CacheControl = cache;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        return TypedResults.Bytes(body, contentType, entityTag: etag);
    }

    /// <summary>The body, refused with 413 past <see cref="MaxUploadBytes"/> whether or not Content-Length says so up front.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var tooLarge = new BadHttpRequestException($"the photo may be at most {MaxUploadBytes / (1024 * 1024)} MiB", StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength > MaxUploadBytes)
            throw tooLarge;
        var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 1 << 20, MaxUploadBytes));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxUploadBytes)
                throw tooLarge;
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            throw TraceError.Invalid("invalid-image", "body", "the request has no photo in its body");
        return buffer.ToArray();
    }
}

/// <summary>What <c>POST /barcodes/decode</c> answers.</summary>
public sealed record DecodeResponse(DecodedPhoto Image, IReadOnlyList<DecodedSymbol> Symbols)
{
    internal static DecodeResponse Of(LabelScan scan) => new(
        new DecodedPhoto(scan.Format, scan.Width, scan.Height, scan.ScannedWidth, scan.ScannedHeight),
        scan.Symbols.Select(s => new DecodedSymbol(
            s.Symbology,
            s.SymbologyIdentifier,
            s.Text,
            s.Elements?.ToBracketed(),
            s.Elements?.Elements.Select(e => new DecodedElement(e.Ai, e.Value, Gs1ApplicationIdentifiers.Title(e.Ai))).ToList(),
            s.Elements is { } e ? new DecodedKeys(e.Gtin?.Value, e.Lot?.Value, e.Serial?.Value, e.Sscc?.Value, e.BestBefore?.ToString(), e.Expiry?.ToString()) : null,
            s.Link?.Path,
            s.Error)).ToList());
}

/// <summary>The upload's format and size, and the size it was scanned at (large photos are shrunk first).</summary>
public sealed record DecodedPhoto(string Format, int Width, int Height, int ScannedWidth, int ScannedHeight);

/// <param name="Symbology">GS1 DataMatrix, GS1-128, GS1 QR Code, or the plain DataMatrix, Code 128, QR Code.</param>
/// <param name="SymbologyIdentifier">ISO/IEC 15424 identifier as the decoder reports it: ]d2, ]C1, ]Q1, …</param>
/// <param name="Text">The data as decoded; in GS1 symbols a separating FNC1 is ASCII GS (U+001D).</param>
/// <param name="ElementString">Bracketed, e.g. (01)06901234100037(10)LSF-20261112; for a Digital Link, its keys so written.</param>
/// <param name="DigitalLink">The lot's Digital Link path when the symbol names a GTIN and a lot (or the link a QR code holds).</param>
/// <param name="Error">Why a GS1 symbol's data is not a valid element string.</param>
public sealed record DecodedSymbol(
    string Symbology, string? SymbologyIdentifier, string Text, string? ElementString, IReadOnlyList<DecodedElement>? Elements,
    DecodedKeys? Keys, string? DigitalLink, string? Error);

public sealed record DecodedElement(string Ai, string Value, string? Title);

/// <param name="BestBefore">AI (15), ISO 8601; year and month only when the symbol leaves the day unspecified (00).</param>
/// <param name="Expiry">AI (17), as BestBefore.</param>
public sealed record DecodedKeys(string? Gtin, string? Lot, string? Serial, string? Sscc, string? BestBefore, string? Expiry);
