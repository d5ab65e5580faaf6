using System.Text.Json.Nodes;
using Traceability.Domain;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Capture;

/// <summary>What capture does with an EPCIS 2.0 error declaration of an event already stored; called under its write lock.</summary>
internal static class ErrorDeclarations
{
    /// <summary>
    /// EPCIS 2.0 error declaration: the event is sent again with an <c>errorDeclaration</c>. The CBV hash leaves the
    /// declaration out, so it names a stored event by content; only the organisation that captured that event may
    /// declare it. Null when it was declared before (nothing changes).
    /// </summary>
    public static async Task<DeclaredError?> DeclareAsync(
        ITraceStore store, Organisation org, PreparedEvent declaration, int index, CancellationToken cancellationToken)
    {
        var original = await store.GetEventAsync(declaration.EventId, cancellationToken)
            ?? throw new InvalidOperationException($"event {declaration.EventId} was found and is gone"); // events are never deleted
        if (original.OrgId != org.Id)
            throw TraceError.Forbidden("not-your-event", $"event {index}: only the organisation that captured {declaration.EventId} may declare it in error");
        var json = (JsonObject)JsonNode.Parse(original.Json)!;
        if (json["errorDeclaration"] is not null) return null;
        json["errorDeclaration"] = declaration.Json["errorDeclaration"]!.DeepClone();
        return new DeclaredError(declaration.EventId, json.ToJsonString());
    }

    /// <summary>
    /// Lots the declared event had marked non-conformant (a failed lab result declared in error) are conformant
    /// again unless another standing event, stored or in this write, still says otherwise.
    /// </summary>
    public static async Task<List<LotState>> ConformantAgainAsync(
        ITraceStore store, PreparedEvent declared, IReadOnlyDictionary<string, LotState> known, IReadOnlySet<string> markedHere, CancellationToken cancellationToken)
    {
        var cleared = new List<LotState>();
        foreach (var key in declared.Effects.NonConformant)
        {
            if (!known.TryGetValue(key, out var lot) || !lot.NonConformant || markedHere.Contains(key)) continue;
            if (!await StillNonConformantAsync(store, key, declared.EventId, cancellationToken)) cleared.Add(lot with { NonConformant = false });
        }
        return cleared;
    }

    private static async Task<bool> StillNonConformantAsync(ITraceStore store, string lotKey, string declaredEventId, CancellationToken cancellationToken)
    {
        var query = new EventQuery { LotKeys = [lotKey], PerPage = 1000 };
        while (true)
        {
            var page = await store.QueryEventsAsync(query, cancellationToken);
            foreach (var e in page.Events.Where(e => e.EventId != declaredEventId))
            {
                var model = EpcisEvent.FromJson((JsonObject)JsonNode.Parse(e.Json)!);
                if (!model.HasErrorDeclaration && CustodyRules.EffectsOf(model).NonConformant.Contains(lotKey)) return true;
            }
            if (page.NextAfterSequence is not { } next) return false;
            query = query with { AfterSequence = next };
        }
    }
}
