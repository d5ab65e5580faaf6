using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class LabResultFieldValidation
{
    private static void RejectedOnlyAt(LabResultRequest request, string path)
    {
        var errors = LabResultValidator.Validate(request);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(path, e.Path));
    }

    [Theory]
    [InlineData("09506000134353")]
    [InlineData("0950600013435")]
    [InlineData("GTIN")]
    public void RejectsAGtinWithAWrongCheckDigitOrLength(string gtin) =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Gtin = gtin }, "$.gtin");

    [Fact]
    public void NamesTheExpectedCheckDigit()
    {
        var error = Assert.Single(LabResultValidator.Validate(LabSamples.Qualitative() with { Gtin = "09506000134353" }));

        Assert.Contains("expected 2", error.Message);
    }

    [Theory]
    [InlineData("A 1")]
    [InlineData("批次1")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    public void RejectsALotOutsideGs1Rules(string lot) =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Lot = lot }, "$.lot");

    [Fact]
    public void RejectsAnUnknownMethod() =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Method = "in-house SOP 12" }, "$.method");

    [Theory]
    [InlineData("GBW1001", null, "$.referenceMaterial.number")]
    [InlineData("GBW(E)082923", "A", "$.referenceMaterial.batch")]
    [InlineData("GBW(E)082923b", "a", "$.referenceMaterial.batch")]
    public void RejectsAMalformedReferenceMaterial(string number, string? batch, string path) =>
        RejectedOnlyAt(LabSamples.Qualitative() with { ReferenceMaterial = new ReferenceMaterialInput(number, batch) }, path);

    [Fact]
    public void RejectsAnUnknownResultUnit() =>
        RejectedOnlyAt(LabSamples.Measured() with { Result = new ResultInput(Value: 0.01m, Unit: "ppm") }, "$.result.unit");

    [Fact]
    public void RejectsALimitInAnotherUnitThanTheResult()
    {
        var request = LabSamples.Measured() with { Limit = new LimitInput(50m, "µg/kg") };

        var error = Assert.Single(LabResultValidator.Validate(request));
        Assert.Equal("$.limit.unit", error.Path);
        Assert.Contains("mg/kg", error.Message);
    }

    [Fact]
    public void TakesDifferentSpellingsOfOneUnitAsTheSameUnit() =>
        Assert.Empty(LabResultValidator.Validate(LabSamples.Measured() with
        {
            Result = new ResultInput(Value: 12m, Unit: "ug/kg"),
            Limit = new LimitInput(50m, "µg/kg"),
        }));

    [Fact]
    public void RejectsANegativeMeasurement() =>
        RejectedOnlyAt(LabSamples.Measured() with { Result = new ResultInput(Value: -0.001m, Unit: "mg/kg") }, "$.result.value");

    [Fact]
    public void RejectsANegativeLimit() =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Limit = new LimitInput(-1m, "mg/kg") }, "$.limit.value");

    [Fact]
    public void RejectsAResultWithBothAQualitativeOutcomeAndAValue() =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Result = new ResultInput("negative", 0.01m, "mg/kg") }, "$.result");

    [Fact]
    public void RejectsAnUnknownQualitativeWord() =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Result = new ResultInput(Qualitative: "unclear"), Verdict = "pass" }, "$.result.qualitative");

    [Theory]
    [InlineData("2026-11-20T10:00:00")]
    [InlineData("2026-11-20 10:00:00+08:00")]
    [InlineData("2026-11-20")]
    [InlineData("yesterday")]
    public void RejectsATestTimeWithoutOffsetOrNotRfc3339(string testedAt) =>
        RejectedOnlyAt(LabSamples.Qualitative() with { TestedAt = testedAt }, "$.testedAt");

    [Theory]
    [InlineData("2027/06/30")]
    [InlineData("2027-6-30")]
    [InlineData("2027-02-30")]
    public void RejectsAKitExpiryThatIsNotAnIsoDate(string expiry) =>
        RejectedOnlyAt(LabSamples.Qualitative() with { KitExpiry = expiry }, "$.kitExpiry");

    [Theory]
    [InlineData("cma-2026-1234")]
    [InlineData("ftp://cma.example.cn/1234")]
    [InlineData("https://cma.example.cn/with space")]
    [InlineData("urn:cma:1234")]
    public void RejectsCertificationsThatAreNotAbsoluteWebUris(string certification) =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Certifications = ["https://cnas.example.org/L1", certification] }, "$.certifications[1]");

    [Fact]
    public void RejectsACertificationListedTwice() =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Certifications = ["https://cnas.example.org/L1", "https://cnas.example.org/L1"] }, "$.certifications[1]");

    [Theory]
    [InlineData("SBPBAQFWLVIOKP")]
    [InlineData("sbpbaqfwlviokp-uhfffaoysa-n")]
    public void RejectsAMalformedInchiKey(string key) =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Analyte = new AnalyteInput("chlorpyrifos", key) }, "$.analyte.inchiKey");

    [Fact]
    public void RejectsControlCharactersInFreeText() =>
        RejectedOnlyAt(LabSamples.Qualitative() with { Analyst = "Li\nWei" }, "$.analyst");

    [Fact]
    public void RejectsOverlongSampleIds() =>
        RejectedOnlyAt(LabSamples.Qualitative() with { SampleId = new string('S', LabResultValidator.MaxIdLength + 1) }, "$.sampleId");
}
