using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Traceability.Api.Barcodes;
using Traceability.Api.Consumer;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Apis;

/// <summary>
/// Printable labels in zh-CN or en: a lot's pack label (QR code, GS1 DataMatrix, GS1 human-readable text, product
/// name) and a logistic unit's GS1 logistic label (GS1-128 of the SSCC).
/// </summary>
public static class LabelsApi
{
    /// <summary>The symbols drawn at this many pixels; print CSS sets their physical size.</summary>
    private const int QrPixels = 256, DataMatrixPixels = 128, LinearPixels = 704;

    public static IEndpointRouteBuilder MapLabelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/labels/01/{gtin}/10/{*lot}", GetLabel).WithTags("Consumer")
            .WithSummary("Printable label for a lot: QR code and GS1 DataMatrix (HTML; zh-CN or en by Accept-Language or ?lang=)")
            .Produces(StatusCodes.Status200OK, null, "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/labels/00/{sscc}", GetLogisticLabel).WithTags("Consumer")
            .WithSummary("Printable GS1 logistic label for a case or pallet: GS1-128 of its SSCC (HTML; zh-CN or en)")
            .Produces(StatusCodes.Status200OK, null, "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <param name="lot">Percent-encoded as in a Digital Link; read from the raw request target (see <see cref="LotAddress"/>).</param>
    public static async Task<ContentHttpResult> GetLabel(
        string gtin, string lot, HttpContext context, IOptions<TraceOptions> options, Traceability.Storage.ITraceStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var link = LotAddress.Parse(context, gtin);
        var qr = QrSymbol.Encode(link.ToUri(LotAddress.PublicBase(context, options.Value))).ToSvg(QrPixels);
        var elements = await BarcodesApi.PackElementsAsync(store, link, clock, cancellationToken);
        var dataMatrix = Gs1Symbols.DataMatrix(elements).ToSvg(DataMatrixPixels, DataMatrixPixels);
        var language = LabelPage.Language(context.Request);
        var name = Localised.Pick((await store.GetProductAsync(link.Gtin.Value, cancellationToken))?.Name, language);

        PageHeaders(context, LabelPage.ContentSecurityPolicy, language);
        context.Response.Headers.CacheControl = "no-cache"; // the product name and the lot's dates can change with their data
        return TypedResults.Content(LabelPage.Render(link, elements, qr, dataMatrix, name, language, context.Request.PathBase.ToUriComponent()),
            "text/html; charset=utf-8");
    }

    public static ContentHttpResult GetLogisticLabel(string sscc, HttpContext context)
    {
        var unit = BarcodesApi.ParseSscc(sscc);
        var elements = Gs1ElementString.ForLogisticUnit(unit);
        var symbol = Gs1Symbols.Gs1_128(elements);
        var svg = symbol.ToSvg(LinearPixels, LinearPixels * symbol.Height / symbol.Width);
        var language = LabelPage.Language(context.Request);

        PageHeaders(context, LogisticLabelPage.ContentSecurityPolicy, language);
        context.Response.Headers.CacheControl = "public, max-age=86400"; // only the SSCC is printed, and it never changes
        return TypedResults.Content(LogisticLabelPage.Render(unit, elements, svg, language, context.Request.PathBase.ToUriComponent()),
            "text/html; charset=utf-8");
    }

    private static void PageHeaders(HttpContext context, string contentSecurityPolicy, string language)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentLanguage = language;
        headers.Vary = "Accept-Language";
    }
}
