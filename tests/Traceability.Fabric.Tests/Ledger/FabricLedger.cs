using System.Text;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Traceability.Testing;

[assembly: AssemblyFixture(typeof(Traceability.Fabric.Tests.Ledger.FabricLedger))]

namespace Traceability.Fabric.Tests.Ledger;

/// <summary>
/// One real Fabric network for the whole test assembly (started once: it takes seconds), with a gateway per
/// organisation using its client (User1) identity from the MSP files in network.json. The registry is set up as
/// the tests expect it: Org1MSP (the consortium admin) a Regulator, Org2MSP a Producer, Org3MSP not registered.
/// Without the Fabric binaries every test using <see cref="Contract"/> is skipped with the reason.
/// </summary>
public sealed class FabricLedger : IAsyncLifetime
{
    public const string Regulator = "Org1MSP";
    public const string Producer = "Org2MSP";
    public const string Outsider = "Org3MSP";

    private readonly Dictionary<string, (GrpcChannel Channel, Gateway Gateway)> _gateways = [];
    private FabricNetwork? _network;
    private Exception? _startFailure;

    /// <summary>The network; skips the test without binaries, fails it when the network did not start.</summary>
    public FabricNetwork Network => _network
        ?? (_startFailure is not null ? throw new InvalidOperationException("the Fabric network did not start", _startFailure) : Skip());

    public Contract Contract(string mspId)
    {
        var network = Network;
        return _gateways[mspId].Gateway.GetNetwork(network.Description.Channel).GetContract(network.Description.Chaincode);
    }

    public Network Channel(string mspId)
    {
        var network = Network; // first: skips the test without binaries, before any gateway is looked up
        return _gateways[mspId].Gateway.GetNetwork(network.Description.Channel);
    }

    /// <summary>A gateway for an organisation with other options (signer, deadlines); the caller disposes the channel.</summary>
    public (GrpcChannel Channel, Gateway Gateway) Connect(string mspId, Func<GatewayOptions, GatewayOptions>? adjust = null)
    {
        var org = Network.Organisation(mspId);
        var channel = GatewayChannels.Create(org.PeerEndpoint, org.TlsCaFile);
        var options = new GatewayOptions
        {
            Client = channel,
            Identity = Identity.FromCertificateFile(mspId, org.User.CertificateFile),
            Signer = Signers.FromPrivateKeyFile(org.User.PrivateKeyFile),
        };
        return (channel, Gateway.Connect(adjust is null ? options : adjust(options)));
    }

    public async ValueTask InitializeAsync()
    {
        if (FabricNetwork.SkipReason is not null) return;
        // A failure here is reported by each test that needs the network, not by the tests that do not (Wire/).
        try
        {
            _network = await FabricNetwork.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
            foreach (var org in _network.Description.Organisations) _gateways[org.MspId] = Connect(org.MspId);
            var admin = Contract(Regulator);
            await admin.SubmitTransactionAsync("RegisterOrg", [Regulator, "Regulator", "org-regulator"], TestContext.Current.CancellationToken);
            await admin.SubmitTransactionAsync("RegisterOrg", [Producer, "Producer", "org-producer"], TestContext.Current.CancellationToken);
        }
        catch (Exception e)
        {
            _startFailure = e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (channel, gateway) in _gateways.Values)
        {
            gateway.Dispose();
            channel.Dispose();
        }
        if (_network is not null) await _network.DisposeAsync();
    }

    public static string NewHash() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static JsonObject Json(byte[] bytes) => JsonNode.Parse(Encoding.UTF8.GetString(bytes))!.AsObject();

    private static FabricNetwork Skip()
    {
        Assert.Skip(FabricNetwork.SkipReason ?? "the Fabric network did not start");
        return null!;
    }
}
