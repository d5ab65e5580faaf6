namespace Traceability.Api;

/// <summary>Configuration section "Trace" (environment: Trace__AdminToken, Trace__Ledger__RpcUrl, ...).</summary>
public sealed class TraceOptions
{
    public const string Section = "Trace";

    /// <summary>Bearer token for the admin endpoints; admin endpoints refuse everything when unset.</summary>
    public string? AdminToken { get; set; }

    /// <summary>Where the SQLite file, keystores and ledger settings live (default: TRACE_DATA_DIR or ./.trace).</summary>
    public string DataDir { get; set; } = Environment.GetEnvironmentVariable("TRACE_DATA_DIR") is { Length: > 0 } d ? d : ".trace";

    /// <summary>"sqlite" (embedded default) or "mongodb" (with TRACE_MONGODB_URI or Trace:MongoUri).</summary>
    public string Store { get; set; } = "sqlite";

    public string? MongoUri { get; set; } = Environment.GetEnvironmentVariable("TRACE_MONGODB_URI");
    public string MongoDatabase { get; set; } = "traceability";

    /// <summary>Base of the Digital Link URIs printed in QR codes and labels; empty means the scheme and host of each request.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public LedgerOptions Ledger { get; set; } = new();

    public Anchoring.AnchoringOptions Anchoring { get; set; } = new();

    public LimitsOptions Limits { get; set; } = new();
}

/// <summary>What one request or one client may cost the server (Trace:Limits:*); capture limits are advertised on OPTIONS /capture.</summary>
public sealed class LimitsOptions
{
    /// <summary>Largest capture body (GS1-EPCIS-Capture-File-Size-Limit).</summary>
    public int CaptureMaxBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Identifiers (EPCs, classes, parents, inputs and outputs) one event may name.</summary>
    public int MaxIdentifiersPerEvent { get; set; } = 10_000;

    /// <summary>Identifiers one capture may name across its events.</summary>
    public int MaxIdentifiersPerCapture { get; set; } = 100_000;

    /// <summary>Sustained requests per second per API key (a token bucket of twice this).</summary>
    public int RequestsPerSecondPerKey { get; set; } = 500;

    /// <summary>Failed authentications a client address may have per minute before it is refused with 429.</summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 30;
}

public sealed class LedgerOptions
{
    /// <summary>"evm" (default: an EVM chain at <see cref="RpcUrl"/>) or "fabric" (a Fabric network described by <see cref="FabricNetwork"/>).</summary>
    public string Kind { get; set; } = Environment.GetEnvironmentVariable("TRACE_LEDGER") is { Length: > 0 } k ? k : "evm";

    /// <summary>The network.json that network/fabric/start writes (channel, chaincode, organisations' peers and identities).</summary>
    public string? FabricNetwork { get; set; }

    public string RpcUrl { get; set; } = "http://127.0.0.1:8545";

    /// <summary>Published in GET /ledger so anyone can check roots; leave unset to publish RpcUrl.</summary>
    public string? PublicRpcUrl { get; set; }

    /// <summary>An existing TraceRegistry; when unset one is deployed once and remembered in DataDir/ledger.json.</summary>
    public string? ContractAddress { get; set; }

    /// <summary>Password of the keystore files under DataDir/keys; when unset one is generated and kept there.</summary>
    public string? KeystorePassword { get; set; }

    public TimeSpan CommitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an unreachable chain is tried again.</summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(2);
}
