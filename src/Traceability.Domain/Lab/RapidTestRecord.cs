namespace Traceability.Domain.Lab;

/// <summary>
/// The fields a Chinese rapid-test record (快检记录) carries beside the result: test site (检测点), market vendor sampled
/// (经营户), sampling order number (抽样单号), the photo of the test card by its SHA-256, and the result a retest (复检)
/// repeats, by event id. All optional.
/// </summary>
public sealed record RapidTestRecord(string? TestSite, string? Vendor, string? SamplingOrderNo, string? PhotoSha256, string? RetestOf)
{
    public static readonly RapidTestRecord None = new(null, null, null, null, null);
}
