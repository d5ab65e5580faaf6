using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// sensorElementList (EPCIS 2.0; in 1.2 documents inside the event's extension): sensor elements whose metadata
/// and reports are XML attributes, typed as the schema types them (numbers, booleans, times).
/// </summary>
internal static class SensorReader
{
    private enum Kind { Text, String, Time, Number, Boolean, MeasurementType, Alert, Component }

    private static readonly Dictionary<string, Kind> MetadataAttributes = new(StringComparer.Ordinal)
    {
        ["time"] = Kind.Time, ["startTime"] = Kind.Time, ["endTime"] = Kind.Time, ["deviceID"] = Kind.Text,
        ["deviceMetadata"] = Kind.Text, ["rawData"] = Kind.Text, ["bizRules"] = Kind.Text, ["dataProcessingMethod"] = Kind.Text,
    };

    private static readonly Dictionary<string, Kind> ReportAttributes = new(StringComparer.Ordinal)
    {
        ["type"] = Kind.MeasurementType, ["exception"] = Kind.Alert, ["component"] = Kind.Component, ["time"] = Kind.Time,
        ["value"] = Kind.Number, ["minValue"] = Kind.Number, ["maxValue"] = Kind.Number, ["meanValue"] = Kind.Number,
        ["sDev"] = Kind.Number, ["percRank"] = Kind.Number, ["percValue"] = Kind.Number, ["booleanValue"] = Kind.Boolean,
        ["stringValue"] = Kind.String, ["hexBinaryValue"] = Kind.Text, ["uriValue"] = Kind.Text, ["uom"] = Kind.Text,
        ["chemicalSubstance"] = Kind.Text, ["microorganism"] = Kind.Text, ["deviceID"] = Kind.Text,
        ["deviceMetadata"] = Kind.Text, ["rawData"] = Kind.Text, ["dataProcessingMethod"] = Kind.Text,
        ["coordinateReferenceSystem"] = Kind.Text, ["bizRules"] = Kind.Text,
    };

    /// <summary>The standard attribute names of sensorMetadata and sensorReport, for the writer.</summary>
    public static IReadOnlyCollection<string> MetadataNames => MetadataAttributes.Keys;
    public static IReadOnlyCollection<string> ReportNames => ReportAttributes.Keys;

    public static JsonArray ElementList(XmlSource source, in XmlSource.Element element)
    {
        var list = new JsonArray();
        while (source.NextChild(element))
        {
            if (source.IsEpcis && source.LocalName == "sensorElement")
                list.Add(Element(source, source.Enter(indexed: true)));
            else
                source.Reject("only <sensorElement> elements belong in a sensorElementList");
        }
        return list;
    }

    private static JsonObject Element(XmlSource source, in XmlSource.Element element)
    {
        var sensor = new JsonObject();
        FieldReader.ReadObject(source, element, sensor, static (s, target) =>
        {
            switch (s.LocalName)
            {
                case "sensorMetadata":
                    FieldReader.Single(s, target, "sensorMetadata", e => Attributes(s, e, MetadataAttributes));
                    return true;
                case "sensorReport":
                    var report = Attributes(s, s.Enter(indexed: true), ReportAttributes);
                    ((JsonArray)(target["sensorReport"] ??= new JsonArray())).Add(report);
                    return true;
                default:
                    return false;
            }
        });
        return sensor;
    }

    /// <summary>An element whose fields are attributes: standard ones typed, namespaced ones user extensions.</summary>
    private static JsonObject Attributes(XmlSource source, in XmlSource.Element element, Dictionary<string, Kind> standard)
    {
        var fields = new JsonObject();
        var reader = source.Reader;
        var started = false;
        while (source.NextAttribute(ref started))
        {
            var ns = reader.NamespaceURI;
            if (ns == XmlNamespaces.Xsi || ns == XmlNamespaces.Xml)
                continue;
            if (ns.Length > 0 && !XmlNamespaces.IsEpcis(ns))
                fields[source.Prefixes.PrefixFor(ns, reader.Prefix) + ":" + reader.LocalName] = reader.Value;
            else if (standard.TryGetValue(reader.LocalName, out var kind))
                // xsd:string keeps its spaces; the other types collapse them.
                fields[reader.LocalName] = Value(source, kind, kind == Kind.String ? reader.Value : source.AttributeValue);
            else
                source.ErrorAt(source.AttributePath, $"'{reader.LocalName}' is not an attribute of this element; user extensions need a namespace");
        }
        source.ReadText(element, static text => text.Length > 0 ? "holds text; its data belongs in attributes" : null);
        return fields;
    }

    private static JsonNode? Value(XmlSource source, Kind kind, string text)
    {
        switch (kind)
        {
            case Kind.Time:
                if (XmlValues.IsDateTimeStamp(text))
                    return text;
                source.ErrorAt(source.AttributePath, FieldReader.DateTimeProblem(text));
                return null;
            case Kind.Number:
                if (XmlValues.TryNumber(text, out var number))
                    return number;
                source.ErrorAt(source.AttributePath, $"must be a finite xsd:double such as 12.5; got '{text}'");
                return null;
            case Kind.Boolean:
                if (XmlValues.TryBoolean(text, out var flag))
                    return JsonValue.Create(flag);
                source.ErrorAt(source.AttributePath, $"must be true or false; got '{text}'");
                return null;
            case Kind.MeasurementType or Kind.Alert:
                return CbvXml.Gs1TermToJson(text);
            case Kind.Component:
                return FieldReader.VocabularyAttribute(source, text, CbvVocabulary.SensorComponent);
            default:
                return text;
        }
    }
}
