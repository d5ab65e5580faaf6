using Microsoft.AspNetCore.Mvc.Testing;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Consumer;

/// <summary>
/// The API also served by Kestrel on a loopback port: requests then carry the raw request target a deployed server
/// sees, which the in-memory test server leaves out (and percent-encoded lots depend on).
/// </summary>
public sealed class KestrelApiFixture : ApiFixture
{
    private WebApplicationFactory<Program>? _kestrel;

    /// <summary>A client talking HTTP to Kestrel.</summary>
    public HttpClient Http { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _kestrel = Factory.WithWebHostBuilder(_ => { });
        // A free loopback port: UseKestrel(0) listens on Kestrel's default 5000, so two such fixtures would collide.
        _kestrel.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _kestrel.StartServer();
        Http = _kestrel.CreateClient();
    }

    public override async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_kestrel is not null) await _kestrel.DisposeAsync();
        await base.DisposeAsync();
    }
}
