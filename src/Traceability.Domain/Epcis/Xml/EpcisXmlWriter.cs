using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// Writes events in their JSON-LD form (as stored and served, each with its @context) in the EPCIS 2.0 XML
/// binding: an EPCISQueryDocument for <c>GET /events</c>, a single event for <c>GET /events/{id}</c>, or any
/// EPCISDocument / EPCISQueryDocument. What <see cref="EpcisXmlReader"/> reads back is the same event: same CBV
/// 2.0 hash, same JSON up to spelling (CBV values bare, names under the prefixes the XML declares, text trimmed).
/// An event the binding cannot carry raises <see cref="EpcisXmlWriteException"/>; <see cref="Unwritable"/>
/// says so beforehand.
/// </summary>
public static class EpcisXmlWriter
{
    private const string EpcisPrefix = "epcis";
    private const string QueryPrefix = "epcisq";
    private const int FlushThreshold = 32 * 1024;

    /// <summary>Writes an EPCISDocument or EPCISQueryDocument (JSON-LD) as XML.</summary>
    public static void WriteDocument(JsonObject document, Stream output)
    {
        using var xml = XmlWriter.Create(output, Settings());
        var writer = new ExtensionXmlWriter(xml);
        var isQuery = (document["type"] as JsonValue)?.ToString() == "EPCISQueryDocument";
        var names = StartDocument(writer, document, isQuery);
        var body = document["epcisBody"] as JsonObject ?? throw new EpcisXmlWriteException("$.epcisBody", "an EPCIS document needs an epcisBody");
        xml.WriteStartElement("EPCISBody");
        if (isQuery)
        {
            var results = body["queryResults"] as JsonObject ?? throw new EpcisXmlWriteException("$.epcisBody.queryResults", "an EPCISQueryDocument needs queryResults");
            StartQueryResults(xml, (results["queryName"] as JsonValue)?.ToString() ?? "SimpleEventQuery", (results["subscriptionID"] as JsonValue)?.ToString());
            var resultsBody = results["resultsBody"] as JsonObject;
            Events(writer, resultsBody?["eventList"], names, "$.epcisBody.queryResults.resultsBody.eventList");
            xml.WriteEndElement();
            Extensions(writer, results, names, "$.epcisBody.queryResults", "queryName", "subscriptionID", "resultsBody");
            xml.WriteEndElement();
        }
        else
        {
            Events(writer, body["eventList"], names, "$.epcisBody.eventList");
        }
        Extensions(writer, body, names, "$.epcisBody", "eventList", "queryResults");
        xml.WriteEndElement();
        Extensions(writer, document, names, "$", "@context", "type", "schemaVersion", "creationDate", "id", "sender", "receiver",
            "instanceIdentifier", "epcisHeader", "epcisBody");
        xml.WriteEndElement();
    }

    /// <summary>Writes one event (with its own @context) as the document element, as <c>GET /events/{id}</c> serves it.</summary>
    public static void WriteEvent(JsonObject evt, Stream output)
    {
        using var xml = XmlWriter.Create(output, Settings());
        var writer = new ExtensionXmlWriter(xml);
        EventXmlWriter.Write(writer, evt, XmlNameTable.Standard, "$", EpcisPrefix);
    }

