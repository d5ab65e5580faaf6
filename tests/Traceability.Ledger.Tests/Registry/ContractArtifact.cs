using System.Diagnostics;
using Traceability.Ledger.Registry;
using Traceability.Testing;

namespace Traceability.Ledger.Tests.Registry;

public sealed class ContractArtifact
{
    [Fact]
    public async Task EmbeddedArtifactIsWhatThePinnedSolcBuildsFromTheSource()
    {
        var info = new ProcessStartInfo("node", [RepositoryPaths.Combine("scripts", "build-contract.mjs"), "--check"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, stderr);
    }

    [Fact]
    public void AbiHasTheMembersApiMdFixes()
    {
        var abi = TraceRegistryArtifact.Abi;
        Assert.Equal("roleOf(address)", abi.Function("roleOf").Signature);
        Assert.Equal("registerOrg(address,uint8,string)", abi.Function("registerOrg").Signature);
        Assert.Equal("anchor(bytes32,uint32)", abi.Function("anchor").Signature);
        Assert.Equal("anchors(bytes32)", abi.Function("anchors").Signature);
        Assert.Equal("recall(bytes32[],string)", abi.Function("recall").Signature);
        Assert.Equal("recallOf(bytes32)", abi.Function("recallOf").Signature);
        Assert.Equal("Anchored(bytes32,address,uint32)", abi.Event("Anchored").Signature);
        Assert.Equal("Recalled(bytes32,address,string)", abi.Event("Recalled").Signature);
    }
}
