using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;

namespace Traceability.Domain.Capture;

/// <summary>
/// The trust model of capture, pure: who may say what about a lot (ARCHITECTURE.md, "Trust model").
/// <list type="bullet">
/// <item>Only laboratories may write events that use or declare the lab-result extension (403).</item>
/// <item>Lots are created (commissioned, or made by a transformation) only by the GTIN's holder or a licensee (403),
/// and never twice (409).</item>
/// <item>Only the current holder may ship, transform, pack, unpack or destroy a lot (409).</item>
/// <item>Every event gets a standing. Events by organisations outside a lot's custody chain that are neither a
/// laboratory inspecting nor a regulator are <see cref="EventStanding.ThirdParty"/>: stored and anchored as their
/// writer's record, but they change no lot state (no non-conformance), and pages and journeys leave them out.</item>
/// <item>A stored event may be declared in error by its writer or by a regulator (403 otherwise); the declaration
/// lifts the non-conformance the event set, and voids the lot it created when nothing else happened to that lot.</item>
/// </list>
/// Events are decided in document order, each seeing what the earlier ones changed.
/// </summary>
public static class CaptureDecider
{
    public static CapturePlan Decide(CaptureFacts facts, IReadOnlyList<CapturedEvent> events, ErrorBehaviour behaviour)
    {
        var run = new Run(facts);
        foreach (var e in events)
        {
            try
            {
                run.Decide(e);
            }
            catch (TraceError refusal) when (behaviour == ErrorBehaviour.Proceed)
            {
                run.Refusals.Add(new CaptureRefusal(e.Index, e.EventId, refusal,
                    refusal.Errors.FirstOrDefault()?.Path ?? $"$.epcisBody.eventList[{e.Index}]"));
            }
        }
        return run.ToPlan();
    }

    private sealed class Run(CaptureFacts facts)
    {
        private readonly Organisation _writer = facts.Writer;
        private readonly Dictionary<string, LotState> _lots = new(facts.Lots, StringComparer.Ordinal);
        private readonly Dictionary<string, LotState> _changed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _removed = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _containers = new(StringComparer.Ordinal);
        private readonly HashSet<string> _changedContainers = new(StringComparer.Ordinal);
        private readonly List<AcceptedEvent> _accepted = [];
        private readonly Dictionary<string, CapturedEvent> _declarations = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<string> _ids = [];

        public List<CaptureRefusal> Refusals { get; } = [];

        public CapturePlan ToPlan() => new(
            _accepted,
            _changed.Values.Where(l => !_removed.Contains(l.LotKey)).ToList(),
            _removed.ToList(),
            _changedContainers.ToDictionary(c => c, c => (IReadOnlyList<string>)_containers[c], StringComparer.Ordinal),
            _declarations.Values.ToList(),
            _ids,
            Refusals);

        public void Decide(CapturedEvent e)
        {
            if (e.UsesLabExtension && _writer.Role != OrgRole.Lab)
                throw TraceError.Forbidden("lab-results-only-from-labs", $"event {e.Index}: only laboratories may write events that use or declare the lab-result extension");

            var declares = e.Model.HasErrorDeclaration;
            if (declares && facts.Stored.TryGetValue(e.EventId, out var stored))
            {
                Declare(e, stored);
                _ids.Add(e.EventId);
                return;
            }
            if (declares && _seen.Contains(e.EventId))
                throw TraceError.Conflict("declared-in-same-document",
                    $"event {e.Index} declares in error an event this same document captures; capture it first, then send the declaration");
            if (facts.Stored.ContainsKey(e.EventId) || !_seen.Add(e.EventId))
            {
                _ids.Add(e.EventId); // idempotent: the same content is stored once
                return;
            }

            var fx = e.Effects;
            CheckCreation(e);
            var moved = fx.ShippedToGln is not null || fx.Received.Count > 0 ? LotsInContainers(fx.Containers) : [];
            CheckCustody(fx);
            var standing = StandingOf(e, moved);
            var external = fx.Created.Count == 0 && !fx.Mentioned.Concat(moved).Any(_lots.ContainsKey);
            var unconfirmed = false;
            // Declared in error before it was ever captured here: custody must still allow it, but it is kept only
            // as a record. A third party's event is its own record too: neither changes any lot.
            if (!declares && standing.IsOfRecord()) unconfirmed = Apply(e, moved);
            else if (fx.Received.Count > 0) unconfirmed = true;
            _accepted.Add(new AcceptedEvent(e, standing, external, unconfirmed));
            _ids.Add(e.EventId);
        }

