using System.Net.Sockets;
using System.Text;

namespace Traceability.Api.Tests.Infrastructure;

/// <summary>
/// One HTTP/1.1 request sent byte for byte over a socket: HttpClient normalises request targets (dot segments, %2E,
/// lone '%'), and some tests are about exactly the target a client sent.
/// </summary>
internal static class RawHttp
{
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public string? ContentType => Headers.TryGetValue("content-type", out var type) ? type.Split(';')[0].Trim() : null;
    }

    public static async Task<Response> SendAsync(Uri server, string method, string target, string accept = "application/json", CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        await using var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nAccept: {accept}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = text[..headerEnd].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var body = text[(headerEnd + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var coding) && coding == "chunked")
            body = Dechunk(body);
        return new Response(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
    }

    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd].Split(';')[0], 16);
            if (size == 0) return body.ToString();
            body.Append(chunked, lineEnd + 2, size); // the tests' bodies are ASCII, so characters are bytes
            at = lineEnd + 2 + size + 2;
        }
    }
}
