using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Xml;

/// <summary>EPCIS 2.0 XML documents and their JSON-LD twins (tests/data/epcis-capture-xml/2.0/valid): same events, same ids.</summary>
public sealed class JsonTwins
{
    public static TheoryData<string> Files() => XmlSamples.Files("2.0", "valid");

    // The one peer document this system refuses: it lists one SSCC twice, spelt the same. Its JSON twin spells the
    // second one as a Digital Link, which the JSON validator (uniqueItems, compared as written) lets pass; the XML
    // schema has no such rule, but the events must be what JSON capture would accept, so XML refuses it as JSON would.
    private const string RepeatsAnEpc = "epcisDocWithAllGS1Keys.xml";

    public static TheoryData<string> AcceptedFiles() => new(XmlSamples.FileNames("2.0", "valid").Where(file => file != RepeatsAnEpc));

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void EachXmlDocumentIsAccepted(string file)
    {
        var result = XmlSamples.ReadFile(XmlSamples.Capture("2.0", "valid", file));

        Assert.True(result.IsValid, result.Validation.ToString());
    }

    [Fact]
    public void ARepeatedEpcIsRefusedAsInJson()
    {
        var result = XmlSamples.ReadFile(XmlSamples.Capture("2.0", "valid", RepeatsAnEpc));

        var error = Assert.Single(result.Validation.Errors);
        Assert.Equal("/EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/epcList/epc[3]", error.Path);
        Assert.Contains("more than once", error.Message);
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
    [MemberData(nameof(AcceptedFiles))]
    public void TheJsonValidatorAcceptsWhatTheReaderProduces(string file)
    {
        var result = XmlSamples.ReadFile(XmlSamples.Capture("2.0", "valid", file));

        var validation = EpcisValidator.ValidateDocument(result.Json);

        Assert.True(validation.IsValid, validation.ToString());
    }
}
