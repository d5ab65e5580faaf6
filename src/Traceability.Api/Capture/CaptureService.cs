using System.Text.Json.Nodes;
using Traceability.Domain;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Capture;

public enum ErrorBehaviour { Rollback, Proceed }

/// <summary>
/// The write path: validate, hash, check authorisation and custody, then store the new events,
/// the lot states they change and the capture job in one transaction. Writes are serialised so a
/// custody decision always sees the lot states the previous write left.
/// </summary>
public sealed class CaptureService(
    ITraceStore store, Anchoring.AnchoringSignal anchoring, Genealogy.LotIndex lots, Consumer.StoryVersion stories, TimeProvider clock)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task<CaptureJob> CaptureDocumentAsync(Organisation org, JsonNode? document, ErrorBehaviour behaviour, CancellationToken cancellationToken)
    {
        if (document is not JsonObject doc || doc["type"]?.GetValue<string>() != "EPCISDocument")
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
        var events = EpcisEvents.Read(doc);
        var candidates = events.Select((e, i) => (e, i)).Where(x => !badEvents.Contains(x.i)).Select(x => (x.i, x.e.Event, (JsonObject?)doc)).ToList();
        return await CaptureAsync(org, candidates, events.Count, behaviour, errors, cancellationToken);
    }

    /// <summary>POST /events: one bare event carrying its own @context.</summary>
    public async Task<string> CaptureEventAsync(Organisation org, JsonNode? evt, CancellationToken cancellationToken)
    {
        if (evt is not JsonObject e) throw TraceError.Invalid("invalid-epcis", "$", "POST /events takes one EPCIS event object");
        var validation = EpcisValidator.ValidateEvent(e);
        if (!validation.IsValid)
            throw TraceError.Invalid("invalid-epcis", "the event is not valid EPCIS 2.0; nothing was stored",
                validation.Errors.Select(x => new FieldError(x.Path, x.Message)).ToList());
        var job = await CaptureAsync(org, [(0, e, null)], 1, ErrorBehaviour.Rollback, [], cancellationToken);
        return job.EventIds[0];
    }

    private async Task<CaptureJob> CaptureAsync(
        Organisation org, IReadOnlyList<(int Index, JsonObject Event, JsonObject? Document)> candidates, int total,
        ErrorBehaviour behaviour, List<CaptureError> errors, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var prepared = new List<(int Index, PreparedEvent Event)>();
        foreach (var (index, evt, document) in candidates)
        {
            var p = PreparedEvent.From(evt, document, now);
            if (p.IsLabResult && org.Role != OrgRole.Lab)
            {
                var refusal = TraceError.Forbidden("lab-results-only-from-labs", $"event {index}: lab-result events may only be written by laboratories");
                if (behaviour == ErrorBehaviour.Rollback) throw refusal;
                errors.Add(new CaptureError(index, p.EventId, refusal.Code, $"$.epcisBody.eventList[{index}]", refusal.Message));
                continue;
            }
            prepared.Add((index, p));
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var known = new Dictionary<string, LotState>(
                await store.GetLotsAsync(prepared.SelectMany(p => p.Event.Effects.Mentioned).Distinct().ToList(), cancellationToken), StringComparer.Ordinal);
            var existing = await store.FindExistingEventIdsAsync(prepared.Select(p => p.Event.EventId).ToList(), cancellationToken);
            var stored = new List<StoredEvent>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var changed = new Dictionary<string, LotState>(StringComparer.Ordinal);
            var ids = new List<string>();
            var declarations = new Dictionary<string, DeclaredError>(StringComparer.Ordinal);
            var storedModels = new List<(string EventId, EpcisEvent Model)>(); // exactly the entries written, for the index
            var nonConformantHere = new HashSet<string>(StringComparer.Ordinal); // lots this write's own events mark
            // Pallets packed earlier in this same document: their contents are not in the store yet.
            var packedHere = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (index, p) in prepared)
            {
                if (p.Model.HasErrorDeclaration && existing.Contains(p.EventId))
                {
                    try
                    {
                        if (!declarations.ContainsKey(p.EventId) && await ErrorDeclarations.DeclareAsync(store, org, p, index, cancellationToken) is { } declared)
                        {
                            declarations[p.EventId] = declared;
                            foreach (var lot in await ErrorDeclarations.ConformantAgainAsync(store, p, known, nonConformantHere, cancellationToken))
                            {
                                known[lot.LotKey] = lot;
                                changed[lot.LotKey] = lot;
                            }
                        }
                        ids.Add(p.EventId);
                    }
                    catch (TraceError refusal) when (behaviour == ErrorBehaviour.Proceed)
                    {
                        errors.Add(new CaptureError(index, p.EventId, refusal.Code, $"$.epcisBody.eventList[{index}].errorDeclaration", refusal.Message));
                    }
                    continue;
                }
                if (p.Model.HasErrorDeclaration && seen.Contains(p.EventId))
                {
                    var refusal = TraceError.Conflict("declared-in-same-document",
                        $"event {index} declares in error an event this same document captures; capture it first, then send the declaration");
                    if (behaviour == ErrorBehaviour.Rollback) throw refusal;
                    errors.Add(new CaptureError(index, p.EventId, refusal.Code, $"$.epcisBody.eventList[{index}].errorDeclaration", refusal.Message));
                    continue;
                }
                if (existing.Contains(p.EventId) || !seen.Add(p.EventId))
                {
                    ids.Add(p.EventId); // idempotent: the same content is stored once
                    continue;
                }
                try
                {
                    var receiver = p.Effects.ShippedToGln is { } gln ? (await store.FindOrganisationByGlnAsync(gln, cancellationToken))?.Id : null;
                    var moves = p.Effects.ShippedToGln is not null || p.Effects.Received.Count > 0;
                    var inContainers = moves
                        ? (await LotsInContainersAsync(p.Effects.Containers, cancellationToken))
                            .Concat(p.Effects.Containers.SelectMany(c => packedHere.GetValueOrDefault(c) ?? [])).Distinct().ToList()
                        : [];
                    foreach (var key in inContainers.Where(k => !known.ContainsKey(k)))
                        if ((await store.GetLotsAsync([key], cancellationToken)).TryGetValue(key, out var lot)) known[key] = lot;
                    var outcome = CustodyRules.Apply(p.Effects, p.EventId, org.Id, known, receiver, inContainers);
                    stored.Add(p.ToStored(org.Id, now, outcome.External));
                    storedModels.Add((p.EventId, p.Model));
                    ids.Add(p.EventId);
                    // Declared in error before it was ever captured here: custody must still have allowed it,
                    // but it is kept only as a record and moves no lot.
                    if (p.Model.HasErrorDeclaration) continue;
                    foreach (var lot in outcome.Updates) { known[lot.LotKey] = lot; changed[lot.LotKey] = lot; }
                    nonConformantHere.UnionWith(p.Effects.NonConformant);
                    if (p.Model.Type == EventType.AggregationEvent && p.Model.Action == "ADD" && p.Model.ParentId is { } parent
                        && Identifiers.ContainerPath(parent) is { } pallet)
                        (packedHere.TryGetValue(pallet, out var list) ? list : packedHere[pallet] = []).AddRange(p.Effects.ActedOn.Select(a => a.LotKey));
                }
                catch (TraceError refusal) when (behaviour == ErrorBehaviour.Proceed)
                {
                    errors.Add(new CaptureError(index, p.EventId, refusal.Code, refusal.Errors.FirstOrDefault()?.Path ?? $"$.epcisBody.eventList[{index}]", refusal.Message));
                }
            }

            var status = errors.Count == 0 ? CaptureJobStatus.Succeeded : ids.Count == 0 ? CaptureJobStatus.Failed : CaptureJobStatus.PartiallySucceeded;
            var job = new CaptureJob("cap-" + Guid.NewGuid().ToString("N")[..16], org.Id, now, clock.GetUtcNow(), status,
                behaviour.ToString().ToLowerInvariant(), total, ids, errors);
            var appended = await store.AppendAsync(new CaptureWrite(stored, changed.Values.ToList(), job, declarations.Values.ToList()), cancellationToken);
            if (changed.Count > 0) stories.Bump();
            if (declarations.Count > 0)
            {
                foreach (var id in declarations.Keys) lots.Graph.Retract(id);
                stories.Bump();
            }
            if (appended.NewEventIds.Count > 0)
            {
                var added = appended.NewEventIds.ToHashSet(StringComparer.Ordinal);
                lots.Add(storedModels.Where(m => added.Contains(m.EventId)));
                stories.Bump();
                anchoring.Notify();
            }
            return job;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Lots packed (AggregationEvent) under the given pallets and cases: they travel with them.</summary>
    private async Task<IReadOnlyCollection<string>> LotsInContainersAsync(IReadOnlyList<string> containers, CancellationToken cancellationToken)
    {
        if (containers.Count == 0) return [];
        var page = await store.QueryEventsAsync(new EventQuery { EventTypes = ["AggregationEvent"], LotKeys = containers, PerPage = 1000 }, cancellationToken);
        return page.Events.SelectMany(e => e.LotKeys).Where(k => k.StartsWith("/01/", StringComparison.Ordinal)).Distinct().ToList();
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
