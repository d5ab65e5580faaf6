using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;

namespace Traceability.Testing;

/// <summary>
/// One Anvil chain with a freshly deployed TraceRegistry and a funded admin, shared by the tests of a
/// collection. Tests create their own organisation keys so they do not depend on each other's state.
/// </summary>
public sealed class AnvilFixture : Xunit.IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public AnvilNode Node { get; private set; } = null!;
    public EvmGateway Gateway { get; private set; } = null!;
    public Secp256k1Key AdminKey { get; } = Secp256k1Key.Generate();
    public EvmIdentity Admin => EvmIdentity.From(AdminKey);
    public TraceRegistryClient Registry { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Node = await AnvilNode.StartAsync();
        Gateway = await EvmGateway.ConnectAsync(new JsonRpcClient(_http, Node.RpcUrl), CancellationToken.None);
        await Node.FundAsync(AdminKey.Address);
        Registry = await TraceRegistryClient.DeployAsync(Gateway, Admin, CancellationToken.None);
    }

    /// <summary>A new funded account registered with <paramref name="role"/> (or unregistered for None).</summary>
    public async Task<EvmIdentity> NewOrgAsync(OrgRole role, string? orgId = null)
    {
        var key = Secp256k1Key.Generate();
        await Node.FundAsync(key.Address);
        if (role != OrgRole.None)
            await Registry.RegisterOrgAsync(Admin, key.Address, role, orgId ?? $"org-{key.Address}", CancellationToken.None);
        return EvmIdentity.From(key);
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        _http.Dispose();
    }
}
