using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Traceability.Ledger.Gateway;

namespace Traceability.Testing;

/// <summary>
/// A local Anvil chain on a free loopback port, started from the pinned npm package and stopped by
/// PID. With a state file, a stop (SIGTERM) dumps the chain and a later start loads it again.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    public const int DefaultChainId = 31337;

    private Process? _process;

    private AnvilNode(int port, string? statePath, int chainId)
    {
        Port = port;
        StatePath = statePath;
        ChainId = chainId;
    }

    /// <summary>Where the chain listens: chosen by the system at the first start (port 0), kept on restarts.</summary>
    public int Port { get; private set; }
    public string? StatePath { get; }
    public int ChainId { get; }
    public Uri RpcUrl => new($"http://127.0.0.1:{Port}");
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public static async Task<AnvilNode> StartAsync(string? statePath = null, int? port = null, int chainId = DefaultChainId, CancellationToken cancellationToken = default)
    {
        var node = new AnvilNode(port ?? 0, statePath, chainId);
        await node.RestartAsync(cancellationToken);
        return node;
    }

    /// <summary>Starts the process again on the same port (after <see cref="StopAsync"/>), loading the saved state.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (ProcessId is not null) throw new InvalidOperationException("anvil is already running");
        var args = new List<string>
        {
            "--host", "127.0.0.1", "--port", Port.ToString(), "--chain-id", ChainId.ToString(),
            "--prune-history", "-q", "--accounts", "1",
            // Automine alone mines only when a transaction arrives: a burst larger than one block
            // would leave the rest pending until the next arrival. Mixed mining adds a block a second.
            "--mixed-mining", "--block-time", "1",
        };
        if (StatePath is not null) args.AddRange(["--state", StatePath, "--state-interval", "1"]);

        var info = new ProcessStartInfo(RepositoryPaths.NodeTool("anvil"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        _process = Process.Start(info) ?? throw new InvalidOperationException("anvil did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var listening = await ListeningPorts.WaitAsync(_process, TimeSpan.FromSeconds(30), cancellationToken);
        if (Port != 0 && listening != Port)
            throw new InvalidOperationException($"anvil listens on {listening}, not on {Port}");
        Port = listening;
        await WaitUntilAnsweringAsync(cancellationToken);
    }

    /// <summary>SIGTERM (so Anvil dumps its state), wait for the exit, SIGKILL if it hangs.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } p) return;
        _process = null;
        if (!p.HasExited)
        {
            _ = Kill(p.Id, SigTerm);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await p.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); }
        }
        p.Dispose();
    }

    /// <summary>Stops the process abruptly, as a crash would (no state dump).</summary>
    public async Task KillAsync()
    {
        if (_process is not { } p) return;
        _process = null;
        if (!p.HasExited) { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); }
        p.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Gives an account 1,000 ether through Anvil's cheat method, so tests need no well-known key.</summary>
    public async Task FundAsync(Traceability.Ledger.Evm.EvmAddress account, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, RpcUrl);
        await rpc.CallAsync("anvil_setBalance", [account.ToString(), "0x3635c9adc5dea00000"], cancellationToken);
    }

    /// <summary>Turns mining on (automine plus a block a second, as started) or off, so transactions stay in the pool.</summary>
    public async Task SetMiningAsync(bool on, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, RpcUrl);
        await rpc.CallAsync("evm_setAutomine", [on], cancellationToken);
        await rpc.CallAsync("evm_setIntervalMining", [on ? 1 : 0], cancellationToken);
    }

    /// <summary>Transactions waiting in the pool.</summary>
    public async Task<long> PendingTransactionsAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient();
        var status = await new JsonRpcClient(http, RpcUrl).CallAsync("txpool_status", [], cancellationToken) as System.Text.Json.Nodes.JsonObject;
        return Convert.ToInt64(status!["pending"]!.GetValue<string>(), 16);
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var rpc = new JsonRpcClient(http, RpcUrl);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_process is { HasExited: true } p)
                throw new InvalidOperationException($"anvil exited with code {p.ExitCode} before answering on port {Port}");
            try
            {
                await rpc.CallAsync("eth_chainId", [], cancellationToken);
                return;
            }
            catch (LedgerUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
