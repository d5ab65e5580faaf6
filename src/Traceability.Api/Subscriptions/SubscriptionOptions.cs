namespace Traceability.Api.Subscriptions;

/// <summary>Configuration section Trace:Subscriptions (environment Trace__Subscriptions__…).</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Trace:Subscriptions";

    /// <summary>
    /// Lets subscriptions deliver to loopback, private and link-local addresses (tests and local demos only): otherwise
    /// a destination resolving to any of them is refused, when subscribing and again when connecting.
    /// </summary>
    public bool AllowPrivateDestinations { get; set; }

    /// <summary>Lets destinations be plain http URLs (tests and local demos only; implied by <see cref="AllowPrivateDestinations"/>); otherwise https only.</summary>
    public bool AllowHttpDestinations { get; set; }

    /// <summary>How often the worker looks for new events and due subscriptions (it also serves other instances' captures).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an instance holds a subscription it delivers before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one delivery (connect, send, answer).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry waits this long, each further one twice as long, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Events in one delivery at most.</summary>
    public int EventsPerDelivery { get; set; } = 100;

    /// <summary>Named queries and subscriptions one organisation may hold.</summary>
    public int MaxQueriesPerOrganisation { get; set; } = 200;
    public int MaxSubscriptionsPerQuery { get; set; } = 20;

    /// <summary>WebSocket query streams one organisation may hold open on one instance.</summary>
    public int MaxStreamsPerOrganisation { get; set; } = 10;
}
