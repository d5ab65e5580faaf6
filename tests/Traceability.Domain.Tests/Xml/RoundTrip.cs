using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Domain.Tests.Xml;

/// <summary>Events written as XML and read back are the same events: same hash, same JSON after normalisation.</summary>
public sealed class RoundTrip
{
    public static TheoryData<string> JsonDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SharedData.Path("epcis-capture", "valid"), "*.json").Order(StringComparer.Ordinal))
            data.Add("epcis-capture/valid/" + Path.GetFileName(file));
        foreach (var file in Directory.GetFiles(SharedData.Path("epcis-event-hash"), "*.jsonld").Order(StringComparer.Ordinal))
            data.Add("epcis-event-hash/" + Path.GetFileName(file));
        return data;
    }

    public static TheoryData<string> XmlDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "epcis-capture-xml/2.0/valid", "epcis-capture-xml/1.2/valid", "epcis-event-hash" })
        {
            foreach (var file in Directory.GetFiles(SharedData.Path(folder.Split('/')), "*.xml").Order(StringComparer.Ordinal))
                data.Add(folder + "/" + Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(JsonDocuments))]
    public void SharedJsonDocumentsComeBackFromXmlAsTheSameEvents(string file)
    {
        var original = JsonNode.Parse(File.ReadAllText(SharedData.Path(file.Split('/'))))!.AsObject();

        var readBack = Through(original);

        AssertSameEvents(original, readBack);
    }

    [Theory]
    [MemberData(nameof(XmlDocuments))]
    public void WhatTheReaderMadeComesBackIdentical(string file)
    {
        var first = XmlSamples.ReadFile(SharedData.Path(file.Split('/'))).Json!.AsObject();

        var second = Through(first);

        Assert.True(JsonNode.DeepEquals(first, second), $"{first.ToJsonString()}\n---\n{second.ToJsonString()}");
    }

    /// <summary>JSON → XML → JSON, through the writer that fits the JSON (a document or a bare event).</summary>
    internal static JsonObject Through(JsonObject json)
    {
        var xml = new MemoryStream();
        if (json.ContainsKey("epcisBody"))
            EpcisXmlWriter.WriteDocument(json, xml);
        else
            EpcisXmlWriter.WriteEvent(json, xml);
        xml.Position = 0;
        var result = EpcisXml.Read(xml, new EpcisXmlOptions { Validate = false });
        Assert.True(result.IsValid, result.Validation + "\n" + System.Text.Encoding.UTF8.GetString(xml.ToArray()));
        return result.Json!.AsObject();
    }

    internal static void AssertSameEvents(JsonObject original, JsonObject readBack)
    {
        var before = EpcisEvents.Read(original);
        var after = EpcisEvents.Read(readBack);
        Assert.Equal(before.Select(e => EventHash.PreHash(e.Event, e.Document)), after.Select(e => EventHash.PreHash(e.Event, e.Document)));
        Assert.Equal(before.Select(e => EventHash.ComputeId(e.Event, e.Document)), after.Select(e => EventHash.ComputeId(e.Event, e.Document)));
        for (var i = 0; i < before.Count; i++)
        {
            var expected = JsonNormaliser.Event(before[i].Event, before[i].Document?["@context"]);
            var actual = JsonNormaliser.Event(after[i].Event, after[i].Document?["@context"]);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"event {i}\n{expected.ToJsonString()}\n---\n{actual.ToJsonString()}");
        }
    }
}
