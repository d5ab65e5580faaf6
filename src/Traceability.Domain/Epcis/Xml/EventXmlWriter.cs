using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// One event in the EPCIS 2.0 XML binding, its standard fields in the order of EPCglobal-epcis-2_0.xsd, CBV
/// values as URNs, sensor fields as attributes, then its user extensions.
/// </summary>
internal static class EventXmlWriter
{
    private static readonly string[] Common =
        ["eventTime", "recordTime", "eventTimeZoneOffset", "eventID", "errorDeclaration", "certificationInfo"];

    private static readonly Dictionary<string, string[]> Order = new(StringComparer.Ordinal)
    {
        ["ObjectEvent"] =
        [
            .. Common, "epcList", "action", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList",
            "quantityList", "sourceList", "destinationList", "sensorElementList", "persistentDisposition", "ilmd",
        ],
        ["AggregationEvent"] =
        [
            .. Common, "parentID", "childEPCs", "action", "bizStep", "disposition", "readPoint", "bizLocation",
            "bizTransactionList", "childQuantityList", "sourceList", "destinationList", "sensorElementList", "persistentDisposition",
        ],
        ["TransactionEvent"] =
        [
            .. Common, "bizTransactionList", "parentID", "epcList", "action", "bizStep", "disposition", "readPoint", "bizLocation",
            "quantityList", "sourceList", "destinationList", "sensorElementList", "persistentDisposition",
        ],
        ["TransformationEvent"] =
        [
            .. Common, "inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList", "transformationID", "bizStep",
            "disposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList", "sensorElementList",
            "persistentDisposition", "ilmd",
        ],
        ["AssociationEvent"] =
        [
            .. Common, "parentID", "childEPCs", "childQuantityList", "action", "bizStep", "disposition", "readPoint", "bizLocation",
            "bizTransactionList", "sourceList", "destinationList", "sensorElementList", "persistentDisposition",
        ],
    };

