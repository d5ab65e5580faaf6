using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Xml;

/// <summary>EPCIS 2.0 XML documents and their JSON-LD twins (tests/data/epcis-capture-xml/2.0/valid): same events, same ids.</summary>
public sealed class JsonTwins
{
    public static TheoryData<string> Files() => XmlSamples.Files("2.0", "valid");

    // This peer document lists one SSCC twice, spelt the same. The EPCIS 2.0 XML schema lets an <epc> repeat (only the
    // JSON schema marks epcList uniqueItems), and GS1's reference hash counts both, so the event is accepted as written:
    // dropping the repeat would change its id. Its JSON twin spells the second one as a Digital Link instead.
    private const string RepeatsAnEpc = "epcisDocWithAllGS1Keys.xml";

    /// <summary>Documents whose JSON-LD form the JSON validator also accepts (all but the one repeating an EPC).</summary>
    public static TheoryData<string> JsonValidFiles() => new(XmlSamples.FileNames("2.0", "valid").Where(file => file != RepeatsAnEpc));

    [Theory]
    [MemberData(nameof(Files))]
    public void EachXmlDocumentIsAccepted(string file)
    {
        var result = XmlSamples.ReadFile(XmlSamples.Capture("2.0", "valid", file));

        Assert.True(result.IsValid, result.Validation.ToString());
    }

    [Fact]
    public void ARepeatedEpcIsKeptAsTheXmlSchemaAllowsWhileJsonRefusesIt()
    {
        var result = XmlSamples.ReadFile(XmlSamples.Capture("2.0", "valid", RepeatsAnEpc));

        Assert.True(result.IsValid, result.Validation.ToString());
        var epcs = result.Json!["epcisBody"]!["eventList"]![0]!["epcList"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Equal(2, epcs.Count(e => e == "urn:epc:id:sscc:4012345.0000000333"));
        var json = EpcisValidator.ValidateDocument(result.Json);
        Assert.Contains(json.Errors, e => e.Path == "$.epcisBody.eventList[0].epcList[2]" && e.Message.Contains("more than once"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EventsHashLikeTheirJsonTwinsInOrder(string file)
    {
        var twin = JsonNode.Parse(File.ReadAllText(SharedData.Path("epcis-capture", "valid", Path.ChangeExtension(file, ".json"))))!;
        var result = XmlSamples.ReadFile(XmlSamples.Capture("2.0", "valid", file));

        Assert.Equal(XmlSamples.PreHashes(twin), XmlSamples.PreHashes(result.Json!));
        Assert.Equal(XmlSamples.Hashes(twin), XmlSamples.Hashes(result.Json!));
    }

    [Theory]
    [MemberData(nameof(JsonValidFiles))]
    public void TheJsonValidatorAcceptsWhatTheReaderProduces(string file)
    {
        var result = XmlSamples.ReadFile(XmlSamples.Capture("2.0", "valid", file));

        var validation = EpcisValidator.ValidateDocument(result.Json);

        Assert.True(validation.IsValid, validation.ToString());
    }
}
