using Traceability.Api.Capture;
using Traceability.Domain;
using Traceability.Domain.Gs1;
using Traceability.Domain.Lab;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Lab;

/// <summary>
/// Records lab results, one (POST /lab-results) or a day's upload at a time: what the domain cannot know is checked
/// against the store — the lot is known here, the card's photo was uploaded by this lab, a retest repeats a result of the
/// same lot and analyte — then the result is captured as its EPCIS event and a fail raises an alert.
/// </summary>
public sealed class LabResultRecorder(ITraceStore store, CaptureService capture, TimeProvider clock)
{
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(10);

    /// <summary>Field errors of each result, in order (empty when it can be recorded); one store read per kind of check.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<FieldError>>> CheckAsync(Organisation lab, IReadOnlyList<LabResult> results, CancellationToken cancellationToken)
    {
        var lots = await store.GetLotsAsync(results.Select(r => r.LotPath).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var photos = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var sha in results.Select(r => r.PhotoSha256).OfType<string>().Distinct(StringComparer.Ordinal))
            photos[sha] = await store.GetLabPhotoAsync(sha, lab.Id, cancellationToken) is not null;
        var originals = new Dictionary<string, LabResult?>(StringComparer.Ordinal);
        foreach (var id in results.Select(r => r.RetestOf).OfType<string>().Distinct(StringComparer.Ordinal))
            originals[id] = await store.GetEventAsync(id, cancellationToken) is { } e
                && System.Text.Json.Nodes.JsonNode.Parse(e.Json) is System.Text.Json.Nodes.JsonObject json && LabResult.TryRead(json, out var read) ? read : null;

        var all = new List<IReadOnlyList<FieldError>>();
        foreach (var r in results)
        {
            var errors = new List<FieldError>();
            // A result tested "later" would sit in every regulator's list, never overdue; a few minutes cover clock skew.
            if (r.TestedAt > clock.GetUtcNow() + AllowedClockSkew)
                errors.Add(new("$.testedAt", $"is in the future ({r.TestedAt:yyyy-MM-dd'T'HH:mm:ssK}); a result is recorded after its test"));
            if (!lots.ContainsKey(r.LotPath))
                errors.Add(new("$.lot", $"no lot {r.Lot} of GTIN {r.Gtin} is known here; results are recorded for lots captured in this system"));
            if (r.PhotoSha256 is { } sha && !photos[sha])
                errors.Add(new("$.photoSha256", "no test-card photo with this SHA-256 was uploaded by your lab (POST /lab-results/photos first)"));
            if (r.RetestOf is { } of)
            {
                if (originals[of] is not { } original)
                    errors.Add(new("$.retestOf", "no lab result with this event id is recorded here"));
                else if (original.LotPath != r.LotPath || !string.Equals(original.Analyte.Name, r.Analyte.Name, StringComparison.OrdinalIgnoreCase))
                    errors.Add(new("$.retestOf", $"a retest repeats a result of the same lot and analyte; that result is {original.Analyte.Name} on lot {original.Lot}"));
                else if (original.Verdict != Verdict.Fail)
                    errors.Add(new("$.retestOf", "a retest (复检) repeats a failed result; that result passed"));
            }
            all.Add(errors);
        }
        return all;
    }

    /// <summary>Captures a checked result; a fail raises an alert (once, however often it is posted).</summary>
    public async Task<(string EventId, string? AlertId)> RecordAsync(Organisation lab, LabResult result, CancellationToken cancellationToken)
    {
        var party = new LabParty(lab.Id, lab.Gln is { } gln ? Gln.Parse(gln) : null);
        var eventId = await capture.CaptureEventAsync(lab, LabResultEvent.Build(result, party), cancellationToken);
        string? alertId = null;
        if (result.Verdict == Verdict.Fail)
        {
            alertId = "alr-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(eventId)))[..16];
            var alert = new Alert(alertId, "lab-result-failed", new RecalledLot(result.LotPath, result.Gtin.Value, result.Lot.Value), eventId, lab.Id,
                clock.GetUtcNow(), Describe(result, lab));
            try { await store.AddAlertAsync(alert, cancellationToken); }
            catch (DuplicateException) { } // the same result posted again: one alert
        }
        return (eventId, alertId);
    }

    private static string Describe(LabResult r, Organisation lab)
    {
        var found = r.Measured is { } m ? $"{m.Value} {m.Unit.Symbol}" : r.Qualitative?.ToString().ToLowerInvariant() ?? "?";
        var limit = r.Limit is { } l ? $" (limit {l.Value} {l.Unit.Symbol}{(l.Source is null ? "" : ", " + l.Source)})" : "";
        var retest = r.RetestOf is null ? "" : " (retest)";
        return $"{r.Analyte.Name}: {found}{limit} by {r.Method.Value}{retest}, {lab.Name}";
    }
}
