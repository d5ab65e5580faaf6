using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Domain.Tests.Xml;

/// <summary>The shared XML documents and small helpers to read them.</summary>
internal static class XmlSamples
{
    public static string Capture(params string[] parts) => SharedData.Path(["epcis-capture-xml", .. parts]);

    public static TheoryData<string> Files(params string[] folder) => new(FileNames(folder));

    public static IEnumerable<string> FileNames(params string[] folder) =>
        Directory.GetFiles(Capture(folder), "*.xml").Order(StringComparer.Ordinal).Select(file => Path.GetFileName(file));

    public static EpcisXmlResult ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return EpcisXml.Read(stream);
    }

    public static EpcisXmlResult Read(string xml) => EpcisXml.Read(xml);

    /// <summary>The event hashes of a JSON-LD document or bare event, in order.</summary>
    public static List<string> Hashes(JsonNode json) =>
        EpcisEvents.Read(json).Select(e => EventHash.ComputeId(e.Event, e.Document)).ToList();

    public static List<string> PreHashes(JsonNode json) =>
        EpcisEvents.Read(json).Select(e => EventHash.PreHash(e.Event, e.Document)).ToList();

    /// <summary>A minimal EPCIS 2.0 document around <paramref name="events"/>, with extra namespace declarations.</summary>
    public static string Document(string events, string declarations = "") =>
        $"""
        <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" {declarations} schemaVersion="2.0" creationDate="2026-07-22T10:30:00Z">
          <EPCISBody><EventList>{events}</EventList></EPCISBody>
        </epcis:EPCISDocument>
        """;

    /// <summary>A valid ObjectEvent with <paramref name="extra"/> fields added at the end.</summary>
    public static string ObjectEvent(string extra = "", string action = "OBSERVE", string attributes = "") =>
        $"""
        <ObjectEvent {attributes}>
          <eventTime>2026-07-22T06:45:00.000+02:00</eventTime>
          <eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
          <epcList><epc>urn:epc:id:sgtin:9521141.001234.2017</epc></epcList>
          <action>{action}</action>
          {extra}
        </ObjectEvent>
        """;
}
