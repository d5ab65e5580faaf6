using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Traceability.Api.Tests.Barcodes;

internal static partial class BarcodeHttp
{
    public static async Task<byte[]> GetImageAsync(this HttpClient client, string path, string mediaType, CancellationToken cancellationToken)
    {
        var response = await client.GetAsync(path, cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code, CancellationToken cancellationToken)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        Assert.Equal($"/problems/{code}", problem["type"]!.GetValue<string>());
        return problem;
    }

    /// <summary>The d attribute of an SVG's (first) path: the modules it draws.</summary>
    public static string PathData(string svg) => PathD().Match(svg).Groups[1].Value;

    [GeneratedRegex("<path[^>]* d=\"([^\"]+)\"")]
    private static partial Regex PathD();
}
