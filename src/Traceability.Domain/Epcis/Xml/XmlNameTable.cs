using System.Text.Json.Nodes;
using System.Xml;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// The JSON-LD prefixes in scope for writing XML (standard ones, the document's @context, the event's): which
/// XML namespace each JSON key belongs to. Later contexts override earlier ones, as JSON-LD scoping does.
/// </summary>
internal sealed class XmlNameTable
{
    public static readonly XmlNameTable Standard = new(
        XmlNamespaces.StandardPrefixes.Keys.ToDictionary(p => p, XmlNamespaces.XmlNamespaceOfStandard, StringComparer.Ordinal), null, []);

    private readonly Dictionary<string, string> _namespaces;
    private readonly string? _vocab;

    private XmlNameTable(Dictionary<string, string> namespaces, string? vocab, List<(string Prefix, string Namespace)> declared)
    {
        _namespaces = namespaces;
        _vocab = vocab;
        Declared = declared;
    }

    /// <summary>User prefixes this context level defines, to declare on the element it belongs to.</summary>
    public IReadOnlyList<(string Prefix, string Namespace)> Declared { get; }

    /// <summary>This table extended by an @context value (a URI, an object or an array of them).</summary>
    public XmlNameTable With(JsonNode? context)
    {
        var definitions = new List<(string, string)>();
        string? vocab = _vocab;
        Collect(context, definitions, ref vocab);
        if (definitions.Count == 0 && vocab == _vocab)
            return new XmlNameTable(_namespaces, _vocab, []);
        var namespaces = new Dictionary<string, string>(_namespaces, StringComparer.Ordinal);
        var declared = new List<(string, string)>();
        foreach (var (prefix, iri) in definitions)
        {
            namespaces[prefix] = iri;
            if (!XmlNamespaces.StandardPrefixes.ContainsKey(prefix) && IsDeclarable(prefix, iri))
                declared.Add((prefix, iri));
        }
        return new XmlNameTable(namespaces, vocab, declared);
    }

    /// <summary>
    /// The XML name of a JSON key: (prefix, local name, namespace). Unprefixed keys are unqualified (or in the
    /// @vocab namespace). Null when the key has no XML form.
    /// </summary>
    public (string? Prefix, string LocalName, string Namespace)? Resolve(string key)
    {
        var colon = key.IndexOf(':');
        if (colon < 0)
            return IsNcName(key) ? (_vocab is null ? (null, key, "") : (null, key, _vocab)) : null;
        var prefix = key[..colon];
        var local = key[(colon + 1)..];
        if (local.StartsWith("//", StringComparison.Ordinal))
        {
            // A full IRI as key: its namespace is everything up to the last '/' or '#'.
            var cut = key.LastIndexOfAny(['/', '#']);
            return cut > 0 && cut < key.Length - 1 && IsNcName(key[(cut + 1)..]) ? (null, key[(cut + 1)..], key[..(cut + 1)]) : null;
        }
        if (!_namespaces.TryGetValue(prefix, out var ns) || !IsNcName(local))
            return null;
        return (IsNcName(prefix) && !prefix.StartsWith("xml", StringComparison.OrdinalIgnoreCase) ? prefix : null, local, ns);
    }

    private static bool IsDeclarable(string prefix, string iri) =>
        IsNcName(prefix) && !prefix.StartsWith("xml", StringComparison.OrdinalIgnoreCase) && iri.Contains(':')
        && !XmlNamespaces.IsInfrastructure(iri);

    public static bool IsNcName(string name)
    {
        try
        {
            XmlConvert.VerifyNCName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static void Collect(JsonNode? context, List<(string, string)> definitions, ref string? vocab)
    {
        switch (context)
        {
            case JsonArray array:
                foreach (var item in array)
                    Collect(item, definitions, ref vocab);
                break;
            case JsonObject obj:
                foreach (var (term, value) in obj)
                {
                    var iri = value switch
                    {
                        JsonValue v when v.TryGetValue<string>(out var s) => s,
                        JsonObject o when o["@id"] is JsonValue id && id.TryGetValue<string>(out var s) => s,
                        _ => null,
                    };
                    if (term == "@vocab")
                        vocab = iri;
                    else if (iri is not null && !term.StartsWith('@') && !term.Contains(':'))
                        definitions.Add((term, iri));
                }
                break;
        }
    }
}
