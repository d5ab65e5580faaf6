using System.Text.Json.Nodes;
using Traceability.Api.Organisations;
using Traceability.Domain.Consumer;
using Traceability.Domain.Custody;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// Applies <see cref="ReadEntitlement"/> to a page of stored events with one store read for the lots they name:
/// each event is served in full or as its consumer view.
/// </summary>
public sealed class Entitlement
{
    private readonly Organisation _reader;
    private readonly IReadOnlyDictionary<string, LotState> _lots;
    private readonly OrganisationDirectory.Snapshot _orgs;

    private Entitlement(Organisation reader, IReadOnlyDictionary<string, LotState> lots, OrganisationDirectory.Snapshot orgs)
    {
        _reader = reader;
        _lots = lots;
        _orgs = orgs;
    }

    public static async Task<Entitlement> ForAsync(
        Organisation reader, IReadOnlyCollection<StoredEvent> events, IEventStore store, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var orgs = await directory.GetAsync(cancellationToken);
        // Regulators and writers need no lot states; only the others' events are looked up.
        var keys = reader.Role == OrgRole.Regulator ? [] : events.Where(e => e.OrgId != reader.Id).SelectMany(e => e.LotKeys)
            .Where(k => k.StartsWith("/01/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var lots = keys.Count == 0 ? new Dictionary<string, LotState>() : await store.GetLotsAsync(keys, cancellationToken);
        return new Entitlement(reader, lots, orgs);
    }

    public bool MayReadInFull(StoredEvent e) =>
        ReadEntitlement.MayReadInFull(_reader, e.OrgId, e.PartyGlns, e.LotKeys, _lots, _orgs.OrgIdByGln);

    /// <summary>The event's JSON as this reader may see it.</summary>
    public JsonObject Serve(StoredEvent e)
    {
        var json = (JsonObject)JsonNode.Parse(e.Json)!;
        return MayReadInFull(e) ? json : ConsumerView.Of(json, e.Standing == EventStanding.ThirdParty);
    }
}
