using System.Text.Json.Nodes;
using CsCheck;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Domain.Tests.Xml;

/// <summary>Property tests over generated events: written as XML, read back, the same events, still valid.</summary>
public sealed class GeneratedEvents
{
    [Fact]
    public void GeneratedEventsAreValidEpcis() =>
        EventGens.Event.Sample(evt => EpcisValidator.ValidateEvent(evt).IsValid, iter: 300,
            print: evt => evt.ToJsonString() + "\n" + EpcisValidator.ValidateEvent(evt));

    [Fact]
    public void AnEventWrittenAsXmlIsReadBackAsTheSameEvent() =>
        EventGens.Event.Sample(evt =>
        {
            RoundTrip.AssertSameEvents(evt, RoundTrip.Through(evt));
        }, iter: 300, print: evt => evt.ToJsonString());

    [Fact]
    public void AValidEventWrittenAsXmlIsReadBackWithoutErrors() =>
        EventGens.Event.Sample(evt =>
        {
            var xml = new MemoryStream();
            EpcisXmlWriter.WriteEvent(evt, xml);
            xml.Position = 0;
            var result = EpcisXml.Read(xml);
            Assert.True(result.IsValid, result.Validation.ToString());
        }, iter: 300, print: evt => evt.ToJsonString());

    [Fact]
    public void AQueryDocumentOfGeneratedEventsIsReadBackEventByEvent() =>
        EventGens.Event.Array[1, 30].Sample(events =>
        {
            var xml = new MemoryStream();
            // A MemoryStream completes every write at once.
            EpcisXmlWriter.WriteQueryDocumentAsync(events, xml).GetAwaiter().GetResult();
            xml.Position = 0;
            using var reader = EpcisXmlReader.Create(xml);
            Assert.True(reader.ReadHeader());
            var read = reader.ReadEvents().ToList();

            Assert.Equal(EpcisXmlRoot.EpcisQueryDocument, reader.Root);
            Assert.True(reader.DocumentErrors.IsValid, reader.DocumentErrors.ToString());
            Assert.Equal(events.Length, read.Count);
            for (var i = 0; i < events.Length; i++)
            {
                Assert.Equal(i, read[i].Index);
                Assert.True(read[i].Validation.IsValid, read[i].Validation.ToString());
                var original = new JsonObject { ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray(events[i].DeepClone()) } };
                var back = new JsonObject
                {
                    ["@context"] = reader.Document!["@context"]!.DeepClone(),
                    ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray(read[i].Event.DeepClone()) },
                };
                RoundTrip.AssertSameEvents(original, back);
            }
        }, iter: 20);
}
