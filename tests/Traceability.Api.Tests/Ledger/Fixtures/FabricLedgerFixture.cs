using Traceability.Api.Ledger;
using Traceability.Ledger;
using Traceability.Testing;

[assembly: AssemblyFixture(typeof(Traceability.Api.Tests.Ledger.Fixtures.SharedFabricNetwork))]

namespace Traceability.Api.Tests.Ledger.Fixtures;

/// <summary>
/// One Fabric network (network/fabric, in a temporary folder) for every ledger contract class of the assembly, started
/// on first use (so a run that needs none starts none) and stopped by PID at the end. It has 40 member organisations,
/// since each contract class registers its own organisations on it.
/// </summary>
public sealed class SharedFabricNetwork : IAsyncDisposable
{
    private static readonly Lazy<Task<FabricNetwork>> Network = new(() => FabricNetwork.StartAsync(
        environment: new Dictionary<string, string> { ["FABRIC_MEMBER_ORGS"] = "40" }));

    public static Task<FabricNetwork> GetAsync() => Network.Value;

    public async ValueTask DisposeAsync()
    {
        if (!Network.IsValueCreated) return;
        try
        {
            await (await Network.Value).DisposeAsync();
        }
        catch (InvalidOperationException)
        {
            // It never started: the tests that needed it have reported why.
        }
    }
}

/// <summary>The Fabric adapter on the shared network, with an organisation store of its own.</summary>
public sealed class FabricLedgerFixture : ILedgerFixture, IAsyncLifetime
{
    private LedgerHost? _host;
    private Exception? _startFailure;

    public ILedger Ledger
    {
        get
        {
            if (FabricNetwork.SkipReason is { } reason) Assert.Skip(reason);
            if (_startFailure is not null) throw new InvalidOperationException("the Fabric network did not start", _startFailure);
            return _host!.Ledger;
        }
    }

    public string Kind => "fabric";
    public int LotsPerTransaction => FabricLedger.LotsPerTransaction;

    public async ValueTask InitializeAsync()
    {
        if (FabricNetwork.SkipReason is not null) return;
        try
        {
            var network = await SharedFabricNetwork.GetAsync();
            _host = await LedgerHost.StartAsync(Settings(Path.Combine(network.DataDirectory, "network.json")), TestContext.Current.CancellationToken);
            await _host.Ledger.Connected.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _startFailure = e;
        }
    }

    /// <summary>No network.json where the adapter looks: it keeps trying and says why.</summary>
    public Task<LedgerHost> StartUnreachableAsync(CancellationToken cancellationToken)
    {
        _ = Ledger; // skips without Fabric binaries, like every other test of the class
        return LedgerHost.StartAsync(Settings(Path.Combine(Path.GetTempPath(), "trace-tests", Guid.NewGuid().ToString("N"), "network.json")), cancellationToken);
    }

    private static Dictionary<string, string?> Settings(string networkJson) => new()
    {
        ["Trace:Ledger:Kind"] = "fabric",
        ["Trace:Ledger:FabricNetwork"] = networkJson,
        ["Trace:Ledger:ReconnectInterval"] = "00:00:00.250",
        ["Trace:Ledger:CommitTimeout"] = "00:00:30",
    };

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
