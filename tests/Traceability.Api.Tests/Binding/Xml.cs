using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Xml;
using Traceability.Testing;

namespace Traceability.Api.Tests.Binding;

/// <summary>EPCIS XML over HTTP: the peer suites' documents and small ones made here.</summary>
internal static class Xml
{
    public static string Capture(params string[] parts) => RepositoryPaths.TestData(["epcis-capture-xml", .. parts]);

    public static IEnumerable<string> Files(params string[] folder) =>
        Directory.GetFiles(Capture(folder), "*.xml").Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f)!);

    public static StringContent Content(string xml, string mediaType = "application/xml") => new(xml, Encoding.UTF8, mediaType);

    public static Task<HttpResponseMessage> CaptureXml(this HttpClient client, string xml, string? behaviour = null, string mediaType = "application/xml")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/capture") { Content = Content(xml, mediaType) };
        if (behaviour is not null) request.Headers.Add("GS1-Capture-Error-Behaviour", behaviour);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetXml(this HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        return client.SendAsync(request);
    }

    /// <summary>The CBV 2.0 ids of an XML document's events, as the reader and GS1's reference hash compute them.</summary>
    public static List<string> Ids(string xml)
    {
        var read = EpcisXml.Read(xml);
        return EpcisEvents.Read(read.Json!).Select(e => EventHash.ComputeId(e.Event, e.Document)).ToList();
    }

    public static string Document(string events) =>
        $"""
        <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:ex="https://ns.example.com/epcis/" schemaVersion="2.0" creationDate="2026-11-20T10:30:00Z">
          <EPCISBody><EventList>{events}</EventList></EPCISBody>
        </epcis:EPCISDocument>
        """;

    public static string ObjectEvent(string lot, string action = "OBSERVE", string extra = "") =>
        $"""
        <ObjectEvent>
          <eventTime>2026-11-20T06:45:00.000+08:00</eventTime>
          <eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
          <action>{action}</action>
          <bizStep>urn:epcglobal:cbv:bizstep:inspecting</bizStep>
          <quantityList><quantityElement><epcClass>urn:epc:class:lgtin:9521141.012345.{lot}</epcClass><quantity>2.5</quantity><uom>KGM</uom></quantityElement></quantityList>
          {extra}
        </ObjectEvent>
        """;

    public static IEnumerable<string> EventIds(JsonObject job) => job["eventIds"]!.AsArray().Select(i => i!.GetValue<string>());
}
