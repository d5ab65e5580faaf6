using System.Text.Json.Nodes;
using Traceability.Api.Organisations;
using Traceability.Domain;
using Traceability.Domain.Capture;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;
using Traceability.Storage;

namespace Traceability.Api.Capture;

/// <summary>
/// The write path: validate once, read each event once (<see cref="CapturedEvent"/>), load what the decision needs
/// in a bounded number of store reads, decide in the domain (<see cref="CaptureDecider"/>), append atomically, then
/// publish to the lot index, the page cache and the anchoring worker. Writes are serialised so a custody decision
/// always sees the lot states the previous write left; reading, hashing and the consumer view happen before the lock
/// and publishing after it, so only the decision and the append are serial.
/// </summary>
public sealed class CaptureService(
    IEventStore events, IProductStore products, OrganisationDirectory directory, Anchoring.AnchoringSignal anchoring,
    Genealogy.LotIndex lots, Consumer.StoryVersion stories, TimeProvider clock)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task<CaptureJob> CaptureDocumentAsync(Organisation org, JsonNode? document, ErrorBehaviour behaviour, CancellationToken cancellationToken)
    {
        if (document is not JsonObject doc || doc["type"] is not JsonValue type || !type.TryGetValue<string>(out var typeName) || typeName != "EPCISDocument")
            throw TraceError.Invalid("invalid-epcis", "$.type", "POST /capture takes an EPCISDocument (\"type\": \"EPCISDocument\")");
        var validation = EpcisValidator.ValidateDocument(doc);
        var badEvents = new HashSet<int>();
        var errors = new List<CaptureError>();
        foreach (var error in validation.Errors)
        {
            var index = EventIndex(error.Path);
            if (behaviour == ErrorBehaviour.Rollback || index is null)
                throw TraceError.Invalid("invalid-epcis", "the document is not valid EPCIS 2.0; nothing was stored",
                    validation.Errors.Select(e => new FieldError(e.Path, e.Message)).ToList());
            badEvents.Add(index.Value);
            errors.Add(new CaptureError(index.Value, null, "invalid-epcis", error.Path, error.Message));
        }

        var now = clock.GetUtcNow();
        var scope = EventScope.OfDocument(doc);
        var list = doc["epcisBody"]?["eventList"] as JsonArray ?? [];
        var captured = new List<CapturedEvent>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (!badEvents.Contains(i) && list[i] is JsonObject evt) captured.Add(CapturedEvent.Read(i, evt, scope, doc["@context"], now));
        }
        return await CaptureAsync(org, captured, list.Count, behaviour, errors, now, cancellationToken);
    }

    /// <summary>POST /events: one bare event carrying its own @context.</summary>
    public async Task<string> CaptureEventAsync(Organisation org, JsonNode? evt, CancellationToken cancellationToken)
    {
        if (evt is not JsonObject e) throw TraceError.Invalid("invalid-epcis", "$", "POST /events takes one EPCIS event object");
        var validation = EpcisValidator.ValidateEvent(e);
        if (!validation.IsValid)
            throw TraceError.Invalid("invalid-epcis", "the event is not valid EPCIS 2.0; nothing was stored",
                validation.Errors.Select(x => new FieldError(x.Path, x.Message)).ToList());
        var now = clock.GetUtcNow();
        var job = await CaptureAsync(org, [CapturedEvent.Read(0, e, EventScope.Standalone, null, now)], 1, ErrorBehaviour.Rollback, [], now, cancellationToken);
        return job.EventIds[0];
    }

    /// <summary>
    /// A document read by another binding's entry (<see cref="XmlCapture"/>): its valid events, in its scope, go the
    /// same way as JSON ones from here on; the errors it found are the job's (proceed).
    /// </summary>
    public async Task<CaptureJob> CaptureEventsAsync(Organisation org, CaptureInput input, ErrorBehaviour behaviour, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var captured = input.Events.Select(e => CapturedEvent.Read(e.Index, e.Event, input.Scope, input.DocumentContext, now)).ToList();
        return await CaptureAsync(org, captured, input.Total, behaviour, input.Errors.ToList(), now, cancellationToken);
    }

    private async Task<CaptureJob> CaptureAsync(
        Organisation org, IReadOnlyList<CapturedEvent> captured, int total, ErrorBehaviour behaviour, List<CaptureError> errors,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Within this instance writes queue here; against other instances on the same store the lot versions decide:
        // a write decided on a lot another instance changed meanwhile is refused by the store and decided again.
        Task previousPublish;
        TaskCompletionSource published;
        (CaptureJob Job, CapturePlan Plan, AppendResult Appended) written;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    written = await DecideAndAppendAsync(org, captured, total, behaviour, errors, now, cancellationToken);
                    break;
                }
                catch (StoreConflictException ex)
                {
                    if (attempt == MaxAttempts) throw TraceError.Conflict("concurrent-write", $"other writers kept changing the same lots: {ex.Message}; send it again");
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
                }
            }
            // Publishing runs after the lock, so the next capture decides meanwhile; a chain keeps publications in
            // write order (an index must not see an event added after the retraction that followed it).
            previousPublish = _lastPublish;
            published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _lastPublish = published.Task;
        }
        finally
        {
            _writeLock.Release();
        }
        try
        {
            await previousPublish;
            Publish(written.Plan, written.Appended);
        }
        finally
        {
            published.SetResult();
        }
        return written.Job;
    }

    private Task _lastPublish = Task.CompletedTask;

    /// <summary>Attempts before a capture that keeps conflicting with other instances is given up (409).</summary>
    private const int MaxAttempts = 8;

    private async Task<(CaptureJob Job, CapturePlan Plan, AppendResult Appended)> DecideAndAppendAsync(
        Organisation org, IReadOnlyList<CapturedEvent> captured, int total, ErrorBehaviour behaviour, List<CaptureError> validationErrors,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var facts = await LoadFactsAsync(org, captured, cancellationToken);
        var plan = CaptureDecider.Decide(facts, captured, behaviour);
        var errors = validationErrors.Concat(plan.Refusals.Select(r => new CaptureError(r.Index, r.EventId, r.Error.Code, r.Path, r.Error.Message))).ToList();
        var ids = plan.EventIds;
        var status = errors.Count == 0 ? CaptureJobStatus.Succeeded : ids.Count == 0 ? CaptureJobStatus.Failed : CaptureJobStatus.PartiallySucceeded;
        var job = new CaptureJob("cap-" + Guid.NewGuid().ToString("N")[..16], org.Id, now, clock.GetUtcNow(), status,
            behaviour.ToString().ToLowerInvariant(), total, ids, errors);

        var declarations = await DeclaredJsonAsync(plan.Declarations, cancellationToken);
        var write = new CaptureWrite(plan.Accepted.Select(a => ToStored(a, org.Id, now)).ToList(), plan.LotUpdates, job, declarations)
        {
            RemovedLots = plan.LotRemovals,
            Containers = plan.ContainerUpdates,
        };
        return (job, plan, await events.AppendAsync(write, cancellationToken));
    }

    /// <summary>
    /// Everything the decision reads, in a fixed number of store round trips whatever the document's size. They run
    /// side by side (lots after the containers they are packed in): this is inside the write lock.
    /// </summary>
    private async Task<CaptureFacts> LoadFactsAsync(Organisation org, IReadOnlyList<CapturedEvent> captured, CancellationToken cancellationToken)
    {
        var lotsAndContents = LoadLotsAsync(captured, cancellationToken);
        var stored = events.GetStoredFactsAsync(captured.Select(e => e.EventId).ToList(), cancellationToken);
        var gtins = captured.SelectMany(e => e.Effects.Created).Select(Identifiers.SplitLot).OfType<(string Gtin, string Lot)>()
            .Select(p => p.Gtin).Distinct(StringComparer.Ordinal).ToList();
        var rights = directory.RightsAsync(gtins, products, cancellationToken);
        var orgs = directory.GetAsync(cancellationToken);
        await Task.WhenAll(lotsAndContents, stored, rights, orgs);
        var (known, contents) = await lotsAndContents;
        return new CaptureFacts(org, known, contents, await stored, await rights, (await orgs).OrgIdByGln);
    }

    private async Task<(IReadOnlyDictionary<string, LotState> Known, IReadOnlyDictionary<string, IReadOnlyList<string>> Contents)> LoadLotsAsync(
        IReadOnlyList<CapturedEvent> captured, CancellationToken cancellationToken)
    {
        var containers = captured.SelectMany(e => e.Effects.Containers).Distinct(StringComparer.Ordinal).ToList();
        var contents = await events.GetContainerContentsAsync(containers, cancellationToken);
        var lotKeys = captured.SelectMany(e => e.Effects.Mentioned).Concat(contents.Values.SelectMany(c => c)).Distinct(StringComparer.Ordinal).ToList();
        return (await events.GetLotsAsync(lotKeys, cancellationToken), contents);
    }

    private static StoredEvent ToStored(AcceptedEvent accepted, string orgId, DateTimeOffset recordTime)
    {
        var e = accepted.Event;
        var m = e.Model;
        return new StoredEvent(
            e.EventId,
            orgId,
            m.Type.ToString(),
            m.EventTime,
            recordTime,
            m.BizStep,
            m.Disposition,
            m.BizLocation is null ? null : Identifiers.Canonical(m.BizLocation),
            m.ReadPoint is null ? null : Identifiers.Canonical(m.ReadPoint),
            m.EpcList.Concat(m.ChildEpcs).Concat(m.InputEpcList).Concat(m.OutputEpcList)
                .Concat(m.ParentId is null ? [] : [m.ParentId]).Select(Identifiers.Canonical).Distinct().ToList(),
            m.QuantityList.Concat(m.ChildQuantityList).Concat(m.InputQuantityList).Concat(m.OutputQuantityList)
                .Select(q => Identifiers.Canonical(q.EpcClass)).Distinct().ToList(),
            e.Effects.Mentioned.Concat(e.Effects.Containers).Distinct().ToList(),
            accepted.External,
            e.StoredJson)
        {
            Standing = accepted.Standing,
            PartyGlns = e.PartyGlns,
            Unconfirmed = accepted.Unconfirmed,
            ViewId = e.ViewIdFor(accepted.Standing),
            Declared = m.HasErrorDeclaration,
        };
    }

    /// <summary>The stored JSON of each declared event with the declaration added (the CBV hash leaves it out: same id).</summary>
    private async Task<List<DeclaredError>> DeclaredJsonAsync(IReadOnlyList<CapturedEvent> declared, CancellationToken cancellationToken)
    {
        var result = new List<DeclaredError>(declared.Count);
        foreach (var d in declared)
        {
            var original = await events.GetEventAsync(d.EventId, cancellationToken)
                ?? throw new InvalidOperationException($"event {d.EventId} was found and is gone"); // events are never deleted
            var json = (JsonObject)JsonNode.Parse(original.Json)!;
            json["errorDeclaration"] = d.Json["errorDeclaration"]!.DeepClone();
            result.Add(new DeclaredError(d.EventId, json.ToJsonString()));
        }
        return result;
    }

    private void Publish(CapturePlan plan, AppendResult appended)
    {
        if (plan.Declarations.Count > 0)
            foreach (var d in plan.Declarations) lots.Graph.Retract(d.EventId);
        if (appended.NewEventIds.Count > 0)
        {
            // Exactly the entries written reach the index, and only those that move or link lots.
            var added = appended.NewEventIds.ToHashSet(StringComparer.Ordinal);
            lots.Add(plan.Accepted.Where(a => added.Contains(a.Event.EventId) && a.Standing.IsOfRecord() && !a.Event.Model.HasErrorDeclaration)
                .Select(a => (a.Event.EventId, a.Event.Model)));
            anchoring.Notify();
        }
        if (!plan.IsEmpty) stories.Bump();
    }

    private static int? EventIndex(string path)
    {
        const string marker = "eventList[";
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var end = path.IndexOf(']', at);
        return end > at && int.TryParse(path.AsSpan(at + marker.Length, end - at - marker.Length), out var i) ? i : null;
    }
}
