using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// The whole API as <see cref="ApiFixture"/> has it, but listening with Kestrel on a free loopback port, so a real
/// browser can reach it (the default TestServer lives in memory only). <see cref="BaseUrl"/> is where it listens;
/// the factory's HTTP clients talk to the same socket.
/// </summary>
public class KestrelApiFixture : ApiFixture
{
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Whether a URL the browser requested belongs to this server (blob: URLs the page made included).</summary>
    public bool IsSameOrigin(string url)
    {
        var origin = BaseUrl.GetLeftPart(UriPartial.Authority);
        return url.StartsWith(origin + "/", StringComparison.Ordinal) || url.StartsWith("blob:" + origin + "/", StringComparison.Ordinal);
    }

    protected override IDictionary<string, string?> Settings(Traceability.Testing.AnvilNode chain)
    {
        var settings = base.Settings(chain);
        settings["Logging:LogLevel:Default"] = "Warning"; // a browser's requests would fill the test output
        return settings;
    }

    protected override void BeforeStart(WebApplicationFactory<Program> factory) =>
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }
}
