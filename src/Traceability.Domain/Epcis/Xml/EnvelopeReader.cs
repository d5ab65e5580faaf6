using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// The parts of a document around its events: the header (the Standard Business Document Header's sender,
/// receiver and instance identifier; master data) and the master data vocabularies, in their JSON form
/// (<c>epcisHeader.epcisMasterData.vocabularyList</c>).
/// </summary>
internal static class EnvelopeReader
{
    /// <summary>EPCISHeader into the document JSON: SBDH fields at the top, epcisHeader for the rest.</summary>
    public static void Header(XmlSource source, in XmlSource.Element element, JsonObject document)
    {
        var header = new JsonObject();
        HeaderChildren(source, element, header, document);
        if (header.Count > 0)
            document["epcisHeader"] = header;
    }

    private static void HeaderChildren(XmlSource source, in XmlSource.Element element, JsonObject header, JsonObject document)
    {
        while (source.NextChild(element))
        {
            if (source.Reader.NamespaceURI == XmlNamespaces.Sbdh && source.LocalName == "StandardBusinessDocumentHeader")
                StandardBusinessDocumentHeader(source, source.Enter(indexed: false), document);
            else if (!source.IsEpcis)
                ExtensionReader.Add(header, ExtensionReader.Key(source), ExtensionReader.Read(source));
            else if (source.LocalName == "extension")
                HeaderChildren(source, source.Enter(indexed: false), header, document);
            else if (source.LocalName == "EPCISMasterData")
                FieldReader.Single(source, header, "epcisMasterData", e => MasterData(source, e));
            else
                source.Reject($"<{source.LocalName}> is not an element of EPCISHeader", indexed: false);
        }
    }

    /// <summary>
    /// The Standard Business Document Header: only what the JSON binding keeps (sender, receiver,
    /// instanceIdentifier); its other parts describe the XML message and are passed over.
    /// </summary>
    public static void StandardBusinessDocumentHeader(XmlSource source, in XmlSource.Element element, JsonObject document)
    {
        while (source.NextChild(element))
        {
            var name = source.Reader.NamespaceURI == XmlNamespaces.Sbdh ? source.LocalName : "";
            var child = source.Enter(indexed: false);
            switch (name)
            {
                case "Sender" or "Receiver":
                    var identifier = FirstChildText(source, child, "Identifier");
                    var key = name == "Sender" ? "sender" : "receiver";
                    if (identifier is not null && !document.ContainsKey(key))
                        document[key] = identifier;
                    break;
                case "DocumentIdentification":
                    if (FirstChildText(source, child, "InstanceIdentifier") is { } instance)
                        document["instanceIdentifier"] = instance;
                    break;
                default:
                    source.Skip(child);
                    break;
            }
        }
    }

    /// <summary>EPCISMasterData: its VocabularyList, extensions.</summary>
    public static JsonObject MasterData(XmlSource source, in XmlSource.Element element)
    {
        var masterData = new JsonObject();
        FieldReader.ReadObject(source, element, masterData, static (s, target) =>
        {
            if (s.LocalName != "VocabularyList")
                return false;
            FieldReader.Single(s, target, "vocabularyList", e => VocabularyList(s, e));
            return true;
        });
        return masterData;
    }

    /// <summary>VocabularyList: <c>[{type, vocabularyElementList: [{id, attributes: [{id, attribute}], children}]}]</c>.</summary>
    public static JsonArray VocabularyList(XmlSource source, in XmlSource.Element element)
    {
        var list = new JsonArray();
        while (source.NextChild(element))
        {
            if (!source.IsEpcis || source.LocalName != "Vocabulary")
            {
                source.Reject("only <Vocabulary> elements belong in a VocabularyList");
                continue;
            }
            var vocabulary = WithIdAttribute(source, "type", out var entered);
            FieldReader.ReadObject(source, entered, vocabulary, static (s, target) =>
            {
                if (s.LocalName != "VocabularyElementList")
                    return false;
                FieldReader.Single(s, target, "vocabularyElementList", e => Elements(s, e));
                return true;
            });
            list.Add(vocabulary);
        }
        return list;
    }

    private static JsonArray Elements(XmlSource source, in XmlSource.Element element)
    {
        var list = new JsonArray();
        while (source.NextChild(element))
        {
            if (!source.IsEpcis || source.LocalName != "VocabularyElement")
            {
                source.Reject("only <VocabularyElement> elements belong in a VocabularyElementList");
                continue;
            }
            var vocabularyElement = WithIdAttribute(source, "id", out var entered);
            FieldReader.ReadObject(source, entered, vocabularyElement, static (s, target) =>
            {
                switch (s.LocalName)
                {
                    case "attribute":
                        var attribute = WithIdAttribute(s, "id", out var e);
                        attribute["attribute"] = ExtensionReader.ReadContent(s, e, skipAttribute: "id");
                        ((JsonArray)(target["attributes"] ??= new JsonArray())).Add(attribute);
                        return true;
                    case "children":
                        FieldReader.Single(s, target, "children", e => FieldReader.IdentifierListOf(s, e, "id"));
                        return true;
                    default:
                        return false;
                }
            });
            list.Add(vocabularyElement);
        }
        return list;
    }

    /// <summary>Enters a repeatable element and starts its object with its required URI attribute.</summary>
    private static JsonObject WithIdAttribute(XmlSource source, string attribute, out XmlSource.Element element)
    {
        element = source.Enter(indexed: true);
        var value = source.Reader.GetAttribute(attribute);
        return value is null ? new JsonObject() : new JsonObject { [attribute] = value.Trim() };
    }

    private static string? FirstChildText(XmlSource source, in XmlSource.Element element, string name)
    {
        string? text = null;
        while (source.NextChild(element))
        {
            var child = source.Enter(indexed: false);
            if (text is null && source.Reader.NamespaceURI == XmlNamespaces.Sbdh && source.LocalName == name)
                text = source.ReadText(child);
            else
                source.Skip(child);
        }
        return text;
    }
}
