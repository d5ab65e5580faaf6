using System.Collections.Frozen;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// The namespaces of the EPCIS XML bindings, and how XML namespaces meet the JSON-LD prefixes of the standard
/// EPCIS 2.0 context (https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld).
/// </summary>
internal static class XmlNamespaces
{
    public const string Epcis1 = "urn:epcglobal:epcis:xsd:1";
    public const string Epcis2 = "urn:epcglobal:epcis:xsd:2";
    public const string Query1 = "urn:epcglobal:epcis-query:xsd:1";
    public const string Query2 = "urn:epcglobal:epcis-query:xsd:2";
    public const string MasterData1 = "urn:epcglobal:epcis-masterdata:xsd:1";
    public const string MasterData2 = "urn:epcglobal:epcis-masterdata:xsd:2";
    public const string Sbdh = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
    public const string Epcglobal = "urn:epcglobal:xsd:1";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string XmlSchema = "http://www.w3.org/2001/XMLSchema";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";

    /// <summary>The XML namespace of CBV master data attributes; the JSON-LD context spells it with a trailing colon.</summary>
    public const string CbvMda = "urn:epcglobal:cbv:mda";

    /// <summary>Prefixes the standard EPCIS 2.0 JSON-LD context defines, with their IRIs.</summary>
    public static readonly FrozenDictionary<string, string> StandardPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["epcis"] = "https://ref.gs1.org/epcis/",
        ["cbv"] = "https://ref.gs1.org/cbv/",
        ["cbvmda"] = "urn:epcglobal:cbv:mda:",
        ["gs1"] = "https://gs1.org/voc/",
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["owl"] = "http://www.w3.org/2002/07/owl#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["dcterms"] = "http://purl.org/dc/terms/",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> StandardByNamespace = StandardPrefixes
        .Select(p => KeyValuePair.Create(p.Value, p.Key))
        .Append(KeyValuePair.Create(CbvMda, "cbvmda"))
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Namespaces of the EPCIS standard elements: documents, query documents, or none (unqualified).</summary>
    public static bool IsEpcis(string ns) => ns.Length == 0 || ns is Epcis1 or Epcis2 or Query1 or Query2;

    /// <summary>Namespaces of XML and schema machinery: never user extensions, never in @context.</summary>
    public static bool IsInfrastructure(string ns) =>
        IsEpcis(ns) || ns is MasterData1 or MasterData2 or Sbdh or Epcglobal or Xsi or Xml or Xmlns
            or XmlSchema or "http://www.w3.org/2001/XMLSchema#";

    /// <summary>The standard JSON-LD prefix of a namespace (gs1, cbvmda …), or null.</summary>
    public static string? StandardPrefixOf(string ns) => StandardByNamespace.GetValueOrDefault(ns);

    /// <summary>The namespace the XML binding writes for a standard prefix (cbvmda keeps its XML spelling).</summary>
    public static string XmlNamespaceOfStandard(string prefix) => prefix == "cbvmda" ? CbvMda : StandardPrefixes[prefix];

    /// <summary>
    /// Whether an XML prefix can stand as a JSON-LD prefix: not a standard one, not "_" (blank nodes), and not a
    /// URI scheme that would make "prefix:name" read as an absolute IRI.
    /// </summary>
    public static bool IsUsableJsonPrefix(string prefix) =>
        prefix.Length > 0 && !StandardPrefixes.ContainsKey(prefix) && prefix is not ("_" or "urn" or "http" or "https");
}
