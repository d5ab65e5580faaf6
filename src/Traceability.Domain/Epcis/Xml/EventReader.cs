using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// One event element into its EPCIS 2.0 JSON form. The 1.2 → 2.0 mapping is the standard's: what EPCIS 1.x
/// nested in <c>&lt;baseExtension&gt;</c> (eventID, errorDeclaration) and in the event's <c>&lt;extension&gt;</c>
/// (quantity lists, sources, destinations, ILMD) and its inner <c>&lt;extension&gt;</c> (sensor elements,
/// persistent disposition, as GS1's 2.0→1.2 stylesheet writes them) become fields of the event, so those
/// wrappers are looked through wherever they stand. Element order is not enforced (peers send fields in any
/// order and JSON has none); a field given twice is refused.
/// </summary>
internal static class EventReader
{
    private const int MaxWrapperNesting = 3;

    /// <summary>The JSON of an event and where its relocated or renamed top-level fields were in the XML.</summary>
    public readonly record struct Result(JsonObject Event, string Path, Dictionary<string, string>? Locations);

    /// <param name="isDocumentRoot">A bare event sent on its own may carry the document attributes.</param>
    public static Result Read(XmlSource source, EventType type, bool isDocumentRoot)
    {
        var element = source.Enter(indexed: !isDocumentRoot);
        var path = source.Path.Current;
        var evt = new JsonObject { ["type"] = type.ToString() };
        Dictionary<string, string>? locations = null;
        var reader = source.Reader;
        var started = false;
        while (source.NextAttribute(ref started))
        {
            var ns = reader.NamespaceURI;
            if (ns == XmlNamespaces.Xsi || ns == XmlNamespaces.Xml
                || (isDocumentRoot && ns.Length == 0 && reader.LocalName is "schemaVersion" or "creationDate"))
            {
                continue;
            }
            if (XmlNamespaces.IsEpcis(ns))
                source.ErrorAt(source.AttributePath, $"'{reader.LocalName}' is not an attribute of {type}; user extensions need a namespace");
            else
                ExtensionReader.Add(evt, source.Prefixes.PrefixFor(ns, reader.Prefix) + ":" + reader.LocalName, reader.Value);
        }
        Children(source, element, evt, type, "", ref locations);
        return new Result(evt, path, locations);
    }

    private static void Children(XmlSource source, in XmlSource.Element parent, JsonObject evt, EventType type, string wrapper,
        ref Dictionary<string, string>? locations)
    {
        while (source.NextChild(parent))
        {
            if (!source.IsEpcis)
            {
                var written = source.Reader.Name;
                var key = ExtensionReader.Key(source);
                ExtensionReader.Add(evt, key, ExtensionReader.Read(source));
                if (wrapper.Length > 0 || key != written)
                    (locations ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = wrapper + written;
                continue;
            }
            var name = source.LocalName;
            if (name is "baseExtension" or "extension")
            {
                if (wrapper.Count(c => c == '/') >= MaxWrapperNesting)
                {
                    source.Reject($"<{name}> wrappers nest more than {MaxWrapperNesting} deep", indexed: false);
                    continue;
                }
                var inner = source.Enter(indexed: false);
                Children(source, inner, evt, type, wrapper + name + "/", ref locations);
                continue;
            }
            if (EventFields.Parse(name) is not { } field || field is EventField.Context or EventField.Type)
            {
                source.Reject($"<{name}> is not an element of {type}; user extensions need a namespace of their own");
                continue;
            }
            if (!EventFields.IsAllowed(type, field))
            {
                source.Reject($"<{name}> is not a field of {type}", indexed: false);
                continue;
            }
            var repeatable = field == EventField.CertificationInfo;
            if (evt.ContainsKey(name) && !repeatable)
            {
                source.Reject($"{name} appears more than once", indexed: false);
                continue;
            }
            var value = Field(source, field, source.Enter(indexed: repeatable));
            if (value is null)
                continue;
            if (repeatable)
                ExtensionReader.Add(evt, name, value);
            else
                evt[name] = value;
            if (wrapper.Length > 0)
                (locations ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = wrapper + name;
        }
    }

    private static JsonNode? Field(XmlSource source, EventField field, in XmlSource.Element element) => field switch
    {
        EventField.EventTime or EventField.RecordTime => FieldReader.DateTime(source, element),
        EventField.BizStep => FieldReader.Vocabulary(source, element, CbvVocabulary.BizStep),
        EventField.Disposition => FieldReader.Vocabulary(source, element, CbvVocabulary.Disposition),
        EventField.EpcList or EventField.ChildEpcs or EventField.InputEpcList or EventField.OutputEpcList =>
            FieldReader.IdentifierList(source, element),
        EventField.QuantityList or EventField.ChildQuantityList or EventField.InputQuantityList or EventField.OutputQuantityList =>
            FieldReader.QuantityList(source, element),
        EventField.PersistentDisposition => FieldReader.PersistentDisposition(source, element),
        EventField.ReadPoint or EventField.BizLocation => FieldReader.Place(source, element),
        EventField.BizTransactionList => FieldReader.BizTransactions(source, element),
        EventField.SourceList => FieldReader.Parties(source, element, "source"),
        EventField.DestinationList => FieldReader.Parties(source, element, "destination"),
        EventField.SensorElementList => SensorReader.ElementList(source, element),
        EventField.Ilmd => FieldReader.Ilmd(source, element),
        EventField.ErrorDeclaration => FieldReader.ErrorDeclaration(source, element),
        // eventTimeZoneOffset, eventID, certificationInfo, action, parentID, transformationID: plain values.
        _ => FieldReader.Text(source, element),
    };
}