    /// <param name="names">The prefixes in scope around the event (standard and document ones).</param>
    /// <param name="rootPrefix">For a bare event written as the document element: its EPCIS namespace prefix.</param>
    public static void Write(ExtensionXmlWriter writer, JsonObject evt, XmlNameTable names, string path, string? rootPrefix = null)
    {
        var xml = writer.Xml;
        var type = evt["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (type is null || !Order.TryGetValue(type, out var fields))
            throw new EpcisXmlWriteException(ExtensionXmlWriter.Child(path, "type"), "must be ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent");
        names = names.With(evt["@context"]);
        if (rootPrefix is null)
            xml.WriteStartElement(type);
        else
        {
            xml.WriteStartElement(rootPrefix, type, XmlNamespaces.Epcis2);
            xml.WriteAttributeString("xmlns", "xsi", null, XmlNamespaces.Xsi);
            xml.WriteAttributeString("xmlns", "xsd", null, XmlNamespaces.XmlSchema);
        }
        // Every prefix of the event's own @context is declared, used by a name or not: values may be compact IRIs.
        foreach (var (prefix, ns) in names.Declared)
            xml.WriteAttributeString("xmlns", prefix, null, ns);

        foreach (var field in fields)
        {
            if (evt.TryGetPropertyValue(field, out var value) && value is not null)
                Field(writer, field, value, names, ExtensionXmlWriter.Child(path, field));
        }
        foreach (var (key, value) in evt)
        {
            if (key is "type" or "@context" || fields.Contains(key))
                continue;
            var keyPath = ExtensionXmlWriter.Child(path, key);
            if (!key.Contains(':'))
                throw new EpcisXmlWriteException(keyPath, $"'{key}' is not a field of {type}");
            writer.Element(key, value, names, keyPath);
        }
        xml.WriteEndElement();
    }

    private static void Field(ExtensionXmlWriter writer, string field, JsonNode value, XmlNameTable names, string path)
    {
        var xml = writer.Xml;
        switch (field)
        {
            case "certificationInfo":
                IEnumerable<JsonNode?> certificates = value is JsonArray list ? list : new[] { value };
                foreach (var item in certificates)
                    xml.WriteElementString(field, ExtensionXmlWriter.Text(item, path));
                break;
            case "bizStep":
                xml.WriteElementString(field, CbvXml.ToXml(CbvVocabulary.BizStep, ExtensionXmlWriter.Text(value, path)));
                break;
            case "disposition":
                xml.WriteElementString(field, CbvXml.ToXml(CbvVocabulary.Disposition, ExtensionXmlWriter.Text(value, path)));
                break;
            case "epcList" or "childEPCs" or "inputEPCList" or "outputEPCList":
                List(writer, field, "epc", value, path, (item, itemPath) => xml.WriteString(ExtensionXmlWriter.Text(item, itemPath)));
                break;
            case "quantityList" or "childQuantityList" or "inputQuantityList" or "outputQuantityList":
                List(writer, field, "quantityElement", value, path, (item, itemPath) => Quantity(writer, item, itemPath));
                break;
            case "readPoint" or "bizLocation":
                xml.WriteStartElement(field);
                Members(writer, value, names, path, ["id"], (name, member, memberPath) => xml.WriteElementString(name, ExtensionXmlWriter.Text(member, memberPath)));
                xml.WriteEndElement();
                break;
            case "bizTransactionList":
                Typed(writer, field, "bizTransaction", CbvVocabulary.BizTransactionType, value, path);
                break;
            case "sourceList":
                Typed(writer, field, "source", CbvVocabulary.SourceDestType, value, path);
                break;
            case "destinationList":
                Typed(writer, field, "destination", CbvVocabulary.SourceDestType, value, path);
                break;
            case "persistentDisposition":
                xml.WriteStartElement(field);
                foreach (var name in (string[])["unset", "set"])
                {
                    if (value[name] is JsonArray dispositions)
                    {
                        for (var i = 0; i < dispositions.Count; i++)
                            xml.WriteElementString(name, CbvXml.ToXml(CbvVocabulary.Disposition, ExtensionXmlWriter.Text(dispositions[i], $"{path}.{name}[{i}]")));
                    }
                }
                xml.WriteEndElement();
                break;
            case "sensorElementList":
                List(writer, field, "sensorElement", value, path, (item, itemPath) => SensorXmlWriter.Element(writer, item, names, itemPath));
                break;
            case "ilmd":
                xml.WriteStartElement(field);
                Members(writer, value, names, path, [], static (_, _, _) => { });
                xml.WriteEndElement();
                break;
            case "errorDeclaration":
                xml.WriteStartElement(field);
                Members(writer, value, names, path, ["declarationTime", "reason", "correctiveEventIDs"], (name, member, memberPath) =>
                {
                    if (name == "correctiveEventIDs")
                        List(writer, name, "correctiveEventID", member, memberPath, (item, itemPath) => xml.WriteString(ExtensionXmlWriter.Text(item, itemPath)));
                    else
                        xml.WriteElementString(name, name == "reason"
                            ? CbvXml.ToXml(CbvVocabulary.ErrorReason, ExtensionXmlWriter.Text(member, memberPath))
                            : ExtensionXmlWriter.Text(member, memberPath));
                });
                xml.WriteEndElement();
                break;
            default:
                xml.WriteElementString(field, ExtensionXmlWriter.Text(value, path));
                break;
        }
    }

    /// <summary>
    /// An object's standard members (in the order given, through <paramref name="write"/>), then its user
    /// extensions as elements.
    /// </summary>
    public static void Members(ExtensionXmlWriter writer, JsonNode value, XmlNameTable names, string path, string[] standard,
        Action<string, JsonNode, string> write)
    {
        if (value is not JsonObject obj)
            throw new EpcisXmlWriteException(path, "must be an object");
        foreach (var name in standard)
        {
            if (obj[name] is { } member)
                write(name, member, ExtensionXmlWriter.Child(path, name));
        }
        foreach (var (key, member) in obj)
        {
            if (!standard.Contains(key))
                writer.Element(key, member, names, ExtensionXmlWriter.Child(path, key));
        }
    }

    public static void List(ExtensionXmlWriter writer, string listName, string itemName, JsonNode value, string path, Action<JsonNode?, string> writeItem)
    {
        if (value is not JsonArray items)
            throw new EpcisXmlWriteException(path, "must be an array");
        writer.Xml.WriteStartElement(listName);
        for (var i = 0; i < items.Count; i++)
        {
            writer.Xml.WriteStartElement(itemName);
            writeItem(items[i], $"{path}[{i}]");
            writer.Xml.WriteEndElement();
        }
        writer.Xml.WriteEndElement();
    }

    private static void Quantity(ExtensionXmlWriter writer, JsonNode? item, string path)
    {
        if (item is not JsonObject quantity)
            throw new EpcisXmlWriteException(path, "must be an object {epcClass, quantity, uom}");
        foreach (var (name, member) in quantity)
        {
            if (name is not ("epcClass" or "quantity" or "uom"))
                throw new EpcisXmlWriteException(ExtensionXmlWriter.Child(path, name), "a quantity element has only epcClass, quantity and uom");
        }
        foreach (var name in (string[])["epcClass", "quantity", "uom"])
        {
            if (quantity[name] is { } member)
            {
                var memberPath = ExtensionXmlWriter.Child(path, name);
                writer.Xml.WriteElementString(name, name == "quantity" ? ExtensionXmlWriter.DecimalText(member, memberPath) : ExtensionXmlWriter.Text(member, memberPath));
            }
        }
    }

    private static void Typed(ExtensionXmlWriter writer, string listName, string itemName, CbvVocabulary vocabulary, JsonNode value, string path) =>
        List(writer, listName, itemName, value, path, (item, itemPath) =>
        {
            if (item is not JsonObject entry)
                throw new EpcisXmlWriteException(itemPath, $"must be an object {{type, {itemName}}}");
            foreach (var (name, _) in entry)
            {
                if (name is not "type" && name != itemName)
                    throw new EpcisXmlWriteException(ExtensionXmlWriter.Child(itemPath, name), $"XML has no place for '{name}' here: only type and {itemName}");
            }
            if (entry["type"] is { } type)
                writer.Xml.WriteAttributeString("type", CbvXml.ToXml(vocabulary, ExtensionXmlWriter.Text(type, itemPath + ".type")));
            writer.Xml.WriteString(ExtensionXmlWriter.Text(entry[itemName], ExtensionXmlWriter.Child(itemPath, itemName)));
        });
}
