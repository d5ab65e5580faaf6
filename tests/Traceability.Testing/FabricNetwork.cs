using System.Diagnostics;
using System.Text.Json;

namespace Traceability.Testing;

/// <summary>
/// The Fabric network of network/fabric (orderer, two peers, the chaincode as a service) in a temporary folder of
/// its own, started through `network.mjs start` on free loopback ports and stopped by PID. The binaries come from
/// FABRIC_BIN, else from ../shared/fabric/bin beside the checkout; without either, <see cref="SkipReason"/> says so.
/// </summary>
public sealed class FabricNetwork : IAsyncDisposable
{
    private FabricNetwork(string dataDirectory, FabricNetworkDescription description)
    {
        DataDirectory = dataDirectory;
        Description = description;
    }

    public string DataDirectory { get; }
    public FabricNetworkDescription Description { get; }

    /// <summary>The folder holding peer, orderer, osnadmin, configtxgen and cryptogen, or null.</summary>
    public static string? BinDirectory
    {
        get
        {
            var candidates = new[] { Environment.GetEnvironmentVariable("FABRIC_BIN"), Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "fabric", "bin")) };
            return candidates.FirstOrDefault(dir => !string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, "peer")));
        }
    }

    /// <summary>Why Fabric tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => BinDirectory is null
        ? "no Fabric binaries: set FABRIC_BIN (or put them in ../shared/fabric/bin) to run the Fabric ledger tests"
        : null;

    public static async Task<FabricNetwork> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(SkipReason);
        var directory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "traceability-fabric", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var network = new FabricNetwork(directory, null!);
        try
        {
            await RunAsync(directory, ["start", "--data-dir", directory], bin, environment, TimeSpan.FromMinutes(4), cancellationToken);
            await using var json = File.OpenRead(Path.Combine(directory, "network.json"));
            var description = await JsonSerializer.DeserializeAsync<FabricNetworkDescription>(json, JsonOptions, cancellationToken)
                ?? throw new InvalidDataException("network.json is empty");
            return new FabricNetwork(directory, description);
        }
        catch
        {
            await network.StopAsync();
            throw;
        }
    }

    /// <summary>Starts again every process of the network that is not running (after <see cref="StopAsync"/>).</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        RunAsync(DataDirectory, ["start", "--data-dir", DataDirectory], BinDirectory!, null, TimeSpan.FromMinutes(2), cancellationToken);

    /// <summary>Stops the named processes (orderer, peer0.org1.example.com, peer0.org2.example.com, chaincode) or all by PID.</summary>
    public Task StopAsync(params string[] names) =>
        RunAsync(DataDirectory, ["stop", "--data-dir", DataDirectory, .. names], BinDirectory ?? "", null, TimeSpan.FromSeconds(60), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* a log still being written; the temp folder is cleaned eventually */ }
    }

    public FabricOrganisation Organisation(string mspId) => Description.Organisations.Single(o => o.MspId == mspId);

    private static async Task RunAsync(string directory, string[] arguments, string bin, IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepositoryPaths.Combine("network", "fabric", "network.mjs"));
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["FABRIC_BIN"] = bin;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"network.mjs {arguments[0]} did not finish within {timeout}; logs in {directory}/logs");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"network.mjs {arguments[0]} failed ({process.ExitCode}): {await stderr}{await stdout}; logs in {directory}/logs");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>network.json: what any Fabric client needs to check the ledger independently.</summary>
public sealed record FabricNetworkDescription(
    string Channel, string Chaincode, string ConsortiumAdmin, FabricEndpoint Orderer, IReadOnlyList<FabricOrganisation> Organisations);

public sealed record FabricEndpoint(string Endpoint, string TlsCaFile);

/// <summary>An organisation: its MSP id, the peer whose gateway it uses (its own when <see cref="HasPeer"/>), and identities.</summary>
public sealed record FabricOrganisation(
    string MspId, bool HasPeer, string PeerEndpoint, string PeerHostName, string TlsCaFile, FabricIdentityFiles Admin, FabricIdentityFiles User);

public sealed record FabricIdentityFiles(string CertificateFile, string PrivateKeyFile);
