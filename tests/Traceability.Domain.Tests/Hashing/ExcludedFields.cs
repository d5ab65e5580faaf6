using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using static Traceability.Domain.Tests.Hashing.HashingTestEvents;

namespace Traceability.Domain.Tests.Hashing;

/// <summary>What does not count towards the hash, and that everything else does.</summary>
public class ExcludedFields
{
    private const string Base = """, "epcList": ["urn:epc:id:sgtin:0614141.107346.2017"], "bizStep": "shipping" """;

    [Theory]
    [InlineData(""", "eventID": "ni:///sha-256;00?ver=CBV2.0" """)]
    [InlineData(""", "recordTime": "2024-05-02T00:00:00Z" """)]
    [InlineData(""", "errorDeclaration": {"declarationTime": "2024-05-03T00:00:00Z", "reason": "incorrect_data"}""")]
    [InlineData(""", "rdfs:comment": "seen at the gate" """)]
    [InlineData(""", "comment": "seen at the gate" """)]
    public void BookkeepingCorrectionsAndCommentsDoNotChangeTheHash(string extra) => Assert.Equal(Id(Base), Id(Base + extra));

    [Fact]
    public void CommentsInsideStandardObjectsDoNotCountEither() => Assert.Equal(
        Id(Base + """, "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.0"}"""),
        Id(Base + """, "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.0", "rdfs:comment": "x"}"""));

    [Theory]
    [InlineData(""", "disposition": "in_transit" """)]
    [InlineData(""", "example:temperature": "4" """)]
    [InlineData(""", "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.0"}""")]
    [InlineData(""", "certificationInfo": "https://cert.example.org/1" """)]
    public void AnyOtherFieldChangesTheHash(string extra) => Assert.NotEqual(Id(Base), Id(Base + extra));

    [Fact]
    public void ChangingOneValueChangesTheHash() =>
        Assert.NotEqual(Id(Base), Id(Base.Replace("2017", "2018", StringComparison.Ordinal)));

    [Fact]
    public void FieldsTheSendingRepositoryDeclaresIgnoredDoNotCount()
    {
        var document = Document("""["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"repo": "https://repo.example.com/"}]""");
        document["repo:ignoreFields"] = new JsonArray("repo:hash");

        Assert.Equal(
            EventHash.ComputeId(ObjectEvent(Base), document),
            EventHash.ComputeId(ObjectEvent(Base + """, "repo:hash": "abc" """), document));
    }
}
