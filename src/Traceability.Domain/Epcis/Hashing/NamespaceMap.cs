using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Hashing;

/// <summary>
/// The JSON-LD prefixes, terms and default vocabulary in scope for an event: those of the standard EPCIS 2.0
/// context, then the document's @context, then the event's own @context (later definitions win, as in JSON-LD).
/// Turns extension names into the "{namespace}localName" form the pre-hash uses (CBV 2.0 §8.9 rules 19-21) and
/// compact IRI values into full IRIs (rule 15).
/// </summary>
internal sealed class NamespaceMap
{
    /// <summary>Prefixes defined by https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld.</summary>
    public static readonly NamespaceMap Standard = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["epcis"] = "https://ref.gs1.org/epcis/",
        ["cbv"] = "https://ref.gs1.org/cbv/",
        ["cbvmda"] = "urn:epcglobal:cbv:mda:",
        ["gs1"] = "https://gs1.org/voc/",
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["owl"] = "http://www.w3.org/2002/07/owl#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["dcterms"] = "http://purl.org/dc/terms/",
    }, vocab: null);

    private readonly Dictionary<string, string> _definitions;
    private readonly string? _vocab;

    private NamespaceMap(Dictionary<string, string> definitions, string? vocab)
    {
        _definitions = definitions;
        _vocab = vocab;
    }

    /// <summary>This map extended by a JSON-LD @context value (a string, an object, or an array of them).</summary>
    public NamespaceMap With(JsonNode? context)
    {
        if (context is null || !Defines(context))
            return this;
        var definitions = new Dictionary<string, string>(_definitions, StringComparer.Ordinal);
        var vocab = _vocab;
        Add(context, definitions, ref vocab);
        return new NamespaceMap(definitions, vocab);
    }

    /// <summary>
    /// The pre-hash name of a property: <c>example:myField</c> becomes <c>{https://ns.example.com/epcis/}myField</c>.
    /// A name this map cannot resolve is kept as written, so that it still counts in the hash.
    /// </summary>
    public string ExpandName(string name)
    {
        var colon = name.IndexOf(':');
        if (colon > 0)
        {
            if (IsCompactIri(name, colon) && _definitions.TryGetValue(name[..colon], out var ns))
                return "{" + ns + "}" + name[(colon + 1)..];
            return name.Contains("://", StringComparison.Ordinal) ? SplitIri(name) : name;
        }
        if (_definitions.TryGetValue(name, out var iri))
            return SplitIri(iri);
        return _vocab is null ? name : "{" + _vocab + "}" + name;
    }

    /// <summary>The full IRI of a compact IRI value such as <c>gs1:Temperature</c>; null when it is not one.</summary>
    public string? ExpandCompactValue(string value)
    {
        var colon = value.IndexOf(':');
        return colon > 0 && IsCompactIri(value, colon) && _definitions.TryGetValue(value[..colon], out var ns)
            ? ns + value[(colon + 1)..]
            : null;
    }

    // "https://x" is an absolute IRI, not prefix "https" (JSON-LD 1.1 §4.4 compact IRIs).
    private static bool IsCompactIri(string text, int colon) =>
        !(text.Length > colon + 2 && text[colon + 1] == '/' && text[colon + 2] == '/');

    private static string SplitIri(string iri)
    {
        var cut = iri.LastIndexOfAny(['/', '#']);
        return cut <= 0 || cut == iri.Length - 1 ? iri : "{" + iri[..(cut + 1)] + "}" + iri[(cut + 1)..];
    }

    private static bool Defines(JsonNode context) => context switch
    {
        JsonObject o => o.Count > 0,
        JsonArray a => a.Any(item => item is JsonObject { Count: > 0 }),
        _ => false, // a context URL: the only one EPCIS documents use is the standard context, already in Standard
    };

    private static void Add(JsonNode? context, Dictionary<string, string> definitions, ref string? vocab)
    {
        switch (context)
        {
            case JsonArray array:
                foreach (var item in array)
                    Add(item, definitions, ref vocab);
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "@vocab")
                        vocab = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
                    else if (!key.StartsWith('@') && IriOf(value) is { } iri)
                        definitions[key] = iri;
                }
                break;
        }
    }

    private static string? IriOf(JsonNode? definition) => definition switch
    {
        JsonValue v when v.TryGetValue<string>(out var iri) => iri,
        JsonObject o when o["@id"] is JsonValue id && id.TryGetValue<string>(out var iri) => iri,
        _ => null,
    };
}
