using Microsoft.Extensions.Options;
using Traceability.Api.Auth;
using Traceability.Api.Errors;
using Traceability.Api.Ledger;
using Traceability.Storage;
using Traceability.Storage.Mongo;
using Traceability.Storage.Sqlite;

namespace Traceability.Api.Extensions;

public static class ServiceExtensions
{
    public static WebApplicationBuilder AddTraceability(this WebApplicationBuilder builder)
    {
        builder.UseBuiltWebRootWhenNeeded();
        var services = builder.Services;
        services.AddOptions<TraceOptions>().BindConfiguration(TraceOptions.Section);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<Microsoft.AspNetCore.Http.IProblemDetailsWriter, XmlProblemWriter>(); // XML-only clients (EPCIS XML binding)
        services.AddProblemDetails(StatusCodeProblems.Configure);
        // "No such recall" is an answer, not a failure: let the one error mapping write 404s too.
        services.Configure<Microsoft.AspNetCore.Builder.ExceptionHandlerOptions>(o => o.AllowStatusCode404Response = true);
        services.AddSingleton<ProblemMapping>();
        services.AddSingleton<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>(sp => sp.GetRequiredService<ProblemMapping>());
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        Console.ConsoleServices.AddConsole(services); // the console's session scheme beside the API key's (Console/ConsoleServices.cs)
        services.AddAuthorization(Policies.Add);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddRateLimiter(RateLimits.Configure);
        services.AddOpenApi();
        services.AddHttpClient("ledger", c => c.Timeout = TimeSpan.FromSeconds(10));

        services.AddSingleton<ITraceStore>(sp => CreateStore(sp.GetRequiredService<IOptions<TraceOptions>>().Value, NewInstanceId()));
        // One adapter behind every port, so a capture's append stays one transaction.
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<IAnchorStore>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<IRecallStore>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<IOrganisationStore>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<IProductStore>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<IAlertStore>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<ILeaseStore>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<IEventResourceStore>(sp => sp.GetRequiredService<ITraceStore>());
        services.AddSingleton<Organisations.OrganisationDirectory>();
        services.AddHostedService<StoreInitializer>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Capture.CaptureService>();
        services.AddSingleton<Caller>();
        AddLedger(services);
        services.AddSingleton<Genealogy.LotIndex>();
        services.AddHostedService(sp => sp.GetRequiredService<Genealogy.LotIndex>());
        services.AddSingleton<Following.StoreFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<Following.StoreFollower>());
        services.AddSingleton<Recalls.RecallService>();
        services.AddSingleton<Consumer.StoryVersion>();
        services.AddSingleton<Consumer.LotStories>();
        services.AddSingleton<Anchoring.AnchoringSignal>();
        services.AddSingleton<Anchoring.BatchAnchorer>();
        services.AddSingleton<Anchoring.EventProofs>();
        services.AddSingleton<Anchoring.AnchoringWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Anchoring.AnchoringWorker>());
        AddEpcisQueries(services);
        return builder;
    }

    /// <summary>The EPCIS REST binding's queries, subscriptions, streams and recall announcements.</summary>
    private static void AddEpcisQueries(IServiceCollection services)
    {
        services.AddOptions<Subscriptions.SubscriptionOptions>().BindConfiguration(Subscriptions.SubscriptionOptions.Section);
        services.AddSingleton<Queries.EventQueryRunner>();
        services.AddSingleton<Queries.NamedQueries>();
        services.AddSingleton<Subscriptions.DestinationGuard>();
        services.AddSingleton<Subscriptions.WebhookSender>();
        services.AddSingleton<Subscriptions.QueryStreams>();
        services.AddSingleton<Subscriptions.SubscriptionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Subscriptions.SubscriptionWorker>());
        services.AddSingleton<Recalls.RecallAnnouncer>();
        services.AddHostedService(sp => sp.GetRequiredService<Recalls.RecallAnnouncer>());
    }

    /// <summary>This API host among the instances sharing a store: names its writes in the change feed and holds its leases.</summary>
    private static string NewInstanceId() => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// The ledger adapter Trace:Ledger:Kind names (TRACE_LEDGER): <c>evm</c> (TraceRegistry over JSON-RPC) or
    /// <c>fabric</c> (the chaincode through a Fabric gateway), with the hosted loop that connects it. Chosen when the
    /// services are first resolved, so test hosts' settings apply. Needs options, IOrganisationStore, an
    /// IHttpClientFactory with the "ledger" client, TimeProvider and logging (the ledger contract tests host it alone).
    /// </summary>
    internal static void AddLedger(IServiceCollection services)
    {
        services.AddSingleton<KeyVault>();
        services.AddSingleton<LedgerConnection>();
        services.AddSingleton<EvmLedger>();
        services.AddSingleton<FabricConnection>();
        services.AddSingleton<FabricLedger>();
        services.AddSingleton<Traceability.Ledger.ILedger>(sp => LedgerKind(sp) == "fabric"
            ? sp.GetRequiredService<FabricLedger>() : sp.GetRequiredService<EvmLedger>());
        // AddSingleton, not AddHostedService: the latter keys hosted services by implementation type, unknown until resolved.
        services.AddSingleton<IHostedService>(sp => LedgerKind(sp) == "fabric"
            ? sp.GetRequiredService<FabricConnection>() : sp.GetRequiredService<LedgerConnection>());
    }

    private static string LedgerKind(IServiceProvider services) =>
        services.GetRequiredService<IOptions<TraceOptions>>().Value.Ledger.Kind.ToLowerInvariant() switch
        {
            "evm" => "evm",
            "fabric" => "fabric",
            var other => throw new InvalidOperationException($"Trace:Ledger:Kind (TRACE_LEDGER) must be evm or fabric, not {other}"),
        };

    private static ITraceStore CreateStore(TraceOptions options, string instanceId) => options.Store.ToLowerInvariant() switch
    {
        "sqlite" => new SqliteTraceStore(Path.Combine(options.DataDir, "trace.db")) { InstanceId = instanceId },
        "mongodb" => new MongoTraceStore(
            options.MongoUri ?? throw new InvalidOperationException("Trace:Store=mongodb needs TRACE_MONGODB_URI (or Trace:MongoUri)"),
            options.MongoDatabase) { InstanceId = instanceId },
        var other => throw new InvalidOperationException($"Trace:Store must be sqlite or mongodb, not {other}"),
    };

    /// <summary>Creates the schema before the server takes requests (hosted services start first).</summary>
    private sealed class StoreInitializer(ITraceStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
