using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Xml;
using Traceability.Storage;
using Traceability.Testing;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// XML in and out over HTTP: the peer suites' EPCIS 2.0 and 1.2 XML documents are captured under the ids of their
/// JSON twins and of GS1's reference hash, invalid ones are refused with XPath-like paths and nothing stored, and
/// events read back as XML and captured again are the same events.
/// </summary>
public sealed class XmlCaptureAndAnswers(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TestOrg> Producer() => api.SharedOrgAsync("producer");

    private async Task<long> StoredEventsAsync() => (await api.Factory.Services.GetRequiredService<ITraceStore>().GetStatsAsync(Ct)).Events;

    public static TheoryData<string> Version20() => new(Xml.Files("2.0", "valid"));

    // Refused as the standard says (not merely as the peer suite expects): ILMD on an OBSERVE event (EPCIS §7.4.2; the
    // JSON schema says the same) and a declarationTime without seconds (xsd:dateTime of the 1.2 XML schema needs them).
    private static readonly Dictionary<string, string> Refused12 = new()
    {
        ["ObjectEvent_all_possible_fields.xml"] = "/EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/extension/ilmd",
        ["TransactionEvent_all_possible_fields.xml"] = "/EPCISDocument/EPCISBody/EventList/TransactionEvent[1]/baseExtension/errorDeclaration/declarationTime",
    };

    public static TheoryData<string> Version12() => new(Xml.Files("1.2", "valid").Where(f => !Refused12.ContainsKey(f)));

    public static TheoryData<string> HashVectors() =>
        new(Directory.GetFiles(RepositoryPaths.TestData("epcis-event-hash"), "*.xml").Select(f => Path.GetFileName(f)!).Order());

    [Theory]
    [MemberData(nameof(Version20))]
    public async Task AnXmlDocumentIsCapturedUnderTheIdsOfItsJsonTwin(string file)
    {
        var xml = await File.ReadAllTextAsync(Xml.Capture("2.0", "valid", file), Ct);
        var twin = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.TestData("epcis-capture", "valid", Path.ChangeExtension(file, ".json")), Ct))!;
        var expected = EpcisEvents.Read(twin).Select(e => EventHash.ComputeId(e.Event, e.Document)).ToList();
        var org = await Producer();

        var response = await org.Client.CaptureXml(xml);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(expected.Distinct(), Xml.EventIds(await response.Body()).Distinct());
        foreach (var id in expected)
            Assert.Equal(HttpStatusCode.OK, (await org.Client.GetAsync($"/events/{Uri.EscapeDataString(id)}", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Version12))]
    public async Task AnEpcis12DocumentIsCapturedAsItsEpcis20Events(string file)
    {
        var xml = await File.ReadAllTextAsync(Xml.Capture("1.2", "valid", file), Ct);
        var org = await Producer();

        if (EpcisXml.Read(xml).Json is JsonObject { } single && !single.ContainsKey("epcisBody"))
        {
            // A bare event as the document element goes to POST /events, as the binding says.
            var created = await org.Client.PostAsync("/events", Xml.Content(xml, "text/xml"), Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(Xml.Ids(xml).Single(), (await created.Body())["eventId"]!.GetValue<string>());
            return;
        }
        var response = await org.Client.CaptureXml(xml, mediaType: "text/xml");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(Xml.Ids(xml).Distinct(), Xml.EventIds(await response.Body()).Distinct());
    }

    [Theory]
    [MemberData(nameof(HashVectors))]
    public async Task HashVectorsAreCapturedUnderTheReferenceImplementationsIds(string file)
    {
        var xml = await File.ReadAllTextAsync(RepositoryPaths.TestData("epcis-event-hash", file), Ct);
        var reference = File.ReadAllLines(RepositoryPaths.TestData("epcis-event-hash", Path.ChangeExtension(file, ".hashes")))
            .Where(l => l.Length > 0).ToList();
        var org = await Producer();

        var response = await org.Client.CaptureXml(xml);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(reference.Distinct(), Xml.EventIds(await response.Body()).Distinct());
    }

    [Theory]
    [InlineData("1.2", "ObjectEvent_all_possible_fields.xml")]
    [InlineData("1.2", "TransactionEvent_all_possible_fields.xml")]
    [InlineData("2.0", "ObjectEvent_with_invalid_action.xml")]
    [InlineData("2.0", "ObjectEvent_with_invalid_eventTime_format.xml")]
    public async Task AnInvalidDocumentIsRefusedWithXmlPathsAndNothingIsStored(string version, string file)
    {
        var folder = version == "2.0" ? "invalid" : "valid";
        var xml = await File.ReadAllTextAsync(Xml.Capture(version, folder, file), Ct);
        var org = await Producer();
        var before = await StoredEventsAsync();

        var response = await org.Client.CaptureXml(xml);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Body();
        Assert.Equal("/problems/invalid-epcis", problem["type"]!.GetValue<string>());
        var paths = problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        Assert.All(paths, p => Assert.StartsWith("/", p));
        if (Refused12.TryGetValue(file, out var path)) Assert.Contains(path, paths);
        Assert.Equal(before, await StoredEventsAsync());
    }

    [Fact]
    public async Task ABareXmlEventIsCapturedByPostEvents()
    {
        var xml = File.ReadAllText(Xml.Capture("2.0", "valid", "ObjectEvent.xml"));
        var single = EpcisXml.Read(xml).Json!["epcisBody"]!["eventList"]![0]!.AsObject();
        var org = await Producer();
        var bare = Xml.ObjectEvent("BARE-1").Replace("<ObjectEvent>", "<epcis:ObjectEvent xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\">").Replace("</ObjectEvent>", "</epcis:ObjectEvent>");

        var response = await org.Client.PostAsync("/events", Xml.Content(bare), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Body())["eventId"]!.GetValue<string>();
        Assert.Equal(Xml.Ids(bare).Single(), id);
        Assert.NotNull(single);
        Assert.Equal(HttpStatusCode.BadRequest, (await org.Client.PostAsync("/events", Xml.Content(xml), Ct)).StatusCode); // a document is no event
    }

    [Fact]
    public async Task WithProceedTheValidEventsAreStoredAndTheInvalidOneReportedByItsPath()
    {
        var org = await Producer();
        var xml = Xml.Document(Xml.ObjectEvent("PROCEED-1") + Xml.ObjectEvent("PROCEED-2", action: "MOVE"));

        var response = await org.Client.CaptureXml(xml, "proceed");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Body();
        Assert.Equal("PartiallySucceeded", job["status"]!.GetValue<string>());
        Assert.Single(Xml.EventIds(job));
        var error = Assert.Single(job["errors"]!.AsArray())!;
        Assert.Equal("/EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/action", error["path"]!.GetValue<string>());
        Assert.Equal(1, error["eventIndex"]!.GetValue<int>());
    }

    [Fact]
    public async Task ADoctypeIsRefusedBeforeAnyEntityIsExpanded()
    {
        var org = await Producer();
        var before = await StoredEventsAsync();
        var xml = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>""" + Xml.Document(Xml.ObjectEvent("XXE-1", extra: "<ex:f>&e;</ex:f>"));

        var response = await org.Client.CaptureXml(xml);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("DOCTYPE", (await response.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(before, await StoredEventsAsync());
    }

    [Fact]
    public async Task OtherMediaTypesAreRefusedNamingBothBindings()
    {
        var org = await Producer();
        var response = await org.Client.PostAsync("/capture", Xml.Content(Xml.Document(Xml.ObjectEvent("MT-1")), "application/xhtml+xml"), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/xml", (await response.Body())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task EventsAreAnsweredAsXmlAndCapturedAgainAreTheSameEvents()
    {
        var org = await Producer();
        var xml = Xml.Document(Xml.ObjectEvent("ROUND-1", extra: "<ex:temperature>4.5</ex:temperature>") + Xml.ObjectEvent("ROUND-2"));
        var ids = Xml.EventIds(await (await org.Client.CaptureXml(xml)).Body()).ToList();

        var list = await org.Client.GetXml($"/events?MATCH_epcClass={Uri.EscapeDataString("urn:epc:class:lgtin:9521141.012345.ROUND-1")}|{Uri.EscapeDataString("urn:epc:class:lgtin:9521141.012345.ROUND-2")}");
        var one = await org.Client.GetXml($"/events/{Uri.EscapeDataString(ids[0])}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("application/xml", list.Content.Headers.ContentType!.MediaType);
        var listed = await list.Content.ReadAsStringAsync(Ct);
        Assert.Contains("EPCISQueryDocument", listed);
        Assert.Equal(ids, Xml.Ids(listed));
        var single = await one.Content.ReadAsStringAsync(Ct);
        Assert.Equal([ids[0]], Xml.Ids(single));
        Assert.Equal("2.0.0", one.Headers.GetValues("GS1-EPCIS-Version").Single());

        var again = await org.Client.CaptureXml(listed);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var job = await again.Body();
        Assert.Equal(ids, Xml.EventIds(job));
        Assert.Equal("Succeeded", job["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAnswerNeitherJsonNorXmlIsNotAcceptable()
    {
        var org = await Producer();
        var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Add("Accept", "image/png");
        var webUris = new HttpRequestMessage(HttpMethod.Get, "/events");
        webUris.Headers.Add("Accept", "application/xml");
        webUris.Headers.Add("GS1-CBV-XML-Format", "Always_Web_URI");

        var response = await org.Client.SendAsync(request, Ct);
        var cbv = await org.Client.SendAsync(webUris, Ct);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode); // no body: the client takes none of the problem types
        Assert.Equal(HttpStatusCode.NotAcceptable, cbv.StatusCode);
        Assert.Equal("application/problem+xml", cbv.Content.Headers.ContentType!.MediaType); // an XML client gets RFC 7807's XML form
        var problem = System.Xml.Linq.XDocument.Parse(await cbv.Content.ReadAsStringAsync(Ct));
        Assert.Equal("epcisException:NotAcceptableException", problem.Root!.Element(System.Xml.Linq.XName.Get("type", "urn:ietf:rfc:7807"))!.Value);
    }
}
