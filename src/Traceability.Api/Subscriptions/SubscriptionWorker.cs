using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Traceability.Api.Organisations;
using Traceability.Api.Queries;
using Traceability.Domain;
using Traceability.Domain.Epcis.Query;
using Traceability.Storage;

namespace Traceability.Api.Subscriptions;

/// <summary>
/// Delivers webhook subscriptions by following the store's event sequence from each subscription's stored position:
/// at-least-once (the position moves only after the receiver's 2xx), retried with exponential backoff, resumed after
/// a restart, and shared safely by several API instances on one store (each subscription is delivered by the instance
/// holding its lease, <see cref="ISubscriptionStore.ClaimDueSubscriptionsAsync"/>). It polls the store
/// (<see cref="SubscriptionOptions.PollInterval"/>), so it sees every instance's captures and never sits on the capture
/// path. Each event is served as the subscriber's organisation is entitled to it, exactly as GET /events would.
/// </summary>
public sealed class SubscriptionWorker(
    ISubscriptionStore subscriptions, EventQueryRunner runner, OrganisationDirectory directory, WebhookSender sender,
    IOptions<SubscriptionOptions> options, TimeProvider clock, ILogger<SubscriptionWorker> logger) : BackgroundService
{
    /// <summary>This instance's name on the leases it holds.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Deliveries acknowledged by receivers since start (for tests and health).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);
    private long _delivered;

    private SubscriptionOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "subscription delivery round failed; trying again");
            }
            try
            {
                await Task.Delay(Options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: lease what is due and deliver it; returns how many subscriptions were served.</summary>
    public async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        var latest = await runner.LatestSequenceAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // A few at a time, delivered side by side: a receiver that never answers holds one slot for its timeout, not
        // the round, and every claimed subscription is served well within its lease.
        var due = await subscriptions.ClaimDueSubscriptionsAsync(InstanceId, now, now + Options.Lease, latest, 16, cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (subscription, token) =>
        {
            try
            {
                await DeliverAsync(subscription, token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "delivering subscription {Subscription} failed", subscription.Id);
                await RecordAsync(subscription, subscription.Position, null, e.Message, failed: true, token);
            }
        });
        return due.Count;
    }

    private async Task DeliverAsync(Subscription s, CancellationToken cancellationToken)
    {
        var attempts = s.Attempts;
        var org = (await directory.GetAsync(cancellationToken)).Get(s.OrgId);
        var named = await subscriptions.GetQueryAsync(s.OrgId, s.QueryName, cancellationToken);
        if (org is null || named is null)
        {
            await subscriptions.ReleaseSubscriptionAsync(s.Id, InstanceId, cancellationToken);
            return;
        }
        var query = NamedQueries.Parse(named);
        if (s.InitialRecordTime is { } initial && (query.GeRecordTime is null || query.GeRecordTime < initial))
            query = query with { GeRecordTime = initial, Conditions = [.. query.Conditions, e => e.RecordTime >= initial] };
        var format = s.EpcFormat is { } f && EpcFormats.ByName.TryGetValue(f, out var asked) ? asked : EpcFormat.AlwaysGs1DigitalLink;
        var dest = new Uri(s.Dest);
        var position = s.Position;
        var sent = 0;
        for (var batch = 0; batch < 20; batch++)
        {
            var (events, reached, more) = await runner.FollowAsync(org, query, position, Options.EventsPerDelivery, format, cancellationToken);
            var report = events.Count > 0 || (!s.Stream && sent == 0 && !more && s.ReportIfEmpty);
            string? error = null;
            if (report)
            {
                error = await sender.SendAsync(dest, EventQueryResponses.Document(events, s.QueryName, s.Id), s.SignatureToken, cancellationToken);
                if (error is null)
                {
                    sent++;
                    Interlocked.Increment(ref _delivered);
                }
            }
            if (error is not null)
            {
                await RecordAsync(s with { Attempts = attempts }, position, null, error, failed: true, cancellationToken);
                return;
            }
            attempts = 0;
            position = reached;
            var finished = !more;
            if (!await RecordAsync(s, position, report ? clock.GetUtcNow() : null, null, failed: false, cancellationToken, keepLease: !finished))
                return; // the lease was lost or the subscription deleted
            if (finished) return;
        }
        await subscriptions.ReleaseSubscriptionAsync(s.Id, InstanceId, cancellationToken); // more next round
    }

    /// <summary>Records the outcome; a failure keeps the position and waits longer each time, a finished round is next due by its schedule.</summary>
    private Task<bool> RecordAsync(Subscription s, long position, DateTimeOffset? notified, string? error, bool failed, CancellationToken cancellationToken, bool keepLease = false)
    {
        var now = clock.GetUtcNow();
        var attempts = failed ? s.Attempts + 1 : 0;
        DateTimeOffset next;
        if (failed)
        {
            var backoff = Options.FirstBackoff * Math.Pow(2, Math.Min(attempts - 1, 20));
            next = now + (backoff < Options.MaxBackoff ? backoff : Options.MaxBackoff);
        }
        else if (keepLease || s.Stream)
        {
            next = now;
        }
        else
        {
            next = NextScheduled(s, now);
        }
        return subscriptions.RecordDeliveryAsync(s.Id, InstanceId,
            new DeliveryProgress(position, notified, next, attempts, error is null ? null : error[..Math.Min(error.Length, 500)], keepLease ? now + Options.Lease : null),
            cancellationToken);
    }

    /// <summary>The next run of a scheduled subscription; a schedule that never fires again parks it a year ahead.</summary>
    public static DateTimeOffset NextScheduled(Subscription s, DateTimeOffset now)
    {
        if (s.ScheduleJson is null) return now;
        var errors = new List<FieldError>();
        var schedule = QuerySchedule.Parse((JsonObject)JsonNode.Parse(s.ScheduleJson)!, "schedule.", errors);
        return errors.Count == 0 && schedule.Next(now) is { } next ? next : now.AddYears(1);
    }
}
