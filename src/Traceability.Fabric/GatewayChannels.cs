using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Traceability.Fabric;

/// <summary>gRPC channels to a peer's gateway over TLS, trusting only the organisation's TLS CA.</summary>
public static class GatewayChannels
{
    /// <summary>
    /// A channel to <paramref name="endpoint"/> ("host:port") whose server certificate must chain to the PEM CA in
    /// <paramref name="tlsCaFile"/> and name <paramref name="serverNameOverride"/> when given (as gRPC's
    /// ssl_target_name_override), else the endpoint's host.
    /// </summary>
    public static GrpcChannel Create(string endpoint, string tlsCaFile, string? serverNameOverride = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(tlsCaFile));
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    certificate is X509Certificate2 server && ChainsTo(server, ca)
                    && (serverNameOverride is null
                        ? (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                        : server.MatchesHostname(serverNameOverride)),
            },
        };
        return GrpcChannel.ForAddress($"https://{endpoint}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = 100 * 1024 * 1024,
        });
    }

    private static bool ChainsTo(X509Certificate2 server, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }
}
