using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Traceability.Domain;

namespace Traceability.Api.Subscriptions;

/// <summary>
/// Keeps webhook deliveries off the server's own network (SSRF): a destination must be an absolute https URL (http only
/// when allowed for tests) without credentials, and every address its host resolves to must be public — not loopback,
/// private, link-local, carrier-grade NAT, multicast, documentation or reserved, in IPv4 or IPv6 (mapped and NAT64
/// forms checked by their IPv4 address). Checked when subscribing and again on every connection
/// (<see cref="ConnectAsync"/>), so a name that resolves elsewhere later (DNS rebinding) is still refused.
/// </summary>
public sealed class DestinationGuard(IOptions<SubscriptionOptions> options)
{
    private SubscriptionOptions Options => options.Value;

    /// <summary>The destination as a URI, or a 400 naming what is wrong with it (SubscriptionControlsException).</summary>
    public async Task<Uri> CheckAsync(string? dest, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(dest) || dest.Length > 2000 || !Uri.TryCreate(dest, UriKind.Absolute, out var uri))
            throw Refused("dest must be an absolute https URL");
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && (Options.AllowHttpDestinations || Options.AllowPrivateDestinations)))
            throw Refused("dest must be an https URL");
        if (uri.UserInfo.Length > 0) throw Refused("dest must not carry credentials; use signatureToken to authenticate deliveries");
        if (uri.Fragment.Length > 0) throw Refused("dest must not have a fragment");
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            throw Refused($"{uri.Host} does not resolve");
        }
        if (addresses.Length == 0) throw Refused($"{uri.Host} does not resolve");
        if (!Options.AllowPrivateDestinations && addresses.Any(a => !IsPublic(a)))
            // The address itself is not named: the answer would map the server's internal names for the caller.
            throw Refused($"{uri.Host} resolves to a loopback, private or otherwise non-public address; deliveries go to public addresses only");
        return uri;
    }

    /// <summary>SocketsHttpHandler.ConnectCallback: resolves again and connects only when every address is allowed.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        if (addresses.Length == 0) throw new HttpRequestException($"{context.DnsEndPoint.Host} does not resolve");
        if (!Options.AllowPrivateDestinations && addresses.Any(a => !IsPublic(a)))
            throw new HttpRequestException($"refused to connect to {context.DnsEndPoint.Host}: not a public address");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)        // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                      // link-local (cloud metadata)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)      // IETF protocol assignments, TEST-NET-1
                || (b[0] == 198 && b[1] is 18 or 19)                 // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)) return false;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
        if ((b[0] & 0xFE) == 0xFC) return false;                                 // unique local fc00::/7
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return false; // documentation 2001:db8::/32
        if (b[0] == 0x00 && b.Take(12).All(x => x == 0)) return false;           // IPv4-compatible and unspecified forms
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)       // NAT64 64:ff9b::/96: judge the IPv4 inside
            return IsPublic(new IPAddress(b[12..]));
        if (b[0] == 0x20 && b[1] == 0x02) return IsPublic(new IPAddress(b[2..6])); // 6to4 2002::/16
        return true;
    }

    private static TraceError Refused(string message) =>
        TraceError.Invalid("epcisException:SubscriptionControlsException", "dest", message);
}
