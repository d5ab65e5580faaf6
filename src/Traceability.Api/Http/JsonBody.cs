using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;
using Traceability.Domain;

namespace Traceability.Api.Http;

/// <summary>
/// Reads a JSON request body at the edge, so nothing past it meets malformed input: the media type must be
/// <c>application/json</c> or <c>application/ld+json</c> (charset UTF-8 if given; 415 otherwise), the body at most
/// a given size (413), valid UTF-8, well-formed, at most 64 levels deep, without duplicate member names, and without
/// numbers a double cannot hold (400, each naming what is wrong).
/// </summary>
public static class JsonBody
{
    /// <summary>Bodies of everything but capture: a recall, a product, a lab result are small.</summary>
    public const int DefaultMaxBytes = 256 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>Typed bodies: web names, but numbers must be numbers (the web defaults also read them from strings).</summary>
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
    };

    /// <summary>A small JSON object body as <typeparamref name="T"/>; a field of the wrong type is a 400 naming it.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, string code = "invalid-body", int maxBytes = DefaultMaxBytes)
        where T : class
    {
        var json = await ReadAsync(request, maxBytes, cancellationToken);
        if (json is not JsonObject) throw TraceError.Invalid(code, "$", "the body must be a JSON object");
        try
        {
            return json.Deserialize<T>(Strict) ?? throw TraceError.Invalid(code, "$", "the body must be a JSON object");
        }
        catch (JsonException ex)
        {
            var path = ex.Path ?? "$";
            throw TraceError.Invalid(code, path, $"{path} has the wrong type");
        }
    }

    public static bool IsJsonMediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase))
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    public static async Task<JsonNode?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJsonMediaType(request.ContentType))
            throw new TraceError(ErrorKind.UnsupportedMediaType, "unsupported-media-type",
                $"send the body as application/json or application/ld+json (UTF-8), not \"{request.ContentType}\"");
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes) + 1);
        while (true)
        {
            var span = buffer.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(span, cancellationToken);
            if (read == 0) break;
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes) throw TooLarge(maxBytes);
        }
        return Parse(buffer.WrittenMemory);
    }

    public static JsonNode? Parse(ReadOnlyMemory<byte> utf8)
    {
        if (!Utf8.IsValid(utf8.Span))
            throw TraceError.Invalid("malformed-json", "$", "the body is not valid UTF-8");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8.Span, new JsonNodeOptions { PropertyNameCaseInsensitive = false }, Options);
        }
        catch (JsonException ex)
        {
            throw TraceError.Invalid("malformed-json", "$", $"the body is not well-formed JSON: {ex.Message}");
        }
        CheckNumbers(node, "$");
        return node;
    }

    private static void CheckNumbers(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj) CheckNumbers(value, $"{path}.{name}");
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) CheckNumbers(array[i], $"{path}[{i}]");
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                var raw = value.ToJsonString();
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                    throw TraceError.Invalid("malformed-json", path, $"the number {raw[..Math.Min(raw.Length, 40)]} is out of range");
                break;
        }
    }

    private static TraceError TooLarge(int maxBytes) =>
        new(ErrorKind.PayloadTooLarge, "payload-too-large", $"the body is larger than {maxBytes:N0} bytes");
}
