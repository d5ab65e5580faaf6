using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>A sensor element: metadata and reports as attributes (user extensions there too), then its extensions.</summary>
internal static class SensorXmlWriter
{
    public static void Element(ExtensionXmlWriter writer, JsonNode? item, XmlNameTable names, string path)
    {
        if (item is not JsonObject sensor)
            throw new EpcisXmlWriteException(path, "must be an object with sensorReport");
        if (sensor["sensorMetadata"] is { } metadata)
            Attributes(writer, "sensorMetadata", metadata, names, ExtensionXmlWriter.Child(path, "sensorMetadata"), SensorReader.MetadataNames);
        if (sensor["sensorReport"] is { } reports)
        {
            if (reports is not JsonArray list)
                throw new EpcisXmlWriteException(ExtensionXmlWriter.Child(path, "sensorReport"), "must be an array");
            for (var i = 0; i < list.Count; i++)
                Attributes(writer, "sensorReport", list[i], names, $"{path}.sensorReport[{i}]", SensorReader.ReportNames);
        }
        foreach (var (key, value) in sensor)
        {
            if (key is not ("sensorMetadata" or "sensorReport"))
                writer.Element(key, value, names, ExtensionXmlWriter.Child(path, key));
        }
    }

    private static void Attributes(ExtensionXmlWriter writer, string elementName, JsonNode? value, XmlNameTable names, string path,
        IReadOnlyCollection<string> standard)
    {
        if (value is not JsonObject fields)
            throw new EpcisXmlWriteException(path, "must be an object");
        var xml = writer.Xml;
        xml.WriteStartElement(elementName);
        foreach (var (name, field) in fields)
        {
            var fieldPath = ExtensionXmlWriter.Child(path, name);
            if (!standard.Contains(name))
            {
                writer.Attribute(name, field, names, fieldPath);
                continue;
            }
            var text = ExtensionXmlWriter.Text(field, fieldPath);
            xml.WriteAttributeString(name, name switch
            {
                "type" or "exception" => CbvXml.Gs1TermToXml(text),
                "component" => CbvXml.ToXml(CbvVocabulary.SensorComponent, text),
                _ => text,
            });
        }
        xml.WriteEndElement();
    }
}