        private void CheckCreation(CapturedEvent e)
        {
            var paths = CreatedPaths(e);
            foreach (var key in e.Effects.Created)
            {
                var path = paths.GetValueOrDefault(key, "$");
                if (_lots.ContainsKey(key))
                    throw TraceError.Conflict("lot-exists", $"lot {key} exists already: a lot is commissioned once, by its creator",
                        [new FieldError(path, $"lot {key} exists already")]);
                if (Identifiers.SplitLot(key) is { } parts && facts.Gtins.TryGetValue(parts.Gtin, out var rights) && !rights.MayCreateLots(_writer.Id))
                    throw new TraceError(ErrorKind.Forbidden, "not-gtin-holder",
                        $"GTIN {parts.Gtin} belongs to another organisation: only it, or an organisation it licenses, may create lots of it",
                        [new FieldError(path, $"GTIN {parts.Gtin} belongs to another organisation")]);
            }
        }

        private void CheckCustody(LotEffects fx)
        {
            var refused = fx.ActedOn
                .Where(a => _lots.TryGetValue(a.LotKey, out var lot) && lot.HolderOrgId != _writer.Id)
                .Select(a => new FieldError(a.Path, $"lot {a.LotKey} is held by another organisation"))
                .ToList();
            if (refused.Count > 0)
                throw TraceError.Conflict("custody", $"only the current holder may do this to a lot: {refused[0].Message}", refused);
        }

        private EventStanding StandingOf(CapturedEvent e, IReadOnlyList<string> moved)
        {
            if (_writer.Role == OrgRole.Regulator) return EventStanding.Regulator;
            if (_writer.Role == OrgRole.Lab && (e.UsesLabExtension || Cbv.ShortName(e.Model.BizStep ?? "") == "inspecting"))
                return EventStanding.Inspector;
            if (e.Effects.Created.Count > 0) return EventStanding.Custodian;
            var known = e.Effects.Mentioned.Concat(moved).Where(_lots.ContainsKey).ToList();
            if (known.Count == 0) return EventStanding.External;
            return known.Any(k => _lots[k].InCustodyChain(_writer.Id)) ? EventStanding.Custodian : EventStanding.ThirdParty;
        }

        /// <summary>Applies an event of standing to the lots; true when it receives lots nobody shipped to the writer.</summary>
        private bool Apply(CapturedEvent e, IReadOnlyList<string> moved)
        {
            var fx = e.Effects;
            var id = e.EventId;
            foreach (var key in fx.Created)
            {
                if (Identifiers.SplitLot(key) is not { } parts) continue;
                Set(new LotState(key, parts.Gtin, parts.Lot, _writer.Id, null, false, id, id) { Custodians = [_writer.Id] });
            }

            var shipped = fx.ActedOn.Select(a => a.LotKey).Concat(moved).Where(_lots.ContainsKey).Distinct().ToList();
            if (fx.ShippedToGln is { } gln)
            {
                var receiver = facts.OrgIdByGln(gln);
                foreach (var key in shipped)
                {
                    var lot = _lots[key];
                    Set(lot with
                    {
                        PendingReceiverOrgId = receiver, LastEventId = id,
                        PendingReceivers = receiver is null || lot.PendingReceivers.Contains(receiver) ? lot.PendingReceivers : [.. lot.PendingReceivers, receiver],
                    });
                }
            }

            var unconfirmed = false;
            var received = fx.Received.Count == 0 ? [] : fx.Received.Concat(moved).Distinct().Where(_lots.ContainsKey).ToList();
            foreach (var key in received)
            {
                var lot = _lots[key];
                if (lot.AwaitsReceiptBy(_writer.Id))
                {
                    var stillAwaited = lot.PendingReceivers.Where(r => r != _writer.Id).ToList();
                    Set(lot with
                    {
                        HolderOrgId = _writer.Id, PendingReceiverOrgId = stillAwaited.LastOrDefault(), PendingReceivers = stillAwaited, LastEventId = id,
                        Custodians = lot.Custodians.Contains(_writer.Id) ? lot.Custodians : [.. lot.Custodians, _writer.Id],
                    });
                }
                else if (lot.HolderOrgId != _writer.Id) unconfirmed = true;
            }

            foreach (var key in fx.NonConformant.Where(_lots.ContainsKey))
            {
                var lot = _lots[key];
                Set(lot with { NonConformant = true, NonConformantBy = [.. lot.NonConformantBy, id], LastEventId = id });
            }
            foreach (var key in fx.Mentioned.Where(_lots.ContainsKey))
                if (_lots[key].LastEventId != id) Set(_lots[key] with { LastEventId = id });

            Pack(e);
            return unconfirmed;
        }