    /// <summary>
    /// Writes an EPCISQueryDocument holding <paramref name="events"/> (each with its own @context, as stored),
    /// passing what is written on to <paramref name="output"/> whenever a few tens of kilobytes are ready, so
    /// memory stays bounded whatever the number of events. An event the binding cannot carry throws
    /// <see cref="EpcisXmlWriteException"/> part-way: check with <see cref="Unwritable"/> first where that matters.
    /// </summary>
    public static async Task WriteQueryDocumentAsync(IEnumerable<JsonObject> events, Stream output, string queryName = "SimpleEventQuery",
        DateTimeOffset? creationDate = null, CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        var settings = Settings();
        using var xml = XmlWriter.Create(buffer, settings);
        var writer = new ExtensionXmlWriter(xml);
        var created = (creationDate ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var names = StartDocument(writer, new JsonObject { ["schemaVersion"] = "2.0", ["creationDate"] = created }, isQuery: true);
        xml.WriteStartElement("EPCISBody");
        StartQueryResults(xml, queryName, null);
        xml.WriteStartElement("EventList");
        var index = 0;
        foreach (var evt in events)
        {
            EventXmlWriter.Write(writer, evt, names, $"$.epcisBody.queryResults.resultsBody.eventList[{index++}]");
            xml.Flush();
            if (buffer.Length >= FlushThreshold)
                await FlushAsync(xml, buffer, output, cancellationToken);
        }
        xml.WriteEndDocument();
        await FlushAsync(xml, buffer, output, cancellationToken);
    }

    /// <summary>Null when the XML binding can carry the event; else why not, with the JSON path of the value.</summary>
    public static string? Unwritable(JsonObject evt)
    {
        try
        {
            WriteEvent(evt, Stream.Null);
            return null;
        }
        catch (EpcisXmlWriteException e)
        {
            return e.Message;
        }
    }

    private static XmlNameTable StartDocument(ExtensionXmlWriter writer, JsonObject document, bool isQuery)
    {
        var xml = writer.Xml;
        var names = XmlNameTable.Standard.With(document["@context"]);
        xml.WriteStartElement(isQuery ? QueryPrefix : EpcisPrefix, isQuery ? "EPCISQueryDocument" : "EPCISDocument",
            isQuery ? XmlNamespaces.Query2 : XmlNamespaces.Epcis2);
        xml.WriteAttributeString("xmlns", "xsi", null, XmlNamespaces.Xsi);
        xml.WriteAttributeString("xmlns", "xsd", null, XmlNamespaces.XmlSchema);
        foreach (var (prefix, ns) in names.Declared)
        {
            if (prefix is not ("xsi" or "xsd" or EpcisPrefix or QueryPrefix))
                xml.WriteAttributeString("xmlns", prefix, null, ns);
        }
        xml.WriteAttributeString("schemaVersion", (document["schemaVersion"] as JsonValue)?.ToString() ?? "2.0");
        if (document["creationDate"] is JsonValue created)
            xml.WriteAttributeString("creationDate", ExtensionXmlWriter.Text(created, "$.creationDate"));
        EnvelopeXmlWriter.Header(writer, document, names);
        return names;
    }

    private static void StartQueryResults(XmlWriter xml, string queryName, string? subscriptionId)
    {
        xml.WriteStartElement(QueryPrefix, "QueryResults", XmlNamespaces.Query2);
        xml.WriteElementString("queryName", queryName);
        if (subscriptionId is not null)
            xml.WriteElementString("subscriptionID", subscriptionId);
        xml.WriteStartElement("resultsBody");
    }

    private static void Events(ExtensionXmlWriter writer, JsonNode? list, XmlNameTable names, string path)
    {
        writer.Xml.WriteStartElement("EventList");
        if (list is JsonArray events)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i] is not JsonObject evt)
                    throw new EpcisXmlWriteException($"{path}[{i}]", "an event must be an object");
                EventXmlWriter.Write(writer, evt, names, $"{path}[{i}]");
            }
        }
        writer.Xml.WriteEndElement();
    }

    /// <summary>The user extensions of an envelope object (every member but the standard ones named).</summary>
    private static void Extensions(ExtensionXmlWriter writer, JsonObject owner, XmlNameTable names, string path, params string[] standard)
    {
        foreach (var (key, value) in owner)
        {
            if (!standard.Contains(key))
                writer.Element(key, value, names, ExtensionXmlWriter.Child(path, key));
        }
    }

    private static async Task FlushAsync(XmlWriter xml, MemoryStream buffer, Stream output, CancellationToken cancellationToken)
    {
        xml.Flush();
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        buffer.SetLength(0);
    }

    private static XmlWriterSettings Settings() => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
        Async = false,
    };
}
