using Microsoft.Extensions.Options;
using Traceability.Fabric;
using Traceability.Ledger.Gateway;

namespace Traceability.Api.Ledger;

/// <summary>What the API holds once the Fabric network answered: its description and a gateway per identity.</summary>
public sealed record FabricSession(NetworkFile Network, NetworkConnections Connections)
{
    /// <summary>The consortium admin's admin identity: registers organisations, reads the ledger.</summary>
    public Fabric.Network AdminChannel => Connections.Channel(Network.ConsortiumAdmin, admin: true);

    public Contract AdminContract => Connections.Contract(Network.ConsortiumAdmin, admin: true);
}

/// <summary>
/// Connects to the Fabric network described by network.json in the background and keeps trying while it is missing or
/// unreachable, so the API starts (and captures) without a ledger, as <see cref="LedgerConnection"/> does for an EVM
/// chain. Connected once the consortium admin's gateway has answered a qscc height query and a chaincode read.
/// </summary>
public sealed class FabricConnection(IOptions<TraceOptions> options, ILogger<FabricConnection> logger) : BackgroundService
{
    private readonly LedgerOptions _options = options.Value.Ledger;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile FabricSession? _session;
    private volatile string? _lastError = "not connected yet";

    public FabricSession? Session => _session;

    public string? LastError
    {
        get => _lastError;
        set => _lastError = value;
    }

    public Task Connected => _connected.Task;

    /// <summary>network.json: Trace:Ledger:FabricNetwork, else DataDir/fabric/network.json (where scripts/start puts it).</summary>
    public string NetworkFilePath => _options.FabricNetwork is { Length: > 0 } path ? path : Path.Combine(options.Value.DataDir, "fabric", "network.json");

    /// <summary>The session, or <see cref="LedgerUnavailableException"/> while the network has not answered.</summary>
    public FabricSession Require() =>
        _session ?? throw new LedgerUnavailableException($"the Fabric network of {NetworkFilePath} is not connected: {_lastError}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && _session is null)
        {
            NetworkConnections? connections = null;
            try
            {
                var network = NetworkFile.Load(NetworkFilePath);
                connections = new NetworkConnections(network, Deadlines);
                var session = new FabricSession(network, connections);
                var info = await session.AdminChannel.GetChainInfoAsync(stoppingToken);
                await session.AdminContract.EvaluateTransactionAsync("GetOrg", [network.ConsortiumAdmin], stoppingToken);
                _session = session;
                _lastError = null;
                _connected.TrySetResult();
                logger.LogInformation("ledger connected: Fabric channel {Channel}, chaincode {Chaincode}, height {Height}",
                    network.Channel, network.Chaincode, info.Height);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Anything from a missing file to a peer that does not answer yet: report it and try again.
                connections?.Dispose();
                _lastError = ex.Message;
                logger.LogWarning("Fabric network of {File} not available ({Error}); retrying", NetworkFilePath, ex.Message);
                await Task.Delay(_options.ReconnectInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private GatewayOptions Deadlines(GatewayOptions gateway) => gateway with { CommitStatusTimeout = _options.CommitTimeout };

    public override void Dispose()
    {
        _session?.Connections.Dispose();
        base.Dispose();
    }
}
