using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// Walks the envelope of an EPCIS XML document, building its JSON-LD form, and stops at each event element:
/// the open ancestors of the events (document, body, query results, event list, EPCIS 1.2 event-list
/// extensions) are kept on a stack so the walk resumes after each event, and what follows the events (the
/// document's trailing extensions) is read when the list ends.
/// </summary>
internal sealed class DocumentWalker(XmlSource source, JsonLdPrefixes prefixes)
{
    private enum Frame { Document, Body, QueryResults, ResultsBody, EventList }

    private static readonly HashSet<string> OtherQueryBodies = new(StringComparer.Ordinal)
    {
        "GetQueryNames", "GetQueryNamesResult", "Subscribe", "SubscribeResult", "Unsubscribe", "UnsubscribeResult",
        "GetSubscriptionIDs", "GetSubscriptionIDsResult", "Poll", "GetStandardVersion", "GetStandardVersionResult",
        "GetVendorVersion", "GetVendorVersionResult", "DuplicateNameException", "InvalidURIException", "NoSuchNameException",
        "NoSuchSubscriptionException", "DuplicateSubscriptionException", "QueryParameterException", "QueryTooLargeException",
        "QueryTooComplexException", "SubscriptionControlsException", "SubscribeNotPermittedException", "SecurityException",
        "ValidationException", "ImplementationException",
    };

    private readonly Stack<(Frame Kind, XmlSource.Element Element, JsonObject? Json)> _frames = new();
    private bool _listEnded;
    private bool _rootEventPending;

    public EpcisXmlRoot Root { get; private set; }
    public string RootName { get; private set; } = "";
    public JsonObject? Document { get; private set; }
    public JsonArray? EventList { get; private set; }
    public EventType NextEventType { get; private set; }

    /// <summary>Whether fields followed the event list (then the document is validated again at the end).</summary>
    public bool HasTrailer { get; private set; }

    /// <summary>Reads the document element; a bare event is left for the caller to read as the only event.</summary>
    public void Start()
    {
        if (!source.MoveToRoot())
            throw new XmlLimitException("/", "the document is empty");
        var (name, ns) = (source.LocalName, source.NamespaceUri);
        RootName = name;
        if (EventNames.Contains(name) && ns is "" or XmlNamespaces.Epcis1 or XmlNamespaces.Epcis2)
        {
            Root = EpcisXmlRoot.Event;
            NextEventType = Enum.Parse<EventType>(name);
            _rootEventPending = true;
            return;
        }
        var isDocument = name == "EPCISDocument" && ns is XmlNamespaces.Epcis1 or XmlNamespaces.Epcis2;
        var isQuery = name == "EPCISQueryDocument" && ns is XmlNamespaces.Query1 or XmlNamespaces.Query2;
        if (!isDocument && !isQuery)
        {
            throw new XmlLimitException("/" + name, name is "EPCISDocument" or "EPCISQueryDocument"
                ? $"<{name}> must be in the namespace {(isQuery ? XmlNamespaces.Query2 : XmlNamespaces.Epcis2)} (or its EPCIS 1.x namespace); it is in '{ns}'"
                : $"the document element must be epcis:EPCISDocument, epcisq:EPCISQueryDocument or a single event; got <{source.Reader.Name}>");
        }
        Root = isDocument ? EpcisXmlRoot.EpcisDocument : EpcisXmlRoot.EpcisQueryDocument;
        var element = source.Enter(indexed: false);
        Document = new JsonObject
        {
            ["@context"] = prefixes.DocumentContext,
            ["type"] = name,
        };
        RootAttributes(ns is XmlNamespaces.Epcis1 or XmlNamespaces.Query1);
        _frames.Push((Frame.Document, element, Document));
    }

    private static readonly string[] EventNames = Enum.GetNames<EventType>();

    /// <summary>Walks on to the next event element (true, the reader on its start tag) or to the document's end.</summary>
    public bool FindNextEvent()
    {
        if (_rootEventPending)
        {
            _rootEventPending = false;
            return true;
        }
        while (_frames.Count > 0)
        {
            var (kind, element, json) = _frames.Peek();
            if (!source.NextChild(element))
            {
                _frames.Pop();
                if (kind == Frame.EventList && !_frames.Any(f => f.Kind == Frame.EventList))
                    _listEnded = true;
                continue;
            }
            if (kind == Frame.EventList)
            {
                if (EventChild())
                    return true;
                continue;
            }
            HasTrailer |= _listEnded;
            EnvelopeChild(kind, json!);
        }
        return false;
    }

