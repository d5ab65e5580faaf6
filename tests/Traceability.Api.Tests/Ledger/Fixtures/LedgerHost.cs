using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Traceability.Api.Extensions;
using Traceability.Ledger;
using Traceability.Storage;
using Traceability.Storage.Sqlite;

namespace Traceability.Api.Tests.Ledger.Fixtures;

/// <summary>
/// The API's ledger services alone, registered as the API registers them (<c>ServiceExtensions.AddLedger</c>) with a
/// SQLite organisation store in a data directory of its own, their hosted connection loop started.
/// </summary>
public sealed class LedgerHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IReadOnlyList<IHostedService> _hosted;

    private LedgerHost(string dataDir, ServiceProvider services, IReadOnlyList<IHostedService> hosted)
    {
        DataDir = dataDir;
        _services = services;
        _hosted = hosted;
    }

    public string DataDir { get; }
    public ILedger Ledger => _services.GetRequiredService<ILedger>();
    public IOrganisationStore Organisations => _services.GetRequiredService<IOrganisationStore>();

    /// <param name="settings">Configuration under "Trace" (e.g. Trace:Ledger:Kind).</param>
    public static async Task<LedgerHost> StartAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "trace-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Trace:DataDir"] = dataDir })
            .Build();
        var store = new SqliteTraceStore(Path.Combine(dataDir, "trace.db"));
        await store.InitializeAsync(cancellationToken);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<TraceOptions>().Bind(configuration.GetSection(TraceOptions.Section));
        services.AddHttpClient("ledger", c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ITraceStore>(store);
        services.AddSingleton<IOrganisationStore>(store);
        ServiceExtensions.AddLedger(services);
        var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted) await service.StartAsync(cancellationToken);
        return new LedgerHost(dataDir, provider, hosted);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _hosted) await service.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
