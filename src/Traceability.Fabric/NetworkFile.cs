using System.Collections.Concurrent;
using System.Text.Json;
using Grpc.Net.Client;

namespace Traceability.Fabric;

/// <summary>
/// network.json as network/fabric writes it: the channel, the chaincode, the consortium admin's MSP and, per
/// organisation, the peer whose gateway it uses (its own, or a peer organisation's for a member without a peer), that
/// peer's TLS CA, and its admin and user identity files. What any client needs to reach the ledger on its own.
/// </summary>
public sealed record NetworkFile(string Channel, string Chaincode, string ConsortiumAdmin, IReadOnlyList<NetworkOrganisation> Organisations)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Reads and checks the file; <see cref="InvalidDataException"/> names what is missing.</summary>
    public static NetworkFile Load(string path)
    {
        NetworkFile? file;
        try
        {
            file = JsonSerializer.Deserialize<NetworkFile>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a network description: {e.Message}", e);
        }
        if (file is null || string.IsNullOrWhiteSpace(file.Channel) || string.IsNullOrWhiteSpace(file.Chaincode)
            || string.IsNullOrWhiteSpace(file.ConsortiumAdmin) || file.Organisations is not { Count: > 0 })
            throw new InvalidDataException($"{path} names no channel, chaincode, consortium admin or organisations");
        foreach (var o in file.Organisations)
        {
            if (string.IsNullOrWhiteSpace(o.MspId) || string.IsNullOrWhiteSpace(o.PeerEndpoint) || string.IsNullOrWhiteSpace(o.TlsCaFile)
                || o.User is null || o.Admin is null)
                throw new InvalidDataException($"{path}: an organisation lacks its MSP id, peer endpoint, TLS CA or identities");
        }
        if (file.Organisations.Select(o => o.MspId).Distinct(StringComparer.Ordinal).Count() != file.Organisations.Count)
            throw new InvalidDataException($"{path} names an MSP twice");
        _ = file.Organisation(file.ConsortiumAdmin);
        return file;
    }

    /// <summary>The organisation with this MSP id; <see cref="InvalidDataException"/> when the network has none.</summary>
    public NetworkOrganisation Organisation(string mspId) =>
        Organisations.FirstOrDefault(o => o.MspId == mspId) ?? throw new InvalidDataException($"the network has no organisation {mspId}");

    /// <summary>Organisations without a peer of their own, in the file's order.</summary>
    public IEnumerable<NetworkOrganisation> Members => Organisations.Where(o => !o.HasPeer);
}

/// <summary>One organisation of <see cref="NetworkFile"/>.</summary>
public sealed record NetworkOrganisation(
    string MspId, bool HasPeer, string PeerEndpoint, string? PeerHostName, string TlsCaFile, IdentityFiles Admin, IdentityFiles User);

/// <summary>An identity's certificate (msp/signcerts) and private key (msp/keystore) files.</summary>
public sealed record IdentityFiles(string CertificateFile, string PrivateKeyFile);

/// <summary>
/// Gateways to a <see cref="NetworkFile"/>'s network, one per identity, made on first use and kept; one gRPC channel per
/// peer endpoint, shared by every gateway that goes through it. Disposing closes the channels.
/// </summary>
public sealed class NetworkConnections(NetworkFile network, Func<GatewayOptions, GatewayOptions>? adjust = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GrpcChannel>> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string MspId, bool Admin), Lazy<Gateway>> _gateways = new();

    public NetworkFile Network { get; } = network;

    /// <summary>The organisation's gateway, signing as its user (a client) or, with <paramref name="admin"/>, its admin.</summary>
    public Gateway Gateway(string mspId, bool admin = false) =>
        Once(_gateways, (mspId, admin), key => Connect(key.Item1, key.Item2));

    /// <summary>The chaincode as the organisation sees it.</summary>
    public Contract Contract(string mspId, bool admin = false) =>
        Gateway(mspId, admin).GetNetwork(Network.Channel).GetContract(Network.Chaincode);

    /// <summary>The channel as the organisation sees it (events, ledger queries).</summary>
    public Network Channel(string mspId, bool admin = false) => Gateway(mspId, admin).GetNetwork(Network.Channel);

    private Gateway Connect(string mspId, bool admin)
    {
        var org = Network.Organisation(mspId);
        var files = admin ? org.Admin : org.User;
        var channel = Once(_channels, org.PeerEndpoint, endpoint => GatewayChannels.Create(endpoint, org.TlsCaFile));
        var options = new GatewayOptions
        {
            Client = channel,
            Identity = Identity.FromCertificateFile(mspId, files.CertificateFile),
            Signer = Signers.FromPrivateKeyFile(files.PrivateKeyFile),
        };
        return Traceability.Fabric.Gateway.Connect(adjust is null ? options : adjust(options));
    }

    /// <summary>Made once per key; a failure (a missing key file) is not kept, so the next call tries again.</summary>
    private static TValue Once<TKey, TValue>(ConcurrentDictionary<TKey, Lazy<TValue>> made, TKey key, Func<TKey, TValue> make) where TKey : notnull
    {
        var lazy = made.GetOrAdd(key, k => new Lazy<TValue>(() => make(k)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            made.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, lazy));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var gateway in _gateways.Values.Where(g => g.IsValueCreated)) gateway.Value.Dispose();
        foreach (var channel in _channels.Values.Where(c => c.IsValueCreated)) channel.Value.Dispose();
    }
}
