namespace Traceability.Domain.Tests.Xml;

/// <summary>The reference implementation's XML examples (tests/data/epcis-event-hash/*.xml) with their .hashes and .prehashes.</summary>
public sealed class HashVectors
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SharedData.Path("epcis-event-hash"), "*.xml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void XmlExamplesHashToTheListedHashes(string example)
    {
        var result = XmlSamples.ReadFile(SharedData.Path("epcis-event-hash", example + ".xml"));

        Assert.Equal(Lines(example + ".hashes"), XmlSamples.Hashes(result.Json!));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void XmlExamplesGiveTheListedPreHashes(string example)
    {
        var path = SharedData.Path("epcis-event-hash", example + ".prehashes");
        Assert.SkipUnless(File.Exists(path), "no .prehashes for this example");
        var result = XmlSamples.ReadFile(SharedData.Path("epcis-event-hash", example + ".xml"));

        Assert.Equal(Lines(example + ".prehashes"), XmlSamples.PreHashes(result.Json!));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void XmlExamplesAreReadWithoutXmlErrors(string example)
    {
        var result = XmlSamples.ReadFile(SharedData.Path("epcis-event-hash", example + ".xml"));

        Assert.NotNull(result.Json);
        Assert.DoesNotContain(result.Validation.Errors, e => e.Message.Contains("XML", StringComparison.Ordinal));
    }

    private static List<string> Lines(string file) =>
        File.ReadAllLines(SharedData.Path("epcis-event-hash", file)).Where(l => l.Length > 0).ToList();
}
