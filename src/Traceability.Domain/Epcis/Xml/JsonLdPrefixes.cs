using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// Chooses the JSON-LD prefix of every XML namespace a document uses for user extensions and records the
/// definitions the produced @context needs: document-wide ones (declared on the envelope) and, on top, those of
/// the event being read (declared inside it). The XML prefix is kept when it is free; a prefix already standing
/// for another namespace, a standard one (gs1, cbv …) or an unusable one (_, urn, http) gets a fresh "nsN".
/// Within the document plus the current event, prefixes and namespaces correspond one to one, so a name keeps
/// its meaning however the XML spelt it.
/// </summary>
internal sealed class JsonLdPrefixes
{
    private readonly Dictionary<string, string> _documentByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _documentByPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _eventByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _eventByPrefix = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedByEvents = new(StringComparer.Ordinal);
    private JsonObject? _documentDefinitions;
    private JsonObject? _eventDefinitions;
    private bool _inEvent;
    private int _generated;

    /// <summary>The document's @context: the EPCIS context, then the definitions of its own namespaces (grows).</summary>
    public JsonArray DocumentContext { get; } = new((JsonNode)EpcisContextUri);

    public const string EpcisContextUri = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /// <summary>A namespace declaration met on an element: user namespaces get their prefix at once.</summary>
    public void Declare(string ns, string xmlPrefix)
    {
        if (xmlPrefix.Length > 0 && !XmlNamespaces.IsInfrastructure(ns))
            PrefixFor(ns, xmlPrefix);
    }

    /// <summary>The JSON-LD prefix of a user namespace, defining it in the current scope when new.</summary>
    public string PrefixFor(string ns, string xmlPrefix)
    {
        if (XmlNamespaces.StandardPrefixOf(ns) is { } standard)
            return standard;
        if (_documentByNamespace.TryGetValue(ns, out var prefix) || (_inEvent && _eventByNamespace.TryGetValue(ns, out prefix)))
            return prefix;
        prefix = XmlNamespaces.IsUsableJsonPrefix(xmlPrefix) && !IsTaken(xmlPrefix) ? xmlPrefix : Generate();
        if (_inEvent)
        {
            _eventByNamespace[ns] = prefix;
            _eventByPrefix[prefix] = ns;
            (_eventDefinitions ??= new JsonObject())[prefix] = ns;
        }
        else
        {
            _documentByNamespace[ns] = prefix;
            _documentByPrefix[prefix] = ns;
            if (_documentDefinitions is null)
            {
                _documentDefinitions = new JsonObject();
                DocumentContext.Add(_documentDefinitions);
            }
            _documentDefinitions[prefix] = ns;
        }
        return prefix;
    }

    public void BeginEvent() => _inEvent = true;

    /// <summary>Leaves the event; returns the definitions its own @context needs (null when none).</summary>
    public JsonObject? EndEvent()
    {
        var definitions = _eventDefinitions;
        _usedByEvents.UnionWith(_eventByPrefix.Keys);
        _eventByNamespace.Clear();
        _eventByPrefix.Clear();
        _eventDefinitions = null;
        _inEvent = false;
        return definitions;
    }

    // Prefixes defined after some events (in the document's trailer) must not change what those events meant.
    private bool IsTaken(string prefix) =>
        _documentByPrefix.ContainsKey(prefix) || (_inEvent ? _eventByPrefix.ContainsKey(prefix) : _usedByEvents.Contains(prefix));

    private string Generate()
    {
        string prefix;
        do
        {
            prefix = "ns" + ++_generated;
        }
        while (IsTaken(prefix));
        return prefix;
    }
}
