using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Lab;

/// <summary>
/// A validated lab result for one sampled lot. Exactly one of <see cref="Qualitative"/> and
/// <see cref="Measured"/> is set; a measured result always has a <see cref="Limit"/> in its unit, and the
/// <see cref="Verdict"/> agrees with them. Made by <see cref="LabResultValidator"/> or read back from a
/// stored event with <see cref="TryRead"/>.
/// </summary>
public sealed class LabResult : IEquatable<LabResult>
{
    internal LabResult(
        Gtin gtin, LotCode lot, string sampleId, Analyte analyte, MethodCode method,
        QualitativeResult? qualitative, Measurement? measured, ResultLimit? limit, Verdict verdict,
        string? kitLot, DateOnly? kitExpiry, GbwNumber referenceMaterial, string? instrument, string? analyst,
        DateTimeOffset testedAt, IReadOnlyList<string> certifications, RapidTestRecord record)
    {
        TestSite = record.TestSite;
        Vendor = record.Vendor;
        SamplingOrderNo = record.SamplingOrderNo;
        PhotoSha256 = record.PhotoSha256;
        RetestOf = record.RetestOf;
        Gtin = gtin;
        Lot = lot;
        SampleId = sampleId;
        Analyte = analyte;
        Method = method;
        Qualitative = qualitative;
        Measured = measured;
        Limit = limit;
        Verdict = verdict;
        KitLot = kitLot;
        KitExpiry = kitExpiry;
        ReferenceMaterial = referenceMaterial;
        Instrument = instrument;
        Analyst = analyst;
        TestedAt = testedAt;
        Certifications = certifications;
    }

    public Gtin Gtin { get; }
    public LotCode Lot { get; }
    public string SampleId { get; }
    public Analyte Analyte { get; }
    public MethodCode Method { get; }
    public QualitativeResult? Qualitative { get; }
    public Measurement? Measured { get; }
    public ResultLimit? Limit { get; }
    public Verdict Verdict { get; }
    /// <summary>The kit's lot and expiry: always for a rapid-test (KJ) method, which uses a kit; optional otherwise.</summary>
    public string? KitLot { get; }
    public DateOnly? KitExpiry { get; }
    public GbwNumber ReferenceMaterial { get; }
    public string? Instrument { get; }
    public string? Analyst { get; }

    /// <summary>When the test was done, in the lab's own offset.</summary>
    public DateTimeOffset TestedAt { get; }

    /// <summary>URIs of the lab's qualifications (CMA, CNAS …).</summary>
    public IReadOnlyList<string> Certifications { get; }

    /// <summary>Where the test was done (检测点), e.g. a market's rapid-test room.</summary>
    public string? TestSite { get; }

    /// <summary>The market vendor sampled (经营户): not shown to consumers.</summary>
    public string? Vendor { get; }

    /// <summary>The sampling order number (抽样单号): not shown to consumers.</summary>
    public string? SamplingOrderNo { get; }

    /// <summary>SHA-256 (64 lower-case hex digits) of the test card's photo, stored by the API: not shown to consumers.</summary>
    public string? PhotoSha256 { get; }

    /// <summary>The event id of the result this one retests (复检), or null for a first test.</summary>
    public string? RetestOf { get; }

    /// <summary>The Digital Link path of the tested lot, /01/{gtin14}/10/{lot}.</summary>
    public string LotPath => DigitalLink.LotPath(Gtin, Lot);

    /// <summary>
    /// Reads a lab result back from a stored EPCIS event (one built by <see cref="LabResultEvent"/>, or any
    /// inspecting ObjectEvent carrying the lab-result extension under whatever prefix). False when the event is
    /// not a lab result or what it carries does not make a valid one.
    /// </summary>
    public static bool TryRead(JsonObject evt, [NotNullWhen(true)] out LabResult? result) => LabResultEventReader.TryRead(evt, out result);

    public bool Equals(LabResult? other) =>
        other is not null
        && Gtin == other.Gtin && Lot == other.Lot && SampleId == other.SampleId && Analyte == other.Analyte
        && Method == other.Method && Qualitative == other.Qualitative && Measured == other.Measured
        && Limit == other.Limit && Verdict == other.Verdict && KitLot == other.KitLot && KitExpiry == other.KitExpiry
        && ReferenceMaterial == other.ReferenceMaterial && Instrument == other.Instrument && Analyst == other.Analyst
        // The same instant written in another offset is another statement of where the lab was.
        && TestedAt == other.TestedAt && TestedAt.Offset == other.TestedAt.Offset
        && Certifications.SequenceEqual(other.Certifications, StringComparer.Ordinal)
        && TestSite == other.TestSite && Vendor == other.Vendor && SamplingOrderNo == other.SamplingOrderNo
        && PhotoSha256 == other.PhotoSha256 && RetestOf == other.RetestOf;

    public override bool Equals(object? obj) => Equals(obj as LabResult);

    public override int GetHashCode() => HashCode.Combine(Gtin, Lot, SampleId, Analyte, Method, Verdict, TestedAt);
}
