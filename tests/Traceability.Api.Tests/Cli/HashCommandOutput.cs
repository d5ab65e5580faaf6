using Traceability.Cli;
using Traceability.Testing;

namespace Traceability.Api.Tests.Cli;

public sealed class HashCommandOutput
{
    [Theory]
    [InlineData("epcisDocWithSingleEvent")]
    [InlineData("epcisDocWithShippingAndTransportingEvent")]
    [InlineData("epcisDocWithSensorDataObjectEvent")]
    public async Task PrintsEachEventsHashOneALineInDocumentOrder(string example)
    {
        var expected = await File.ReadAllLinesAsync(RepositoryPaths.TestData("epcis-event-hash", example + ".hashes"), TestContext.Current.CancellationToken);
        var (exit, output) = await RunAsync("hash", RepositoryPaths.TestData("epcis-event-hash", example + ".jsonld"));

        Assert.Equal(0, exit);
        Assert.Equal(expected.Where(l => l.Length > 0), output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task PrintsPreHashesWithTheFlag()
    {
        var expected = await File.ReadAllLinesAsync(RepositoryPaths.TestData("epcis-event-hash", "epcisDocWithSingleEvent.prehashes"), TestContext.Current.CancellationToken);
        var (exit, output) = await RunAsync("hash", RepositoryPaths.TestData("epcis-event-hash", "epcisDocWithSingleEvent.jsonld"), "--prehash");

        Assert.Equal(0, exit);
        Assert.Equal(expected[0], output.Split('\n')[0]);
    }

    [Fact]
    public async Task FailsClearlyForAMissingFile()
    {
        var (exit, _) = await RunAsync("hash", "/nonexistent/document.json");
        Assert.NotEqual(0, exit);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var config = new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() };
        var exit = await TraceCommandLine.CreateRoot().Parse(args).InvokeAsync(config, TestContext.Current.CancellationToken);
        return (exit, output.ToString().Replace("\r", ""));
    }
}
