using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Gs1;
using Traceability.Storage;

namespace Traceability.Api.Barcodes;

/// <summary>
/// The best-before and expiry dates a lot's pack barcode carries: those its creating event (the one that commissioned
/// or produced it, as the consumer story reads it) records in its ILMD. Nothing is derived or guessed: a date printed
/// in a barcode has to be one somebody recorded.
/// </summary>
internal static class LotDates
{
    public static async Task<IlmdDates> ReadAsync(ITraceStore store, GtinLink lot, CancellationToken cancellationToken)
    {
        if (lot.Lot is null || !(await store.GetLotsAsync([lot.Path], cancellationToken)).TryGetValue(lot.Path, out var state))
            return IlmdDates.None;
        var stored = await store.GetEventAsync(state.FirstEventId, cancellationToken);
        if (stored is null || JsonNode.Parse(stored.Json) is not JsonObject json)
            return IlmdDates.None;
        // A creating event its writer declared in error no longer speaks for the lot.
        return EpcisEvent.FromJson(json).HasErrorDeclaration ? IlmdDates.None : IlmdDates.Of(json);
    }
}
