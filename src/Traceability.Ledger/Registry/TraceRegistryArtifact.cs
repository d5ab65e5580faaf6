using System.Text.Json.Nodes;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;

namespace Traceability.Ledger.Registry;

/// <summary>The compiled TraceRegistry (contracts/evm/TraceRegistry.json, embedded at build time).</summary>
public static class TraceRegistryArtifact
{
    private static readonly Lazy<(ContractAbi Abi, byte[] Bytecode, byte[] DeployedBytecode, string Compiler)> Loaded = new(Load);

    public static ContractAbi Abi => Loaded.Value.Abi;
    public static byte[] Bytecode => Loaded.Value.Bytecode;
    public static byte[] DeployedBytecode => Loaded.Value.DeployedBytecode;
    public static string Compiler => Loaded.Value.Compiler;

    private static (ContractAbi, byte[], byte[], string) Load()
    {
        using var stream = typeof(TraceRegistryArtifact).Assembly.GetManifestResourceStream("TraceRegistry.json")
            ?? throw new InvalidOperationException("TraceRegistry.json is not embedded in the ledger assembly");
        var artifact = JsonNode.Parse(stream)!.AsObject();
        return (
            new ContractAbi(artifact["abi"]!.AsArray()),
            Hex.Decode(artifact["bytecode"]!.GetValue<string>()),
            Hex.Decode(artifact["deployedBytecode"]!.GetValue<string>()),
            artifact["compiler"]!.GetValue<string>());
    }
}
