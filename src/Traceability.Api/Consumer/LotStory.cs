using System.Text.Json.Nodes;
using Traceability.Api.Anchoring;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Consumer;

/// <summary>
/// What a shopper may learn about a lot: product, producer, origin, dates, the journey, lab results in
/// plain words, recalls and non-conformance, and every shown event as its consumer view with an inclusion
/// proof, so the phone can check them. Nothing here carries quantities, prices, order numbers or internal ids.
/// </summary>
public sealed record LotStory(
    string Gtin,
    string Lot,
    string Link,
    StoryProduct? Product,
    StoryParty? Producer,
    StoryPlace? Origin,
    string? ProductionDate,
    string? BestBefore,
    bool NonConformant,
    bool Recalled,
    IReadOnlyList<StoryRecall> Recalls,
    IReadOnlyList<StoryLabResult> LabResults,
    IReadOnlyList<StoryStep> Journey,
    IReadOnlyList<VerifiableEvent> Events,
    StoryLedger? Ledger)
{
    /// <summary>Records left off the page to keep it small (a lot with an unusually long or wide history).</summary>
    public int OmittedEvents { get; init; }
}

public sealed record StoryProduct(
    IReadOnlyDictionary<string, string> Name, IReadOnlyDictionary<string, string> Brand, IReadOnlyDictionary<string, string> Description,
    string? CountryOfOrigin, string? NetContent);

public sealed record StoryParty(string Name, string? Gln);

public sealed record StoryPlace(string? Name, string? Gln, string? Country);

/// <summary>One step of the journey; <see cref="Kind"/> is harvest, processing, packing, transport, receiving, inspection, shop (received by a retailer) or other.</summary>
public sealed record StoryStep(string Kind, string BizStep, DateTimeOffset Time, string TimeZoneOffset, StoryParty? By, StoryPlace? Place, StoryPlace? To, string Subject, string ViewId)
{
    /// <summary>The registered product name of the lot the step is about (language map), when there is one.</summary>
    public IReadOnlyDictionary<string, string>? SubjectName { get; init; }

    /// <summary>The lot code of the subject, or null when it is a pallet or case.</summary>
    public string? SubjectLot { get; init; }

    /// <summary>The SSCC when the subject is a pallet or case.</summary>
    public string? SubjectSscc { get; init; }
}

public sealed record StoryLabResult(
    string Analyte, string? InchiKey, string Method, string Result, string? Limit, string? LimitSource, string Verdict,
    string? ReferenceMaterial, DateTimeOffset TestedAt, StoryParty Lab, IReadOnlyList<string> Certifications, string ViewId);

/// <summary>A recall naming the lot; <see cref="LiftedAt"/> is set once a regulator ended it.</summary>
public sealed record StoryRecall(
    string Id, string Reason, string Classification, DateTimeOffset CreatedAt, IReadOnlyList<string> TxHashes, StoryRecallOnChain? OnChain,
    DateTimeOffset? LiftedAt = null, string? LiftReason = null)
{
    public bool Active => LiftedAt is null;
}

/// <summary>What <c>recallOf(lotKey)</c> returned when the page was made (anyone can ask again).</summary>
public sealed record StoryRecallOnChain(bool Active, string By, DateTimeOffset Timestamp, string LotKey);

/// <summary>A consumer view (itself an EPCIS event) with the proof that anchors it.</summary>
public sealed record VerifiableEvent(JsonObject Event, EventProof Proof);

/// <summary>
/// Where the records are anchored: an EVM chain (<see cref="ChainId"/>, the registry <see cref="Contract"/>, a public RPC
/// URL the phone may ask) or a Fabric channel (<see cref="Network"/> = channel, <see cref="Contract"/> = chaincode).
/// </summary>
public sealed record StoryLedger(string Kind, long ChainId, string Contract, string? RpcUrl)
{
    public string? Network { get; init; }
}

internal static class LotStoryText
{
    public static string Subject(string key) => key.Split('/') switch
    {
        [_, "01", var g, "10", var l] => $"(01) {g} (10) {Uri.UnescapeDataString(l)}",
        [_, "00", var sscc] => $"(00) {sscc}",
        _ => key,
    };

    public static string LotKey(GtinLink link) => link.Path;
}
