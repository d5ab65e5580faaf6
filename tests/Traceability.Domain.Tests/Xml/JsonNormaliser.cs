using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Tests.Xml;

/// <summary>
/// An event's JSON with spelling differences the XML round trip may introduce taken out, so "the same event"
/// can be compared exactly: prefixed names expanded to <c>{namespace}local</c>, @context dropped, CBV and GS1
/// vocabulary values made bare, numbers compared by value, text trimmed, one-item extension arrays unwrapped,
/// nested arrays flattened, empty extension objects and arrays taken as empty text.
/// </summary>
internal static class JsonNormaliser
{
    private static readonly Dictionary<string, string> Standard = new()
    {
        ["epcis"] = "https://ref.gs1.org/epcis/", ["cbv"] = "https://ref.gs1.org/cbv/", ["cbvmda"] = "urn:epcglobal:cbv:mda:",
        ["gs1"] = "https://gs1.org/voc/", ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#", ["owl"] = "http://www.w3.org/2002/07/owl#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#", ["dcterms"] = "http://purl.org/dc/terms/",
    };

    public static JsonNode Event(JsonObject evt, JsonNode? documentContext)
    {
        var names = new Dictionary<string, string>(Standard);
        Collect(documentContext, names);
        Collect(evt["@context"], names);
        return Node(evt, names, isExtension: false)!;
    }

    private static JsonNode? Node(JsonNode? node, Dictionary<string, string> names, bool isExtension, string? key = null)
    {
        switch (node)
        {
            case JsonObject obj:
                if (isExtension && obj.Count == 0)
                    return "";
                if (isExtension && obj.Count == 1 && obj.TryGetPropertyValue("@value", out var own))
                    return Node(own, names, isExtension, key);
                var result = new JsonObject();
                foreach (var (name, value) in obj.OrderBy(p => Expand(p.Key, names), StringComparer.Ordinal))
                {
                    if (name == "@context")
                        continue;
                    var extension = isExtension || !IsStandard(name);
                    var normalised = Node(value, names, extension, name);
                    if (normalised is JsonArray { Count: 0 } && extension)
                        continue;
                    result[Expand(name, names)] = normalised;
                }
                return result;
            case JsonArray array:
                var items = Flatten(array).Select(item => Node(item, names, isExtension, key)).ToList();
                if ((isExtension || key == "certificationInfo") && items.Count == 1)
                    return items[0];
                return new JsonArray([.. items]);
            case JsonValue value:
                return Value(value, key);
            default:
                return null;
        }
    }

    private static JsonNode Value(JsonValue value, string? key)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                var text = value.ToJsonString();
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? JsonValue.Create("number:" + d.ToString("G29", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.'))!
                    : JsonValue.Create("number:" + double.Parse(text, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture))!;
            case JsonValueKind.String:
                var s = value.GetValue<string>().Trim();
                if (key is "type" or "exception" && s.StartsWith("gs1:", StringComparison.Ordinal))
                    s = s[4..];
                if (key is "type" or "exception" && s.StartsWith("https://gs1.org/voc/", StringComparison.Ordinal))
                    s = s["https://gs1.org/voc/".Length..];
                return JsonValue.Create(Cbv.ShortName(s))!;
            default:
                return value.DeepClone();
        }
    }

    private static IEnumerable<JsonNode?> Flatten(JsonArray array) =>
        array.SelectMany(item => item is JsonArray inner ? Flatten(inner) : [item]);

    private static bool IsStandard(string name) => !name.Contains(':') && !name.StartsWith('@');

    private static string Expand(string name, Dictionary<string, string> names)
    {
        var colon = name.IndexOf(':');
        if (colon > 0 && names.TryGetValue(name[..colon], out var ns))
            return "{" + (ns == "urn:epcglobal:cbv:mda" ? "urn:epcglobal:cbv:mda:" : ns) + "}" + name[(colon + 1)..];
        if (colon > 0 && name.Contains("://", StringComparison.Ordinal))
        {
            var cut = name.LastIndexOfAny(['/', '#']);
            return "{" + name[..(cut + 1)] + "}" + name[(cut + 1)..];
        }
        return name;
    }

    private static void Collect(JsonNode? context, Dictionary<string, string> names)
    {
        switch (context)
        {
            case JsonArray array:
                foreach (var item in array)
                    Collect(item, names);
                break;
            case JsonObject obj:
                foreach (var (term, value) in obj)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var iri) && !term.StartsWith('@'))
                        names[term] = iri;
                }
                break;
        }
    }
}
