using System.Text.Json.Nodes;
using Traceability.Domain.Capture;
using Traceability.Domain.Consumer;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Trust;

namespace Traceability.Domain.Tests.Consumer;

/// <summary>
/// Capture makes each event's consumer view from the scope it resolved already; pages, proofs and the anchoring
/// recovery make it later from the stored event alone. Both must give the same view and view id.
/// </summary>
public class ViewsMadeAtCaptureMatchViewsMadeLater
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SharedData.Path("epcis-capture", "valid"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void TheViewOfEveryEventIsTheSameWhicheverWayItIsMade(string file)
    {
        var document = JsonNode.Parse(File.ReadAllText(SharedData.Path("epcis-capture", "valid", file)))!.AsObject();
        var isDocument = document["epcisBody"] is not null;
        var scope = isDocument ? EventScope.OfDocument(document) : EventScope.Standalone;
        var events = isDocument ? document["epcisBody"]!["eventList"]!.AsArray().OfType<JsonObject>().ToList() : [document];
        Assert.NotEmpty(events);

        foreach (var (evt, index) in events.Select((e, i) => (e, i)))
        {
            var captured = CapturedEvent.Read(index, evt, scope, isDocument ? document["@context"] : null, DateTimeOffset.UnixEpoch);
            foreach (var thirdParty in new[] { false, true })
            {
                var atCapture = ConsumerView.Of(captured.Json, captured.Scope.Context, thirdParty);
                var later = ConsumerView.Of(JsonNode.Parse(captured.Json.ToJsonString())!.AsObject(), thirdParty);
                Assert.Equal(later.ToJsonString(), atCapture.ToJsonString());
                Assert.Equal(later["eventID"]!.GetValue<string>(), captured.ViewIdFor(thirdParty ? EventStanding.ThirdParty : EventStanding.Custodian));
            }
            Assert.Equal(captured.Json.ToJsonString(), captured.StoredJson);
        }
    }
}
