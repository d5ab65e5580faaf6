using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.JsonLd;

/// <summary>The lab-only guard finds the lab-result namespace however an event declares or uses it.</summary>
public class LabGuardSeesEveryForm
{
    private const string Lab = "https://traceability.example/ns/lab-result/1.0#";

    private static bool Guarded(string contextJson, string fieldsJson)
    {
        var evt = JsonNode.Parse($$"""
            { "@context": {{contextJson}}, "type": "ObjectEvent", "eventTime": "2026-11-20T10:00:00Z", "eventTimeZoneOffset": "+08:00",
              "action": "OBSERVE", "epcList": ["https://id.gs1.org/01/09506000134352/21/1"] {{fieldsJson}} }
            """)!.AsObject();
        var scope = EventScope.Standalone.ForEvent(evt);
        return LabResultExtension.IsUsedBy(evt, scope.Context);
    }

    [Theory]
    [InlineData("""[{ "lb": "https://traceability.example/ns/lab-result/1.0#" }]""", """, "lb:verdict": "pass" """)]
    [InlineData("""[{ "lb": { "@id": "https://traceability.example/ns/lab-result/1.0#" } }]""", """, "lb:verdict": "pass" """)]
    [InlineData("""[{ "t": "https://traceability.example/ns/", "lb": "t:lab-result/1.0#" }]""", """, "lb:verdict": "pass" """)]
    [InlineData("""[{ "@vocab": "https://traceability.example/ns/lab-result/1.0#" }]""", "")]
    [InlineData("""[{ "verdict": "https://traceability.example/ns/lab-result/1.0#verdict" }]""", """, "verdict": "pass" """)]
    [InlineData("""[{ "lb": "https://traceability.example/ns/lab-result/2.0#" }]""", "")]
    [InlineData("""[{ "ex": "https://example.com/" }]""", """, "https://traceability.example/ns/lab-result/1.0#verdict": "pass" """)]
    [InlineData("""[{ "ex": "https://example.com/" }]""", """, "ex:box": { "@context": { "lb": "https://traceability.example/ns/lab-result/1.0#" }, "lb:verdict": "pass" } """)]
    [InlineData("""[{ "ex": { "@id": "https://example.com/x", "@context": { "lb": "https://traceability.example/ns/lab-result/1.0#" } } }]""", "")]
    [InlineData("""[[{ "lb": "https://traceability.example/ns/lab-result/1.0#" }]]""", "")]
    public void AnyFormCounts(string context, string fields) => Assert.True(Guarded(context, fields));

    [Fact]
    public void AnEventWithoutItPasses() =>
        Assert.False(Guarded("""[{ "ex": "https://example.com/ns#" }]""", """, "ex:note": "fine", "ex:box": { "ex:inner": 1 } """));

    [Fact]
    public void TheGuardAndTheReaderAgreeOnTheExpandedForm()
    {
        var evt = JsonNode.Parse($$"""{ "@context": [{ "lb": { "@id": "{{Lab}}" } }], "lb:verdict": "pass" }""")!.AsObject();

        Assert.Equal(Lab + "verdict", JsonLdContext.Epcis.With(evt["@context"]).ExpandName("lb:verdict"));
    }
}
