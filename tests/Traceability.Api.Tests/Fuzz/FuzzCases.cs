using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Traceability.Api.Tests.Fuzz;

/// <summary>
/// Generates one fuzz request from a seed: an endpoint template with its parameters filled with real or hostile
/// values, maybe a query string, maybe a header, and for writes a valid seed body mutated zero or more times.
/// Built from one 64-bit seed so that CsCheck's printed seed replays the exact request.
/// </summary>
internal static class FuzzCases
{
    private static readonly string[] Hostile =
    [
        "", " ", "%00", "%0D%0A", "..", "%2E%2E", "%2e", "a%2Fb", "%ZZ", "%", "%E6%89%B9", "批次", "😀", "\u202e", "0", "-1", "1e400",
        "99999999999999999999999999", "null", "true", "[]", "{}", "ni:///sha-256;zz?ver=CBV2.0", "06901234100013", "00000000000000",
        "https://id.gs1.org/01/06901234100013/10/A", "urn:epc:id:sgtin:0614141.812345.6789", new string('x', 3000), "A.svg", "A.sv%67", "A%2Epng",
        "'\"<script>", "=SUM(1)", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-12:00",
    ];

    private static readonly string[] QueryNames =
    [
        "perPage", "nextPageToken", "direction", "lang", "linkType", "from", "to", "gtin", "lot", "affecting", "size", "eventType",
        "EQ_bizStep", "MATCH_anyEPC", "MATCH_epcClass", "GE_eventTime", "LT_eventTime", "EQ_bizLocation", "EQ_disposition", "unknown", "format",
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/ld+json", "application/jsonx", "text/plain", null,
        "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/xml",
    ];

    private static readonly string[] Headers =
    [
        "GS1-Capture-Error-Behaviour: proceed", "GS1-Capture-Error-Behaviour: rollback", "GS1-Capture-Error-Behaviour: maybe",
        "Idempotency-Key: k-1", "Idempotency-Key: " + new string('k', 500), "Accept-Language: zh-CN", "GS1-EPC-Format: Always_EPC_URN",
    ];

    private static readonly string[] OtherMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    public static Gen<NoClientInputBreaksTheApi.Case> Case((string Method, string Pattern)[] templates, string[] callers, Seeds seeds) =>
        Gen.ULong.Select(seed => Build(new Random(unchecked((int)seed ^ (int)(seed >> 32))), templates, callers, seeds));

    private static NoClientInputBreaksTheApi.Case Build(Random r, (string Method, string Pattern)[] templates, string[] callers, Seeds seeds)
    {
        var (method, pattern) = templates[r.Next(templates.Length)];
        if (r.Next(12) == 0) method = OtherMethods[r.Next(OtherMethods.Length)];
        var path = Fill(pattern, r, seeds);
        if (r.Next(3) == 0)
        {
            var query = Enumerable.Range(0, 1 + r.Next(3)).Select(_ =>
                $"{QueryNames[r.Next(QueryNames.Length)]}={(r.Next(2) == 0 ? seeds.Value(QueryNames[r.Next(QueryNames.Length)], r) : Hostile[r.Next(Hostile.Length)])}");
            path += "?" + string.Join("&", query);
        }
        byte[]? body = null;
        string? contentType = null;
        if (method is "POST" or "PUT" or "PATCH" || r.Next(10) == 0)
        {
            contentType = ContentTypes[r.Next(ContentTypes.Length)];
            body = r.Next(10) == 0 ? RandomBytes(r) : Mutate(seeds.Body(pattern, r), r);
        }
        var header = r.Next(4) == 0 ? Headers[r.Next(Headers.Length)] : null;
        return new(callers[r.Next(callers.Length)], method, path, contentType, body, header);
    }

    private static string Fill(string pattern, Random r, Seeds seeds)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0) { builder.Append(pattern, i, pattern.Length - i); break; }
            builder.Append(pattern, i, open - i);
            var close = pattern.IndexOf('}', open);
            var name = pattern[(open + 1)..close].TrimStart('*').Split(':')[0];
            builder.Append(r.Next(3) == 0 ? Hostile[r.Next(Hostile.Length)] : seeds.Value(name, r));
            i = close + 1;
        }
        return builder.Length == 0 ? "/" : builder.ToString();
    }

    private static byte[] Mutate(JsonNode? seed, Random r)
    {
        var text = seed?.ToJsonString() ?? "null";
        var rounds = r.Next(4); // zero rounds sends the valid seed itself
        for (var k = 0; k < rounds; k++)
        {
            switch (r.Next(6))
            {
                case 0 or 1 or 2:
                    try
                    {
                        var node = JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 1024 });
                        ReplaceSomewhere(node, r);
                        text = node?.ToJsonString() ?? "null";
                    }
                    catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
                    {
                        // already broken by an earlier round (JsonNode reads lazily): break it no further this way
                    }
                    break;
                case 3 when text.Length > 2:
                    text = text[..r.Next(1, text.Length)]; // truncated
                    break;
                case 4 when text.StartsWith('{'):
                    var comma = text.IndexOf(',');
                    if (comma > 1) text = text[..comma] + "," + text[1..comma] + text[comma..]; // a duplicate key
                    break;
                default:
                    text = new string('[', 200) + text + new string(']', 200); // deeper than the parser allows
                    break;
            }
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        if (r.Next(15) == 0 && bytes.Length > 4) bytes[r.Next(bytes.Length)] = (byte)(0x80 + r.Next(0x7f)); // invalid UTF-8
        return bytes;
    }

    private static void ReplaceSomewhere(JsonNode? node, Random r)
    {
        var containers = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            if (n is JsonObject o) { containers.Add(o); foreach (var (_, v) in o) Walk(v); }
            else if (n is JsonArray a) { containers.Add(a); foreach (var v in a) Walk(v); }
        }
        Walk(node);
        if (containers.Count == 0) return;
        var target = containers[r.Next(containers.Count)];
        if (target is JsonObject obj && obj.Count > 0)
        {
            var key = obj.ElementAt(r.Next(obj.Count)).Key;
            if (r.Next(4) == 0) obj.Remove(key);
            else obj[key] = Weird(r);
        }
        else if (target is JsonArray array)
        {
            if (array.Count > 0 && r.Next(2) == 0) array[r.Next(array.Count)] = Weird(r);
            else array.Add(Weird(r));
        }
    }

    private static JsonNode? Weird(Random r) => r.Next(16) switch
    {
        0 => null,
        1 => JsonValue.Create(r.Next(2) == 0),
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(0),
        4 => JsonValue.Create(1.7976931348623157e308),
        5 => JsonValue.Create(79228162514264337593543950335m),
        6 => JsonValue.Create(""),
        7 => JsonValue.Create(new string('é', 5000)),
        8 => JsonValue.Create("\u0000\r\n"),
        9 => new JsonObject(),
        10 => new JsonArray(),
        11 => JsonValue.Create("0001-01-01T00:00:00Z"),
        12 => JsonValue.Create("urn:epc:id:sgtin:0614141.812345.6789"),
        13 => JsonValue.Create("https://id.gs1.org/01/06901234100013/10/%00"),
        14 => new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode?)JsonValue.Create($"https://id.gs1.org/01/06901234100013/21/{i}")).ToArray()),
        _ => JsonValue.Create(Hostile[r.Next(Hostile.Length)]),
    };

    private static byte[] RandomBytes(Random r)
    {
        var bytes = new byte[r.Next(0, 300)];
        r.NextBytes(bytes);
        return bytes;
    }
}
