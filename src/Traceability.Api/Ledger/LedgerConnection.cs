using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Ledger;

/// <summary>What the API holds once the chain answered: gateway, registry and the admin identity.</summary>
public sealed record LedgerSession(EvmGateway Gateway, TraceRegistryClient Registry, EvmIdentity Admin, bool IsAnvil);

/// <summary>
/// Connects to the chain in the background and keeps trying while it is unreachable, so the API
/// starts (and captures) without a chain. On first contact it deploys the registry unless one is
/// configured or remembered in DataDir/ledger.json, and funds the admin account on a dev chain.
/// </summary>
public sealed class LedgerConnection(
    IOptions<TraceOptions> options, KeyVault keys, IHttpClientFactory httpClients, ILogger<LedgerConnection> logger)
    : BackgroundService
{
    private static readonly BigInteger MinimumBalance = BigInteger.Pow(10, 18); // 1 ether
    private readonly TraceOptions _options = options.Value;
    private volatile LedgerSession? _session;
    private volatile string? _lastError = "not connected yet";
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LedgerSession? Session => _session;
    public string? LastError => _lastError;
    public Uri RpcUrl => new(_options.Ledger.RpcUrl);

    /// <summary>The session, or <see cref="LedgerUnavailableException"/> while the chain has not answered.</summary>
    public LedgerSession Require() =>
        _session ?? throw new LedgerUnavailableException($"the ledger at {_options.Ledger.RpcUrl} is not connected: {_lastError}");

    /// <summary>Completes when the first connection succeeded (tests and the demo loader wait on it).</summary>
    public Task Connected => _connected.Task;

    /// <summary>Reads the latest block number; null (and the reason recorded) when the chain does not answer.</summary>
    public async Task<ulong?> ProbeAsync(CancellationToken cancellationToken)
    {
        if (_session is not { } s) return null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            var block = await s.Gateway.GetBlockNumberAsync(timeout.Token);
            _lastError = null;
            return block;
        }
        catch (Exception ex) when (ex is LedgerException or JsonRpcException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _lastError = ex.Message;
            return null;
        }
    }

    /// <summary>Makes sure an account can pay for gas: Anvil's cheat method on a dev chain, a transfer elsewhere.</summary>
    public Task FundAsync(EvmAddress account, CancellationToken cancellationToken)
    {
        var s = Require();
        return FundAsync(s.Gateway, s.Admin, s.IsAnvil, account, cancellationToken);
    }

    private async Task FundAsync(EvmGateway gateway, EvmIdentity admin, bool isAnvil, EvmAddress account, CancellationToken cancellationToken)
    {
        if (await gateway.GetBalanceAsync(account, cancellationToken) >= MinimumBalance) return;
        if (isAnvil)
        {
            await gateway.Rpc.CallAsync("anvil_setBalance", [account.ToString(), Hex.EncodeQuantity(BigInteger.Pow(10, 21))], cancellationToken);
            return;
        }
        var (maxFee, _) = await gateway.Fees.GetAsync(cancellationToken);
        if (maxFee.IsZero) return; // free-gas private network (Besu with zero base fee): nothing to pay
        var transfer = await gateway.SubmitAsync(admin, account, [], new SubmitOptions(GasLimit: 21_000, Value: MinimumBalance * 10), null, cancellationToken);
        await transfer.GetCommitAsync(_options.Ledger.CommitTimeout, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && _session is null)
        {
            try
            {
                _session = await ConnectAsync(stoppingToken);
                _lastError = null;
                _connected.TrySetResult();
                logger.LogInformation("ledger connected: chain {ChainId}, TraceRegistry {Contract}", _session.Gateway.ChainId, _session.Registry.Address);
            }
            catch (Exception ex) when (ex is LedgerException or HttpRequestException or JsonRpcException && !stoppingToken.IsCancellationRequested)
            {
                _lastError = ex.Message;
                logger.LogWarning("ledger at {RpcUrl} not available ({Error}); retrying", _options.Ledger.RpcUrl, ex.Message);
                await Task.Delay(_options.Ledger.ReconnectInterval, stoppingToken);
            }
        }
    }

    private async Task<LedgerSession> ConnectAsync(CancellationToken cancellationToken)
    {
        var rpc = new JsonRpcClient(httpClients.CreateClient("ledger"), RpcUrl);
        var gateway = await EvmGateway.ConnectAsync(rpc, cancellationToken);
        var isAnvil = (await gateway.GetClientVersionAsync(cancellationToken)).StartsWith("anvil", StringComparison.OrdinalIgnoreCase);
        var admin = EvmIdentity.From(keys.LoadOrCreate("admin"));
        // The session is published only once the registry is known: a half-made one would let
        // requests and the anchoring worker send transactions to no contract at all.
        await FundAsync(gateway, admin, isAnvil, admin.Address, cancellationToken);

        var registry = await FindRegistryAsync(gateway, cancellationToken);
        if (registry is null)
        {
            registry = await TraceRegistryClient.DeployAsync(gateway, admin, cancellationToken, _options.Ledger.CommitTimeout);
            logger.LogInformation("deployed TraceRegistry at {Contract}", registry.Address);
            RememberContract(gateway.ChainId, registry.Address);
        }
        return new LedgerSession(gateway, registry, admin, isAnvil);
    }

    private async Task<TraceRegistryClient?> FindRegistryAsync(EvmGateway gateway, CancellationToken cancellationToken)
    {
        if (_options.Ledger.ContractAddress is { Length: > 0 } configured)
        {
            var registry = TraceRegistryClient.At(gateway, EvmAddress.Parse(configured), _options.Ledger.CommitTimeout);
            return await registry.IsDeployedAsync(cancellationToken) ? registry
                : throw new InvalidOperationException($"Trace:Ledger:ContractAddress {configured} holds no TraceRegistry on chain {gateway.ChainId}");
        }
        if (RememberedContract(gateway.ChainId) is { } remembered)
        {
            var registry = TraceRegistryClient.At(gateway, remembered, _options.Ledger.CommitTimeout);
            if (await registry.IsDeployedAsync(cancellationToken)) return registry;
            logger.LogWarning("the remembered TraceRegistry {Contract} is not on this chain (was it reset?); deploying a new one", remembered);
        }
        return null;
    }

    private string LedgerFile => Path.Combine(_options.DataDir, "ledger.json");

    private EvmAddress? RememberedContract(BigInteger chainId)
    {
        if (!File.Exists(LedgerFile)) return null;
        var saved = JsonNode.Parse(File.ReadAllText(LedgerFile));
        return saved?["chainId"]?.GetValue<string>() == chainId.ToString() && saved["contract"]?.GetValue<string>() is { } c
            ? EvmAddress.Parse(c) : null;
    }

    private void RememberContract(BigInteger chainId, EvmAddress contract)
    {
        Directory.CreateDirectory(_options.DataDir);
        var json = new JsonObject { ["chainId"] = chainId.ToString(), ["contract"] = contract.ToString() };
        File.WriteAllText(LedgerFile, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
