using System.CommandLine;
using Traceability.Api.Tests.Anchoring;
using Traceability.Api.Tests.Browser;
using Traceability.Api.Tests.Capture;
using Traceability.Cli;

namespace Traceability.Api.Tests.Cli;

/// <summary>`trace verify` exactly as typed, against the API listening on a real socket.</summary>
public sealed class VerifyCommandLine(KestrelApiFixture api) : IClassFixture<KestrelApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TraceCommandLine.CreateRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AnAnchoredEventIdIsVerifiedFromTheCommandLine()
    {
        var farm = await api.CreateOrgAsync("producer");
        var response = await farm.Client.PostEvent(Epcis.Commission("CLI-1"));
        var id = Uri.UnescapeDataString(response.Headers.Location!.OriginalString["/events/".Length..]);
        await Proofs.WaitAnchoredAsync(api.Anonymous, [id], TimeSpan.FromSeconds(60), Ct);

        var (exit, output, error) = await RunAsync("verify", id, "--api", api.BaseUrl.ToString(), "--api-key", farm.ApiKey);

        Assert.True(exit == 0, error);
        Assert.Contains($"VERIFIED: {id}", output);
    }

    [Theory]
    [InlineData("notaurl")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task ABadApiUrlIsAClearErrorNotACrash(string url)
    {
        var (exit, _, error) = await RunAsync("verify", new string('a', 64), "--api", url);

        Assert.Equal(2, exit);
        Assert.Contains("absolute http(s) URLs", error);
    }
}
