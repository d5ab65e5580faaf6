using System.Text.Json.Nodes;
using Traceability.Api.Anchoring;
using Traceability.Api.Consumer;

namespace Traceability.Api.Tests.Resolver;

/// <summary>The records embedded in the provenance page are JSON in which no '&lt;' survives, so no value can end its script element.</summary>
public sealed class ProvenanceDataIsEscaped
{
    [Fact]
    public void AValueHoldingAClosingScriptTagStaysInsideTheDataBlock()
    {
        const string hostile = "</script><script>alert(1)</script><!-- 螺蛳粉";
        var story = new LotStory("06901234100037", "X", "https://trace.example.com/01/06901234100037/10/X", null, null, null, null, null,
            false, false, [], [], [], [new VerifiableEvent(new JsonObject { ["bizStep"] = hostile }, EventProof.Pending("ni:///sha-256;00?ver=CBV2.0"))], null);

        var data = ProvenancePage.Data(story, ProvenanceText.English);

        Assert.DoesNotContain("<", data, StringComparison.Ordinal);
        Assert.DoesNotContain(">", data, StringComparison.Ordinal);
        Assert.Equal(hostile, JsonNode.Parse(data)!["records"]![0]!["event"]!["bizStep"]!.GetValue<string>());
    }
}
