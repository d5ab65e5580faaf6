using Traceability.Api.Ledger;
using Traceability.Ledger;
using Traceability.Testing;

namespace Traceability.Api.Tests.Ledger.Fixtures;

/// <summary>The EVM adapter on an Anvil chain of its own (the TraceRegistry is deployed on connection).</summary>
public sealed class EvmLedgerFixture : ILedgerFixture, IAsyncLifetime
{
    private AnvilNode? _chain;
    private LedgerHost? _host;

    public ILedger Ledger => _host?.Ledger ?? throw new InvalidOperationException("not started");
    public string Kind => "evm";
    public int LotsPerTransaction => EvmLedger.LotsPerTransaction;

    public async ValueTask InitializeAsync()
    {
        _chain = await AnvilNode.StartAsync();
        _host = await LedgerHost.StartAsync(Settings(_chain.RpcUrl.ToString()), TestContext.Current.CancellationToken);
        await _host.Ledger.Connected.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public async Task<LedgerHost> StartUnreachableAsync(CancellationToken cancellationToken) =>
        await LedgerHost.StartAsync(Settings($"http://127.0.0.1:{ClosedPort()}"), cancellationToken);

    private static Dictionary<string, string?> Settings(string rpcUrl) => new()
    {
        ["Trace:Ledger:Kind"] = "evm",
        ["Trace:Ledger:RpcUrl"] = rpcUrl,
        ["Trace:Ledger:ReconnectInterval"] = "00:00:00.250",
        ["Trace:Ledger:CommitTimeout"] = "00:00:10",
    };

    /// <summary>A loopback port nothing listens on (bound, read back and released).</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_chain is not null) await _chain.DisposeAsync();
    }
}
