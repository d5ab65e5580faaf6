using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Traceability.Api.Consumer;

namespace Traceability.Api.Apis;

/// <summary>Printable lot labels: QR code, GS1 human-readable text and product name, in zh-CN or en.</summary>
public static class LabelsApi
{
    /// <summary>The QR code drawn at this many pixels; print CSS sets its physical size.</summary>
    private const int QrPixels = 256;

    public static IEndpointRouteBuilder MapLabelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/labels/01/{gtin}/10/{*lot}", GetLabel).WithTags("Consumer")
            .WithSummary("Printable label for a lot (HTML; zh-CN or en by Accept-Language or ?lang=)")
            .Produces(StatusCodes.Status200OK, null, "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <param name="lot">Percent-encoded as in a Digital Link; read from the raw request target (see <see cref="LotAddress"/>).</param>
    public static async Task<ContentHttpResult> GetLabel(
        string gtin, string lot, HttpContext context, IOptions<TraceOptions> options, Traceability.Storage.ITraceStore store,
        CancellationToken cancellationToken)
    {
        var link = LotAddress.Parse(context, gtin);
        var qr = QrSymbol.Encode(link.ToUri(LotAddress.PublicBase(context, options.Value))).ToSvg(QrPixels);
        var language = LabelPage.Language(context.Request);
        var name = Localised.Pick((await store.GetProductAsync(link.Gtin.Value, cancellationToken))?.Name, language);

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = LabelPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentLanguage = language;
        headers.Vary = "Accept-Language";
        headers.CacheControl = "no-cache"; // the product name can change with its master data
        return TypedResults.Content(LabelPage.Render(link, qr, name, language, context.Request.PathBase.ToUriComponent()), "text/html; charset=utf-8");
    }
}
