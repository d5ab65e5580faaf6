using System.Globalization;
using System.Text;
using Traceability.Domain.Epcis.Model;
using static Traceability.Api.Consumer.ProvenancePage;

namespace Traceability.Api.Consumer;

/// <summary>
/// The parts of the provenance page, each appended to the page's builder. Every record shown (a journey step, a lab
/// result) carries a status element <c>data-record="i"</c>, i being its event's place in the story; provenance.js
/// fills it with that record's verification.
/// </summary>
internal static class ProvenanceSections
{
    /// <summary>Each shown event's view id → its place in <see cref="LotStory.Events"/>.</summary>
    public static Dictionary<string, int> RecordIndex(LotStory story)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < story.Events.Count; i++) index.TryAdd(story.Events[i].Proof.EventId, i);
        return index;
    }

    public static void Recall(StringBuilder html, LotStory story, ProvenanceText t)
    {
        if (!story.Recalled) return;
        html.Append("<section id=\"recall\" class=\"recall\" role=\"alert\">")
            .Append($"<h2><span aria-hidden=\"true\">⚠</span> {E(t.RecallTitle)}</h2><p class=\"advice\">{E(t.RecallAdvice)}</p>");
        var offset = LocalOffset(story);
        foreach (var recall in story.Recalls.Where(r => r.Active))
        {
            html.Append("<dl class=\"facts\">")
                .Append($"<dt>{E(t.RecallReason)}</dt><dd class=\"reason\">{E(recall.Reason)}</dd>")
                .Append($"<dt>{E(t.RecallClass)}</dt><dd>{E(t.RecallClasses.GetValueOrDefault(recall.Classification) ?? recall.Classification)}</dd>")
                .Append($"<dt>{E(t.RecallDate)}</dt><dd>{Time(recall.CreatedAt, offset)}</dd>");
            if (recall.TxHashes.Count > 0)
            {
                html.Append($"<dt>{E(t.RecallTx)}</dt><dd>");
                foreach (var tx in recall.TxHashes) html.Append($"<code class=\"hash\">{E(tx)}</code>");
                html.Append("</dd>");
            }
            if (recall.OnChain is { } chain)
                html.Append($"<dt>{E(t.RecallOnChain)}</dt><dd class=\"onchain\"><strong>{E(chain.Active ? t.RecallActive : t.RecallLifted)}</strong> · {Time(chain.Timestamp, offset)}")
                    .Append($"<code class=\"hash\">recallOf(0x{E(chain.LotKey)})</code><code class=\"hash\">by {E(chain.By)}</code></dd>");
            html.Append("</dl>");
        }
        if (!story.Recalls.Any(r => r.Active))
            html.Append($"<p>{E(t.RecallOnChain)}: {E(t.RecallActive)}</p>");
        html.Append("</section>");
    }

    /// <summary>Recalls that were lifted: calm, after the warnings, so a past scare is explained rather than hidden.</summary>
    public static void LiftedRecalls(StringBuilder html, LotStory story, ProvenanceText t)
    {
        var lifted = story.Recalls.Where(r => !r.Active).ToList();
        if (lifted.Count == 0) return;
        var offset = LocalOffset(story);
        html.Append($"<section id=\"recall-lifted\" class=\"lifted\"><h2>{E(t.RecallLiftedTitle)}</h2>");
        foreach (var recall in lifted)
        {
            html.Append("<dl class=\"facts\">")
                .Append($"<dt>{E(t.RecallReason)}</dt><dd class=\"reason\">{E(recall.Reason)}</dd>")
                .Append($"<dt>{E(t.RecallDate)}</dt><dd>{Time(recall.CreatedAt, offset)}</dd>")
                .Append($"<dt>{E(t.RecallLiftedOn)}</dt><dd>{Time(recall.LiftedAt!.Value, offset)}</dd>")
                .Append($"<dt>{E(t.RecallLiftReason)}</dt><dd class=\"lift-reason\">{E(recall.LiftReason ?? "")}</dd>")
                .Append("</dl>");
        }
        html.Append("</section>");
    }

    public static void NonConformant(StringBuilder html, LotStory story, ProvenanceText t)
    {
        if (!story.NonConformant) return;
        html.Append("<section id=\"nonconformant\" class=\"warning\" role=\"alert\">")
            .Append($"<h2><span aria-hidden=\"true\">✗</span> {E(t.NonConformantTitle)}</h2>")
            .Append($"<p><a href=\"#lab\">{E(t.NonConformantText)}</a></p></section>");
    }

    public static void Product(StringBuilder html, LotStory story, string name, ProvenanceText t)
    {
        html.Append("<section class=\"product\">");
        if (Localised.Pick(story.Product?.Brand, t.Lang) is { } brand) html.Append($"<p class=\"brand-name\">{E(brand)}</p>");
        html.Append($"<h1 id=\"product-name\">{E(name)}</h1>");
        if (Localised.Pick(story.Product?.Description, t.Lang) is { } description) html.Append($"<p class=\"description\">{E(description)}</p>");
        html.Append("<dl class=\"facts\">");
        if (story.Producer is { } producer) html.Append($"<dt>{E(t.Producer)}</dt><dd>{E(producer.Name)}</dd>");
        if (story.Origin is { } origin)
        {
            var where = string.Join(", ", new[] { origin.Name, t.Country(origin.Country) }.Where(s => !string.IsNullOrEmpty(s)));
            if (where.Length > 0) html.Append($"<dt>{E(t.Origin)}</dt><dd>{E(where)}</dd>");
        }
        if (story.ProductionDate is { } made) html.Append($"<dt>{E(t.ProductionDate)}</dt><dd><time datetime=\"{E(made)}\">{E(made)}</time></dd>");
        if (story.BestBefore is { } best) html.Append($"<dt>{E(t.BestBefore)}</dt><dd><time datetime=\"{E(best)}\">{E(best)}</time></dd>");
        html.Append($"<dt>{E(t.Gtin)}</dt><dd>{E(story.Gtin)}</dd><dt>{E(t.Lot)}</dt><dd>{E(story.Lot)}</dd>");
        html.Append("</dl></section>");
    }

    public static void Journey(StringBuilder html, LotStory story, Dictionary<string, int> records, ProvenanceText t)
    {
        if (story.Journey.Count == 0) return;
        html.Append($"<section class=\"journey\" aria-labelledby=\"journey-title\"><h2 id=\"journey-title\">{E(t.Journey)}</h2><ol class=\"timeline\">");
        foreach (var step in story.Journey)
        {
            var record = records.GetValueOrDefault(step.ViewId, -1);
            html.Append($"<li class=\"step\" data-kind=\"{E(step.Kind)}\"{(record >= 0 ? $" id=\"rec-{record}\"" : "")}>")
                .Append($"<h3>{E(t.Kind(step.Kind))}</h3>")
                .Append($"<p class=\"when\">{Time(step.Time, Offset(step.TimeZoneOffset))}</p>");
            if (step.By is { } by) html.Append($"<p>{E(by.Name)}</p>");
            if (step.Place?.Name is { } place && place != step.By?.Name) html.Append($"<p>{E(t.At)} {E(place)}</p>");
            if (step.To?.Name is { } to) html.Append($"<p>→ {E(t.To)} {E(to)}</p>");
            html.Append($"<p class=\"subject\">{E(t.Concerning)} {E(SubjectWords(step, t))}</p>");
            Status(html, record, t);
            html.Append("</li>");
        }
        html.Append("</ol></section>");
    }

    /// <summary>"螺蛳粉 · LSF-20261113" when the product is registered, "pallet / case 0…" for an SSCC, else the GS1 element string.</summary>
    private static string SubjectWords(StoryStep step, ProvenanceText t)
    {
        if (step.SubjectSscc is { } sscc) return $"{t.Pallet} {sscc}";
        if (step.SubjectName is { Count: > 0 } names && step.SubjectLot is { } lot)
        {
            var name = names.TryGetValue(t.Lang, out var exact) ? exact
                : names.FirstOrDefault(n => n.Key.StartsWith(t.Lang[..2], StringComparison.OrdinalIgnoreCase)).Value ?? names.First().Value;
            return $"{name} · {lot}";
        }
        return step.Subject;
    }

    public static void Lab(StringBuilder html, LotStory story, Dictionary<string, int> records, ProvenanceText t)
    {
        html.Append($"<section id=\"lab\" class=\"lab\" aria-labelledby=\"lab-title\"><h2 id=\"lab-title\">{E(t.LabResults)}</h2>");
        if (story.LabResults.Count == 0) html.Append($"<p class=\"muted\">{E(t.NoLabResults)}</p>");
        var subjects = story.Journey.GroupBy(s => s.ViewId).ToDictionary(g => g.Key, g => g.First().Subject, StringComparer.Ordinal);
        foreach (var result in story.LabResults.OrderBy(r => r.Verdict == "fail" ? 0 : 1))
        {
            var pass = result.Verdict == "pass";
            var record = records.GetValueOrDefault(result.ViewId, -1);
            html.Append($"<article class=\"result\" data-verdict=\"{E(result.Verdict)}\">")
                .Append($"<h3><span class=\"analyte\">{E(result.Analyte)}</span> <span class=\"badge\">{E(pass ? t.Pass : t.Fail)}</span></h3><dl class=\"facts\">")
                .Append($"<dt>{E(t.TestedFor)}</dt><dd>{E(result.Analyte)}{(result.InchiKey is { } key ? $" <small>InChIKey {E(key)}</small>" : "")}</dd>")
                .Append($"<dt>{E(t.Method)}</dt><dd class=\"method\">{E(result.Method)}</dd>")
                .Append($"<dt>{E(t.Result)}</dt><dd class=\"value\">{E(ResultWords(result.Result, t))}</dd>");
            if (result.Limit is not null || result.LimitSource is not null)
                html.Append($"<dt>{E(t.Limit)}</dt><dd>{E(string.Join(" · ", new[] { result.Limit, result.LimitSource }.Where(s => s is not null)))}</dd>");
            html.Append($"<dt>{E(t.Verdict)}</dt><dd class=\"verdict-word\">{E(pass ? t.Pass : t.Fail)}</dd>")
                .Append($"<dt>{E(t.Laboratory)}</dt><dd>{E(result.Lab.Name)}</dd>");
            if (result.Certifications.Count > 0)
            {
                html.Append($"<dt>{E(t.Qualifications)}</dt><dd class=\"links\">");
                foreach (var link in result.Certifications)
                    if (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                        html.Append($"<a href=\"{E(uri.AbsoluteUri)}\" rel=\"external noopener noreferrer\">{E(Qualification(uri))}</a>");
                html.Append("</dd>");
            }
            if (result.ReferenceMaterial is { } material) html.Append($"<dt>{E(t.ReferenceMaterial)}</dt><dd>{E(material)}</dd>");
            html.Append($"<dt>{E(t.TestedAt)}</dt><dd>{Time(result.TestedAt, result.TestedAt.Offset)}</dd>");
            if (subjects.GetValueOrDefault(result.ViewId) is { } subject) html.Append($"<dt>{E(t.LotTested)}</dt><dd>{E(subject)}</dd>");
            html.Append("</dl>");
            if (record >= 0) html.Append($"<a class=\"record-link\" href=\"#rec-{record}\">");
            Status(html, record, t);
            if (record >= 0) html.Append("</a>");
            html.Append("</article>");
        }
        html.Append("</section>");
    }

    public static void Footer(StringBuilder html, LotStory story, ProvenanceText t, string pathBase)
    {
        html.Append("<footer class=\"ledger\"><p>").Append(E(t.LedgerNote));
        if (story.Ledger is { Kind: "fabric" } fabric)
            html.Append(" (").Append(E(t.FabricLedger).Replace("{channel}", $"<code class=\"hash\">{E(fabric.Network ?? "")}</code>", StringComparison.Ordinal)
                .Replace("{chaincode}", $"<code class=\"hash\">{E(fabric.Contract)}</code>", StringComparison.Ordinal)).Append(')');
        else if (story.Ledger is { } ledger)
            html.Append($" (chain {ledger.ChainId.ToString(CultureInfo.InvariantCulture)}, <code class=\"hash\">{E(ledger.Contract)}</code>)");
        html.Append(".</p>");
        if (story.Ledger is { Kind: "fabric" }) html.Append($"<p id=\"fabric-note\" class=\"muted\">{E(t.FabricNote)}</p>");
        html.Append($"<p id=\"chain-note\" class=\"muted\" hidden></p><p><a class=\"button\" href=\"{E(pathBase)}/scan?lang={t.Lang}\">{E(t.ScanAnother)}</a></p></footer>");
    }

    /// <summary>The element provenance.js fills with record <paramref name="record"/>'s verification (nothing when the step has no event).</summary>
    private static void Status(StringBuilder html, int record, ProvenanceText t)
    {
        if (record < 0) return;
        html.Append($"<p class=\"check\" data-record=\"{record.ToString(CultureInfo.InvariantCulture)}\" data-state=\"checking\">")
            .Append($"<span class=\"text\">{E(t.Checking)}</span></p>");
    }

    private static string ResultWords(string result, ProvenanceText t) => result switch
    {
        "negative" => t.Negative,
        "positive" => t.Positive,
        _ => result,
    };

    /// <summary>CMA (China Metrology Accreditation) and CNAS links by their host or path; others by host.</summary>
    private static string Qualification(Uri uri)
    {
        var text = uri.AbsoluteUri;
        if (text.Contains("cnas", StringComparison.OrdinalIgnoreCase)) return "CNAS " + uri.Segments[^1];
        if (text.Contains("cma", StringComparison.OrdinalIgnoreCase)) return "CMA " + uri.Segments[^1];
        return uri.Host;
    }

    /// <summary>The time as it was where it happened: "2026-11-10 08:00 (UTC+08:00)" in a time element.</summary>
    private static string Time(DateTimeOffset time, TimeSpan offset)
    {
        var local = time.InZone(offset);
        offset = local.Offset;
        var zone = offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? '-' : '+')}{offset:hh\\:mm}";
        return $"<time datetime=\"{local.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)}\">"
            + $"{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} <small>({zone})</small></time>";
    }

    /// <summary>Where the lot was last handled: the offset to show recall times in.</summary>
    private static TimeSpan LocalOffset(LotStory story) => story.Journey.Count > 0 ? Offset(story.Journey[^1].TimeZoneOffset) : TimeSpan.Zero;

    private static TimeSpan Offset(string text) =>
        text.Length == 6 && TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var t)
            ? (text[0] == '-' ? -t : t) : TimeSpan.Zero;
}
