using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using static Traceability.Domain.Tests.Hashing.HashingTestEvents;

namespace Traceability.Domain.Tests.Hashing;

/// <summary>How values are written in the pre-hash (CBV 2.0 §8.9 rules 5-9 and 14-18).</summary>
public class PreHashValues
{
    [Theory]
    [InlineData("2024-05-01T10:00:00+02:00", "2024-05-01T08:00:00.000Z")]
    [InlineData("2024-05-01T08:00:00Z", "2024-05-01T08:00:00.000Z")]
    [InlineData("2024-05-01T08:00:00.1Z", "2024-05-01T08:00:00.100Z")]
    [InlineData("2023-01-18T11:04:03.1415Z", "2023-01-18T11:04:03.142Z")]
    [InlineData("2023-01-18T11:04:03.1414999Z", "2023-01-18T11:04:03.141Z")]
    [InlineData("2023-12-31T23:59:59.9996Z", "2024-01-01T00:00:00.000Z")]
    [InlineData("2022-02-16T20:33:31.116000-06:00", "2022-02-17T02:33:31.116Z")]
    [InlineData("2024-05-01T10:00:00+0530", "2024-05-01T04:30:00.000Z")]
    [InlineData("not a time", "not a time")]
    public void TimestampsAreUtcWithMillisecondsRoundedHalfUp(string eventTime, string expected)
    {
        var @event = ObjectEvent();
        @event["eventTime"] = eventTime;

        Assert.StartsWith("eventType=ObjectEventeventTime=" + expected + "eventTimeZoneOffset", EventHash.PreHash(@event));
    }

    [Theory]
    [InlineData("452.0", "452")]
    [InlineData("0.50", "0.5")]
    [InlineData("1e3", "1000")]
    [InlineData("-0.0", "0")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("12345678901234567890", "12345678901234567168")]
    [InlineData("\"2.50\"", "2.5")]
    [InlineData("\"007\"", "7")]
    [InlineData("true", "true")]
    public void NumbersLoseTrailingZerosAndSigns(string json, string expected) =>
        Assert.Contains("quantity=" + expected + "action", PreHash($$""", "quantityList": [{"epcClass": "urn:epc:idpat:sgtin:4012345.011111.*", "quantity": {{json}}}]"""));

    [Theory]
    [InlineData("shipping")]
    [InlineData("cbv:BizStep-shipping")]
    [InlineData("urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData("https://ref.gs1.org/cbv/BizStep-shipping")]
    [InlineData("  shipping ")]
    public void EverySpellingOfAStandardTermIsTheSameWebUri(string bizStep) =>
        Assert.EndsWith("bizStep=https://ref.gs1.org/cbv/BizStep-shipping", PreHash($$""", "bizStep": "{{bizStep}}" """));

    [Fact]
    public void UnknownBareWordsAreKeptAsWritten() =>
        Assert.EndsWith("bizStep=exampling", PreHash(""", "bizStep": "exampling" """));

    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.107346.2017")]
    [InlineData("https://id.gs1.org/01/10614141073464/21/2017")]
    [InlineData("https://brand.example.com/products/01/10614141073464/21/2017?17=251231")]
    public void EveryIdentifierSpellingIsTheCanonicalDigitalLink(string epc) =>
        Assert.Contains("epc=https://id.gs1.org/01/10614141073464/21/2017action", PreHash($$""", "epcList": ["{{epc}}"]"""));

    [Fact]
    public void CompactIrisInValuesAreExpanded() =>
        Assert.Contains("{https://ns.example.com/epcis/}kind=https://ns.example.com/epcis/cold", PreHash(""", "example:kind": "example:cold" """));

    [Fact]
    public void ExtensionNamesUseTheEventsOwnContextOverTheDocuments()
    {
        var @event = ObjectEvent(""", "@context": [{"example": "https://other.example.org/"}], "example:f": "v" """);

        Assert.EndsWith("{https://other.example.org/}f=v", EventHash.PreHash(@event, Document()));
    }

    [Fact]
    public void AVocabularyDefaultNamespaceAppliesToUnprefixedExtensions() =>
        Assert.EndsWith(
            "{https://vocab.example.org/}colour=red",
            EventHash.PreHash(ObjectEvent(""", "colour": "red" """), Document("""[{"@vocab": "https://vocab.example.org/"}]""")));

    [Fact]
    public void ABareContextObjectServesAsTheDocumentContext() =>
        Assert.EndsWith(
            "{https://bare.example.org/}f=v",
            EventHash.PreHash(ObjectEvent(""", "b:f": "v" """), (JsonObject)JsonNode.Parse("""{"b": "https://bare.example.org/"}""")!));

    [Fact]
    public void CharactersAboveTheBasicPlaneSortAfterAllOthers() => Assert.EndsWith(
        "{https://ns.example.com/epcis/}v=\uFB01{https://ns.example.com/epcis/}v=\U0001F600",
        PreHash(""", "example:v": ["😀", "ﬁ"]"""));
}
