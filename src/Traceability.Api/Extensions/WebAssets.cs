using Microsoft.Extensions.FileProviders;

namespace Traceability.Api.Extensions;

/// <summary>
/// The browser pages and scripts under wwwroot (scanner, verification modules, the bundled barcode reader), served
/// same-origin only: no CDN, and every HTML page carries <see cref="ContentSecurityPolicy"/>.
/// </summary>
public static class WebAssets
{
    /// <summary>
    /// Scripts, styles, images and media from this origin only (images and media also from blob: URLs, which photo
    /// decoding and camera preview use); no plugins, no framing, no foreign form targets.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; object-src 'none'; "
        + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// Serves wwwroot from the project folder when the app runs from it (dotnet run, WebApplicationFactory), else from
    /// the copy beside the built assembly (scripts/start runs the built dll from the repository root).
    /// </summary>
    public static WebApplicationBuilder UseBuiltWebRootWhenNeeded(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        if (environment.WebRootPath is { } current && Directory.Exists(current))
            return builder;
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(beside))
        {
            environment.WebRootPath = beside;
            environment.WebRootFileProvider = new PhysicalFileProvider(beside);
        }
        return builder;
    }

    /// <summary>Static files from wwwroot, with the security headers pages need.</summary>
    public static WebApplication UseWebAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                    SecurePage(context.Context.Response);
            },
        });
        return app;
    }

    /// <summary>Headers for an HTML page: the content security policy, no referrer beyond the origin, no sniffing.</summary>
    public static void SecurePage(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
    }
}
