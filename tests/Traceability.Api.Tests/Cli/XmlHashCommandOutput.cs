using Traceability.Cli;
using Traceability.Testing;

namespace Traceability.Api.Tests.Cli;

/// <summary><c>trace hash</c> over EPCIS XML files: the reference implementation's XML vectors check out from the command line.</summary>
public sealed class XmlHashCommandOutput
{
    public static TheoryData<string> XmlExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.TestData("epcis-event-hash"), "*.xml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(XmlExamples))]
    public async Task PrintsTheListedHashOfEachXmlEventInDocumentOrder(string example)
    {
        var expected = await File.ReadAllLinesAsync(RepositoryPaths.TestData("epcis-event-hash", example + ".hashes"), TestContext.Current.CancellationToken);

        var (exit, output, _) = await RunAsync("hash", RepositoryPaths.TestData("epcis-event-hash", example + ".xml"));

        Assert.Equal(0, exit);
        Assert.Equal(expected.Where(l => l.Length > 0), output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task PrintsPreHashesOfXmlWithTheFlag()
    {
        var expected = await File.ReadAllLinesAsync(RepositoryPaths.TestData("epcis-event-hash", "epcisQueryDocument.prehashes"), TestContext.Current.CancellationToken);

        var (exit, output, _) = await RunAsync("hash", RepositoryPaths.TestData("epcis-event-hash", "epcisQueryDocument.xml"), "--prehash");

        Assert.Equal(0, exit);
        Assert.Equal(expected.Where(l => l.Length > 0), output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task AnXmlTwinPrintsTheSameHashesAsItsJsonLdDocument()
    {
        var (_, json, _) = await RunAsync("hash", RepositoryPaths.TestData("epcis-capture", "valid", "TransformationEvent_all_possible_fields.json"));

        var (exit, xml, _) = await RunAsync("hash", RepositoryPaths.TestData("epcis-capture-xml", "2.0", "valid", "TransformationEvent_all_possible_fields.xml"));

        Assert.Equal(0, exit);
        Assert.Equal(json, xml);
    }

    [Fact]
    public async Task RefusesAnXmlFileWithADoctypeAndPrintsNoHash()
    {
        var file = Path.Combine(Path.GetTempPath(), $"trace-hash-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, """
            <?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]>
            <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2026-07-22T10:30:00Z"><EPCISBody><EventList/></EPCISBody></epcis:EPCISDocument>
            """, TestContext.Current.CancellationToken);
        try
        {
            var (exit, output, error) = await RunAsync("hash", file);

            Assert.NotEqual(0, exit);
            Assert.Empty(output);
            Assert.Contains("DOCTYPE", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var config = new System.CommandLine.InvocationConfiguration { Output = output, Error = error };
        var exit = await TraceCommandLine.CreateRoot().Parse(args).InvokeAsync(config, TestContext.Current.CancellationToken);
        return (exit, output.ToString().Replace("\r", ""), error.ToString());
    }
}