    private void RootAttributes(bool isVersion1)
    {
        var reader = source.Reader;
        string? version = null, created = null;
        var started = false;
        while (source.NextAttribute(ref started))
        {
            var ns = reader.NamespaceURI;
            if (ns.Length == 0 && reader.LocalName == "schemaVersion")
                version = source.AttributeValue;
            else if (ns.Length == 0 && reader.LocalName == "creationDate")
                created = source.AttributeValue;
            else if (!XmlNamespaces.IsInfrastructure(ns))
                ExtensionReader.Add(Document!, source.Prefixes.PrefixFor(ns, reader.Prefix) + ":" + reader.LocalName, reader.Value);
        }
        if (version is null)
            source.ErrorAt(source.Path.Attribute("schemaVersion"), $"an {RootName} needs its schemaVersion attribute, e.g. \"2.0\"");
        else if (isVersion1 ? version is not ("1.0" or "1.1" or "1.2") : !(version == "2" || version.StartsWith("2.", StringComparison.Ordinal)))
            source.ErrorAt(source.Path.Attribute("schemaVersion"), $"'{version}' is not a schema version of the namespace {source.NamespaceUri}");
        else
            Document!["schemaVersion"] = isVersion1 ? "2.0" : version;
        if (created is null)
            source.ErrorAt(source.Path.Attribute("creationDate"), $"an {RootName} needs its creationDate attribute");
        else if (!XmlValues.IsDateTimeStamp(created))
            source.ErrorAt(source.Path.Attribute("creationDate"), $"must be {XmlValues.DateTimeExpected}; got '{created}'");
        else
            Document!["creationDate"] = created;
    }

    /// <summary>A child of an event list: an event (true), an EPCIS 1.2 extension wrapper, or an error.</summary>
    private bool EventChild()
    {
        if (!source.IsEpcis)
        {
            source.Reject($"<{source.Reader.Name}> is not an EPCIS event; an event list holds ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent and AssociationEvent");
            return false;
        }
        var name = source.LocalName;
        if (EventNames.Contains(name))
        {
            NextEventType = Enum.Parse<EventType>(name);
            return true;
        }
        if (name == "extension")
            _frames.Push((Frame.EventList, source.Enter(indexed: true), null));
        else if (name == "QuantityEvent")
            source.Reject("QuantityEvent was deprecated in EPCIS 1.1 and removed in 2.0; send an ObjectEvent with a quantityList instead");
        else
            source.Reject($"<{name}> is not an EPCIS event");
        return false;
    }

    private void EnvelopeChild(Frame kind, JsonObject json)
    {
        if (!source.IsEpcis)
        {
            ExtensionReader.Add(json, ExtensionReader.Key(source), ExtensionReader.Read(source));
            return;
        }
        var name = source.LocalName;
        switch (kind, name)
        {
            case (_, "extension"):
                // EPCIS 1.x forward-compatibility wrappers: their user extensions belong to the element around them.
                _frames.Push((kind, source.Enter(indexed: false), json));
                break;
            case (Frame.Document, "EPCISHeader") when !Document!.ContainsKey("epcisBody") && !Document.ContainsKey("epcisHeader"):
                EnvelopeReader.Header(source, source.Enter(indexed: false), Document);
                break;
            case (Frame.Document, "EPCISBody") when !Document!.ContainsKey("epcisBody"):
                var body = new JsonObject();
                Document["epcisBody"] = body;
                if (Root == EpcisXmlRoot.EpcisDocument)
                    body["eventList"] = EventList = new JsonArray();
                _frames.Push((Frame.Body, source.Enter(indexed: false), body));
                break;
            case (Frame.Body, "EventList") when Root == EpcisXmlRoot.EpcisDocument && !_frames.Any(f => f.Kind == Frame.EventList) && !_listEnded:
                _frames.Push((Frame.EventList, source.Enter(indexed: false), null));
                break;
            case (Frame.Body, "QueryResults") when Root == EpcisXmlRoot.EpcisQueryDocument && !json.ContainsKey("queryResults"):
                var results = new JsonObject();
                json["queryResults"] = results;
                _frames.Push((Frame.QueryResults, source.Enter(indexed: false), results));
                break;
            case (Frame.Body, _) when Root == EpcisXmlRoot.EpcisQueryDocument && OtherQueryBodies.Contains(name):
                source.Reject($"<{name}> carries no events; only QueryResults are read", indexed: false);
                break;
            case (Frame.QueryResults, "queryName" or "subscriptionID"):
                FieldReader.Single(source, json, name, e => source.ReadText(e));
                break;
            case (Frame.QueryResults, "resultsBody") when !json.ContainsKey("resultsBody"):
                var resultsBody = new JsonObject();
                json["resultsBody"] = resultsBody;
                _frames.Push((Frame.ResultsBody, source.Enter(indexed: false), resultsBody));
                break;
            case (Frame.ResultsBody, "EventList") when !json.ContainsKey("eventList") && !json.ContainsKey("vocabularyList"):
                json["eventList"] = EventList = new JsonArray();
                _frames.Push((Frame.EventList, source.Enter(indexed: false), null));
                break;
            case (Frame.ResultsBody, "VocabularyList") when !json.ContainsKey("eventList") && !json.ContainsKey("vocabularyList"):
                json["vocabularyList"] = EnvelopeReader.VocabularyList(source, source.Enter(indexed: false));
                break;
            default:
                source.Reject(IsKnown(name)
                    ? $"<{name}> is out of place or given more than once"
                    : $"<{name}> is not an element of the EPCIS binding here; user extensions need a namespace of their own", indexed: false);
                break;
        }
    }

    private static bool IsKnown(string name) =>
        name is "EPCISHeader" or "EPCISBody" or "EventList" or "QueryResults" or "queryName" or "subscriptionID" or "resultsBody" or "VocabularyList";
}
