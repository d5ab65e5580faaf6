using System.Text.Json.Nodes;
using Traceability.Domain.Consumer;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

/// <summary>
/// The fields of a Chinese rapid-test record (检测点, 经营户, 抽样单号, the card's photo, 复检) travel in the anchored event and
/// read back; the vendor, sampling order and photo never reach the consumer view. Kits belong to rapid-test methods.
/// </summary>
public class RapidTestRecordFields
{
    private const string Photo = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string Original = "ni:///sha-256;" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" + "?ver=CBV2.0";

    private static LabResultRequest Full() => LabSamples.Qualitative() with
    {
        TestSite = "柳南农贸市场快检室", Vendor = "张三蔬菜摊 A-12", SamplingOrderNo = "CY-20261120-007", PhotoSha256 = Photo.ToUpperInvariant(),
        RetestOf = Original,
    };

    [Fact]
    public void TheRecordsFieldsReadBackFromTheEvent()
    {
        var evt = LabResultEvent.Build(Full(), LabSamples.LabWithGln);
        evt["eventID"] = EventHash.ComputeId(evt);

        Assert.True(LabResult.TryRead(evt, out var read));
        Assert.Equal(("柳南农贸市场快检室", "张三蔬菜摊 A-12", "CY-20261120-007", Photo, Original),
            (read.TestSite, read.Vendor, read.SamplingOrderNo, read.PhotoSha256, read.RetestOf));
        Assert.Equal(LabResultValidator.Create(Full()), read);
    }

    [Fact]
    public void TheConsumerViewKeepsTheTestSiteAndDropsVendorSamplingOrderAndPhoto()
    {
        var evt = LabResultEvent.Build(Full(), LabSamples.LabWithGln);
        evt["eventID"] = EventHash.ComputeId(evt);
        var viewObject = ConsumerView.Of(evt);
        var view = viewObject.ToJsonString();

        Assert.Equal("柳南农贸市场快检室", viewObject["lab:testSite"]!.GetValue<string>());
        Assert.Contains(Original, view, StringComparison.Ordinal);
        Assert.Null(viewObject["lab:vendor"]);
        Assert.DoesNotContain("CY-20261120-007", view, StringComparison.Ordinal);
        Assert.DoesNotContain(Photo, view, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInstrumentMethodNeedsNoKitButARapidTestDoes()
    {
        var instrument = LabSamples.Measured() with { KitLot = null, KitExpiry = null };
        var result = LabResultValidator.Create(instrument);
        Assert.Null(result.KitLot);
        Assert.Null(result.KitExpiry);
        Assert.DoesNotContain("kitLot", LabResultEvent.Build(result, LabSamples.LabWithGln).ToJsonString(), StringComparison.Ordinal);

        var rapid = LabResultValidator.Validate(LabSamples.Qualitative() with { KitLot = null, KitExpiry = null }).Select(e => e.Path);
        Assert.Equal(["$.kitLot", "$.kitExpiry"], rapid);

        var half = Assert.Single(LabResultValidator.Validate(instrument with { KitLot = "K-1" }));
        Assert.Equal("$.kitExpiry", half.Path);
    }

    [Theory]
    [InlineData("$.photoSha256", "abc")]
    [InlineData("$.photoSha256", "zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("$.retestOf", "urn:uuid:1234")]
    [InlineData("$.retestOf", "ni:///sha-256;XYZ?ver=CBV2.0")]
    [InlineData("$.vendor", "line\nbreak")]
    public void MalformedRecordFieldsAreReportedAtTheirPath(string path, string value)
    {
        var request = path switch
        {
            "$.photoSha256" => LabSamples.Qualitative() with { PhotoSha256 = value },
            "$.retestOf" => LabSamples.Qualitative() with { RetestOf = value },
            _ => LabSamples.Qualitative() with { Vendor = value },
        };
        Assert.Equal(path, Assert.Single(LabResultValidator.Validate(request)).Path);
    }

    [Fact]
    public void EveryTableAnalyteIsAValidAnalyteName()
    {
        foreach (var entry in AnalyteTable.All)
            Assert.Empty(LabResultValidator.Validate(LabSamples.Qualitative() with { Analyte = new AnalyteInput(entry.Name, entry.InchiKey) }));
    }
}