        /// <summary>Aggregation ADD puts lots into a container (pallet, case); DELETE takes them out, or empties it.</summary>
        private void Pack(CapturedEvent e)
        {
            if (e.Model.Type != EventType.AggregationEvent || e.Model.ParentId is not { } parent || Identifiers.ContainerPath(parent) is not { } container) return;
            var contents = Contents(container);
            var children = e.Effects.ActedOn.Select(a => a.LotKey).ToList();
            if (e.Model.Action == "ADD") contents.AddRange(children.Where(c => !contents.Contains(c)));
            else if (e.Model.Action == "DELETE")
            {
                if (e.Model.ChildEpcs.Count == 0 && e.Model.ChildQuantityList.Count == 0) contents.Clear();
                else contents.RemoveAll(children.Contains);
            }
            else return;
            _changedContainers.Add(container);
        }

        private void Declare(CapturedEvent e, StoredEventFacts stored)
        {
            if (stored.WriterOrgId != _writer.Id && _writer.Role != OrgRole.Regulator)
                throw TraceError.Forbidden("not-your-event",
                    $"event {e.Index}: only the organisation that captured {e.EventId}, or a regulator, may declare it in error");
            if (stored.Declared || _declarations.ContainsKey(e.EventId)) return; // declared before: nothing changes
            _declarations[e.EventId] = e;
            foreach (var lot in _lots.Values.ToList())
            {
                if (lot.NonConformantBy.Contains(e.EventId))
                {
                    var remaining = lot.NonConformantBy.Where(x => x != e.EventId).ToList();
                    Set(lot with { NonConformantBy = remaining, NonConformant = remaining.Count > 0 });
                }
                // A lot that this event created and that nothing happened to since is void: its key is free again.
                if (lot.FirstEventId == e.EventId && lot.LastEventId == e.EventId && e.Effects.Created.Contains(lot.LotKey))
                {
                    _removed.Add(lot.LotKey);
                    _lots.Remove(lot.LotKey);
                }
            }
        }

        private List<string> LotsInContainers(IReadOnlyList<string> containers) =>
            containers.SelectMany(Contents).Distinct(StringComparer.Ordinal).ToList();

        private List<string> Contents(string container)
        {
            if (!_containers.TryGetValue(container, out var list))
                _containers[container] = list = [.. facts.ContainerContents.GetValueOrDefault(container) ?? []];
            return list;
        }

        private void Set(LotState lot)
        {
            _lots[lot.LotKey] = lot;
            _changed[lot.LotKey] = lot;
            _removed.Remove(lot.LotKey);
        }

        private static Dictionary<string, string> CreatedPaths(CapturedEvent e)
        {
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            var m = e.Model;
            void Add(IEnumerable<string> ids, string field, string suffix = "")
            {
                var i = 0;
                foreach (var id in ids)
                {
                    if (Identifiers.LotPath(id) is { } key) paths.TryAdd(key, $"$.{field}[{i}]{suffix}");
                    i++;
                }
            }
            if (m.Type == EventType.TransformationEvent)
            {
                Add(m.OutputEpcList, "outputEPCList");
                Add(m.OutputQuantityList.Select(q => q.EpcClass), "outputQuantityList", ".epcClass");
            }
            else
            {
                Add(m.EpcList, "epcList");
                Add(m.QuantityList.Select(q => q.EpcClass), "quantityList", ".epcClass");
            }
            return paths;
        }
    }
}
