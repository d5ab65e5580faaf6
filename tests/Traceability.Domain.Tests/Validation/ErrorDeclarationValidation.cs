using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class ErrorDeclarationValidation
{
    private const string Declaration = EventSamples.At + ".errorDeclaration";

    private static JsonObject EventWithDeclaration(string declarationJson)
    {
        var evt = EventSamples.ObjectEvent();
        evt["errorDeclaration"] = JsonNode.Parse(declarationJson);
        return evt;
    }

    [Fact]
    public void AcceptsFullErrorDeclaration() =>
        ValidationAssert.Valid(EventSamples.ValidateInDocument(EventWithDeclaration("""
            { "declarationTime": "2026-07-23T08:00:00+02:00", "reason": "incorrect_data",
              "correctiveEventIDs": ["ni:///sha-256;fec9667280c4710a3fa9558b7bc8ddc2ced0dc442d87f82becae24bb6ca6a46f?ver=CBV2.0"],
              "ex:ticket": "T-17" }
            """)));

    [Fact]
    public void RejectsErrorDeclarationWithoutDeclarationTime() =>
        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(EventWithDeclaration("""{ "reason": "did_not_occur" }""")),
            Declaration + ".declarationTime");

    [Fact]
    public void RejectsUnknownReason() =>
        ValidationAssert.RejectedOnlyAt(
            EventSamples.ValidateInDocument(EventWithDeclaration("""{ "declarationTime": "2026-07-23T08:00:00Z", "reason": "typo" }""")),
            Declaration + ".reason");

    [Fact]
    public void RejectsRelativeCorrectiveEventId() =>
        ValidationAssert.RejectedOnlyAt(
            EventSamples.ValidateInDocument(EventWithDeclaration("""{ "declarationTime": "2026-07-23T08:00:00Z", "correctiveEventIDs": ["event-2"] }""")),
            Declaration + ".correctiveEventIDs[0]");
}
