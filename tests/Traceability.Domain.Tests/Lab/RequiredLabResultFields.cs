using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class RequiredLabResultFields
{
    [Fact]
    public void AnEmptyBodyNamesEveryRequiredField()
    {
        var paths = LabResultValidator.Validate(new LabResultRequest()).Select(e => e.Path).ToHashSet();

        string[] required = ["$.gtin", "$.lot", "$.sampleId", "$.analyte", "$.method", "$.result", "$.verdict", "$.kitLot",
            "$.kitExpiry", "$.referenceMaterial", "$.testedAt"];
        Assert.Equal(required.Order(), paths.Order());
    }

    public static TheoryData<string> Paths() =>
    [
        "$.gtin", "$.lot", "$.sampleId", "$.analyte.name", "$.method", "$.verdict", "$.kitLot", "$.kitExpiry",
        "$.referenceMaterial.number", "$.testedAt",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public void ReportsAMissingFieldAtItsPathAlone(string path)
    {
        var request = LabSamples.Qualitative();
        request = path switch
        {
            "$.gtin" => request with { Gtin = null },
            "$.lot" => request with { Lot = null },
            "$.sampleId" => request with { SampleId = "  " },
            "$.analyte.name" => request with { Analyte = new AnalyteInput(null, "SBPBAQFWLVIOKP-UHFFFAOYSA-N") },
            "$.method" => request with { Method = null },
            "$.verdict" => request with { Verdict = null },
            "$.kitLot" => request with { KitLot = "" },
            "$.kitExpiry" => request with { KitExpiry = null },
            "$.referenceMaterial.number" => request with { ReferenceMaterial = new ReferenceMaterialInput(null, "a") },
            _ => request with { TestedAt = null },
        };

        var error = Assert.Single(LabResultValidator.Validate(request));
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void OptionalFieldsMayBeLeftOut()
    {
        var request = LabSamples.Qualitative() with
        {
            Analyte = new AnalyteInput("chlorpyrifos"),
            Limit = null,
            Instrument = null,
            Analyst = "",
            Certifications = null,
            ReferenceMaterial = new ReferenceMaterialInput("GBW10015"),
        };

        Assert.Empty(LabResultValidator.Validate(request));
    }

    [Fact]
    public void AMeasuredResultNeedsItsLimit()
    {
        var error = Assert.Single(LabResultValidator.Validate(LabSamples.Measured() with { Limit = null }));

        Assert.Equal("$.limit", error.Path);
    }

    [Fact]
    public void CreateThrowsAnInvalidArgumentListingEveryError()
    {
        var error = Assert.Throws<TraceError>(() => LabResultValidator.Create(new LabResultRequest(Gtin: "09506000134352")));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(LabResultValidator.ErrorCode, error.Code);
        Assert.Equal(10, error.Errors.Count);
    }
}
