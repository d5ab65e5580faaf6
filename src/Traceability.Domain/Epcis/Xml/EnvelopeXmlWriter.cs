using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// The EPCISHeader of a written document: a Standard Business Document Header for sender, receiver and
/// instanceIdentifier, the master data in <c>extension/EPCISMasterData</c>, then the header's user extensions.
/// </summary>
internal static class EnvelopeXmlWriter
{
    public static void Header(ExtensionXmlWriter writer, JsonObject document, XmlNameTable names)
    {
        var header = document["epcisHeader"] as JsonObject;
        var sbdh = document["sender"] is not null || document["receiver"] is not null || document["instanceIdentifier"] is not null;
        if (header is null && !sbdh)
            return;
        var xml = writer.Xml;
        xml.WriteStartElement("EPCISHeader");
        if (sbdh)
            StandardBusinessDocumentHeader(writer, document);
        if (header?["epcisMasterData"] is { } masterData)
        {
            xml.WriteStartElement("extension");
            xml.WriteStartElement("EPCISMasterData");
            EventXmlWriter.Members(writer, masterData, names, "$.epcisHeader.epcisMasterData", ["vocabularyList"],
                (_, list, path) => VocabularyList(writer, list, names, path));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        if (header is not null)
        {
            foreach (var (key, value) in header)
            {
                if (key != "epcisMasterData")
                    writer.Element(key, value, names, ExtensionXmlWriter.Child("$.epcisHeader", key));
            }
        }
        xml.WriteEndElement();
    }

    /// <summary>A VocabularyList: each vocabulary with its elements, attributes and children.</summary>
    public static void VocabularyList(ExtensionXmlWriter writer, JsonNode list, XmlNameTable names, string path)
    {
        var xml = writer.Xml;
        if (list is not JsonArray vocabularies)
            throw new EpcisXmlWriteException(path, "must be an array");
        xml.WriteStartElement("VocabularyList");
        for (var i = 0; i < vocabularies.Count; i++)
        {
            var vocabularyPath = $"{path}[{i}]";
            var vocabulary = vocabularies[i] as JsonObject ?? throw new EpcisXmlWriteException(vocabularyPath, "must be an object");
            xml.WriteStartElement("Vocabulary");
            if (vocabulary["type"] is { } type)
                xml.WriteAttributeString("type", ExtensionXmlWriter.Text(type, vocabularyPath + ".type"));
            foreach (var (key, value) in vocabulary)
            {
                if (key == "vocabularyElementList" && value is not null)
                    EventXmlWriter.List(writer, "VocabularyElementList", "VocabularyElement", value, vocabularyPath + "." + key,
                        (element, elementPath) => Element(writer, element, names, elementPath));
                else if (key != "type")
                    writer.Element(key, value, names, ExtensionXmlWriter.Child(vocabularyPath, key));
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Element(ExtensionXmlWriter writer, JsonNode? node, XmlNameTable names, string path)
    {
        var xml = writer.Xml;
        var element = node as JsonObject ?? throw new EpcisXmlWriteException(path, "must be an object");
        if (element["id"] is { } id)
            xml.WriteAttributeString("id", ExtensionXmlWriter.Text(id, path + ".id"));
        if (element["attributes"] is JsonArray attributes)
        {
            for (var i = 0; i < attributes.Count; i++)
            {
                var attributePath = $"{path}.attributes[{i}]";
                var attribute = attributes[i] as JsonObject ?? throw new EpcisXmlWriteException(attributePath, "must be an object");
                // The attribute element carries its value as an extension element does: text, or nested elements.
                xml.WriteStartElement("attribute");
                if (attribute["id"] is { } attributeId)
                    xml.WriteAttributeString("id", ExtensionXmlWriter.Text(attributeId, attributePath + ".id"));
                writer.Content(attribute["attribute"], names, attributePath + ".attribute");
                xml.WriteEndElement();
            }
        }
        if (element["children"] is { } children)
            EventXmlWriter.List(writer, "children", "id", children, path + ".children", (child, childPath) => xml.WriteString(ExtensionXmlWriter.Text(child, childPath)));
        foreach (var (key, value) in element)
        {
            if (key is not ("id" or "attributes" or "children"))
                writer.Element(key, value, names, ExtensionXmlWriter.Child(path, key));
        }
    }

    private static void StandardBusinessDocumentHeader(ExtensionXmlWriter writer, JsonObject document)
    {
        var xml = writer.Xml;
        const string ns = XmlNamespaces.Sbdh;
        xml.WriteStartElement("sbdh", "StandardBusinessDocumentHeader", ns);
        xml.WriteElementString("HeaderVersion", ns, "1.0");
        foreach (var (key, element) in (ReadOnlySpan<(string, string)>)[("sender", "Sender"), ("receiver", "Receiver")])
        {
            if (document[key] is { } party)
            {
                xml.WriteStartElement(element, ns);
                xml.WriteElementString("Identifier", ns, ExtensionXmlWriter.Text(party, "$." + key));
                xml.WriteEndElement();
            }
        }
        xml.WriteStartElement("DocumentIdentification", ns);
        xml.WriteElementString("Standard", ns, "EPCglobal");
        xml.WriteElementString("TypeVersion", ns, "2.0");
        if (document["instanceIdentifier"] is { } instance)
            xml.WriteElementString("InstanceIdentifier", ns, ExtensionXmlWriter.Text(instance, "$.instanceIdentifier"));
        xml.WriteElementString("Type", ns, "Events");
        if (document["creationDate"] is { } created)
            xml.WriteElementString("CreationDateAndTime", ns, ExtensionXmlWriter.Text(created, "$.creationDate"));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
