using Traceability.Api.Genealogy;
using Traceability.Domain;
using Traceability.Domain.Custody;
using Traceability.Domain.Genealogy;
using Traceability.Domain.Organisations;
using Traceability.Ledger;
using Traceability.Storage;

namespace Traceability.Api.Recalls;

/// <summary>
/// Orders a recall: the forward blast radius from the index, <c>recall(lotKeys, reason)</c> on-chain
/// signed by the ordering organisation (in chunks the block gas limit allows), then the recall record
/// naming every affected lot and every organisation that holds or received them. Lifts recalls too.
/// </summary>
public sealed class RecallService(
    ITraceStore store, LotIndex index, ILedger ledger, Organisations.OrganisationDirectory directory,
    Consumer.StoryVersion stories, TimeProvider clock)
{
    /// <summary>Orders and liftings across API instances also run one at a time: under this lease in the store.</summary>
    private const string Lease = "recalls";
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(2);

    // Ordering and lifting one at a time: a lifting decides which lots no other active recall names, and a recall
    // ordered meanwhile must not have its lots lifted on-chain under it.
    private readonly SemaphoreSlim _recallLock = new(1, 1);

    /// <summary>
    /// Orders a recall, or answers the one this organisation ordered with the same <paramref name="idempotencyKey"/>
    /// (IsNew false). A lot already under an active recall is a 409: two identical orders at once make one recall.
    /// </summary>
    public async Task<(Recall Recall, bool IsNew)> OrderAsync(
        Organisation by, string lotKey, string reason, RecallClassification classification, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await _recallLock.WaitAsync(cancellationToken);
        try
        {
            await TakeLeaseAsync(cancellationToken);
            var earlier = await store.GetRecallsForLotAsync(lotKey, cancellationToken);
            if (idempotencyKey is not null && earlier.FirstOrDefault(r => r.InitiatedByOrgId == by.Id && r.IdempotencyKey == idempotencyKey) is { } same)
                return (same, false);
            if (earlier.FirstOrDefault(r => r.IsActive && r.Origin.LotKey == lotKey) is { } active)
                throw TraceError.Conflict("recall-active", $"lot {lotKey} is already recalled by {active.Id}; lift that recall before ordering another");
            return (await OrderLockedAsync(by, lotKey, reason, classification, idempotencyKey, cancellationToken), true);
        }
        finally
        {
            await store.ReleaseLeaseAsync(Lease, store.InstanceId, CancellationToken.None);
            _recallLock.Release();
        }
    }

    private async Task<Recall> OrderLockedAsync(
        Organisation by, string lotKey, string reason, RecallClassification classification, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await LotAccess.RequireAsync(by, lotKey, store, directory, cancellationToken);
        await index.Loaded.WaitAsync(cancellationToken);
        var trace = index.Graph.Trace(lotKey, TraceDirection.Forward);
        var affectedKeys = trace.Lots.Where(IsLot).Prepend(lotKey).Distinct(StringComparer.Ordinal).ToList();
        // Pallets and cases carrying affected lots are recalled too: a shop scanning the pallet label must see it.
        var units = trace.Lots.Where(k => k.StartsWith("/00/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var states = await store.GetLotsAsync(affectedKeys, cancellationToken);

        var orgs = await directory.GetAsync(cancellationToken);
        var parties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var party in trace.Parties)
            if (orgs.OrgIdByGln(party.Split('/')[2]) is { } orgId) parties.Add(orgId);
        foreach (var state in states.Values)
        {
            if (state.HolderOrgId is { } holder) parties.Add(holder);
            if (state.PendingReceiverOrgId is { } receiver) parties.Add(receiver);
            parties.UnionWith(state.PendingReceivers);
        }

        var txHashes = await ledger.RecallAsync(by.Id, affectedKeys.Concat(units).ToList(), reason, cancellationToken);

        var recall = new Recall(
            "rcl-" + Guid.NewGuid().ToString("N")[..16],
            Lot(lotKey),
            reason,
            classification,
            by.Id,
            clock.GetUtcNow(),
            affectedKeys.Where(k => k != lotKey).Select(Lot).ToList(),
            parties.Order(StringComparer.Ordinal).ToList(),
            txHashes)
        {
            AffectedUnits = units.Select(u => u[4..]).ToList(),
            IdempotencyKey = idempotencyKey,
        };
        await store.AddRecallAsync(recall, CancellationToken.None); // the chain has changed: record it even if the caller hangs up now
        stories.Bump();
        return recall;
    }

    /// <summary>
    /// Ends a recall: <c>liftRecall</c> on-chain, signed by the regulator, for each of its lots that is still
    /// recalled there and that no other active recall names (those stay recalled), then the lifting is stored.
    /// A retry after a failure part-way skips the lots already lifted on-chain.
    /// </summary>
    public async Task<Recall> LiftAsync(Organisation by, string recallId, string reason, CancellationToken cancellationToken)
    {
        await _recallLock.WaitAsync(cancellationToken);
        try
        {
            await TakeLeaseAsync(cancellationToken);
            var recall = await store.GetRecallAsync(recallId, cancellationToken) ?? throw TraceError.NotFound("not-found", $"no recall {recallId}");
            if (!recall.IsActive)
                throw TraceError.Conflict("recall-already-lifted", $"recall {recallId} was lifted on {recall.Lifted!.At:yyyy-MM-dd HH:mm} UTC");

            var stillRecalled = (await store.ListRecallsAsync(null, cancellationToken))
                .Where(r => r.IsActive && r.Id != recall.Id).SelectMany(r => r.LotKeys).ToHashSet(StringComparer.Ordinal);
            var toLift = new List<string>();
            foreach (var lotKey in recall.LotKeys.Where(k => !stillRecalled.Contains(k)))
                if ((await ledger.RecallOfAsync(lotKey, cancellationToken)).Active) toLift.Add(lotKey);
            var txHashes = toLift.Count == 0 ? [] : await ledger.LiftRecallAsync(by.Id, toLift, cancellationToken);

            var lifting = new RecallLifting(by.Id, reason, clock.GetUtcNow(), txHashes);
            // The chain has changed: record it even if the caller hangs up now.
            if (!await store.LiftRecallAsync(recall.Id, lifting, CancellationToken.None))
                throw TraceError.Conflict("recall-already-lifted", $"recall {recallId} was lifted meanwhile");
            stories.Bump();
            return recall with { Lifted = lifting };
        }
        finally
        {
            await store.ReleaseLeaseAsync(Lease, store.InstanceId, CancellationToken.None);
            _recallLock.Release();
        }
    }

    /// <summary>Waits briefly for another instance's order or lifting to finish; 409 when it does not.</summary>
    private async Task TakeLeaseAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await store.TryAcquireLeaseAsync(Lease, store.InstanceId, LeaseTime, cancellationToken)) return;
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        throw TraceError.Conflict("recall-in-progress", "another recall is being ordered or lifted; try again in a moment");
    }

    private static bool IsLot(string key) => Identifiers.SplitLot(key) is not null;

    public static RecalledLot Lot(string lotKey) =>
        Identifiers.SplitLot(lotKey) is var (gtin, lot) ? new RecalledLot(lotKey, gtin, lot) : throw new ArgumentException($"{lotKey} names no lot", nameof(lotKey));

    public static RecallClassification ParseClassification(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "I" or "1" => RecallClassification.I,
        "II" or "2" => RecallClassification.II,
        "III" or "3" => RecallClassification.III,
        _ => throw TraceError.Invalid("invalid-recall", "$.classification", "I, II or III (FDA recall classes: I most serious)"),
    };
}
