using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Anchoring;

namespace Traceability.Api.Apis;

/// <summary>
/// GET /events/{id}/proof (routed through <see cref="EventsApi"/>, whose catch-all owns /events/...).
/// Public: a proof is only hashes and ledger positions, and anyone holding an event must be able to check it.
/// </summary>
public static class ProofsApi
{
    public static async Task<Results<Ok<EventProof>, ProblemHttpResult>> GetProof(
        string eventId, EventProofs proofs, CancellationToken cancellationToken)
    {
        var id = EventsApi.NormaliseId(Uri.UnescapeDataString(eventId));
        var proof = id is null ? null : await proofs.GetAsync(id, cancellationToken);
        return proof is null
            ? TypedResults.Problem(Errors.ProblemMapping.Create(404, "not-found", "Not found", $"no event {eventId}"))
            : TypedResults.Ok(proof);
    }
}
