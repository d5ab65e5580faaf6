using System.Text.Json.Nodes;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class LabResultEventShape
{
    private static JsonObject Build(LabResultRequest request, LabParty? lab = null) => LabResultEvent.Build(request, lab ?? LabSamples.LabWithGln);

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    [Fact]
    public void ObservesTheLotAsALotClassWhileInspecting()
    {
        var evt = Build(LabSamples.Qualitative());

        Assert.Equal("ObjectEvent", Text(evt["type"]));
        Assert.Equal("OBSERVE", Text(evt["action"]));
        Assert.Equal("inspecting", Text(evt["bizStep"]));
        Assert.Equal("https://id.gs1.org/01/09506000134352/10/A-1", Text(evt["quantityList"]![0]!["epcClass"]));
        Assert.Null(evt["epcList"]);
    }

    [Fact]
    public void HappensWhenAndWhereTheLabTested()
    {
        var evt = Build(LabSamples.Qualitative());

        Assert.Equal("2026-11-20T10:00:00+08:00", Text(evt["eventTime"]));
        Assert.Equal("+08:00", Text(evt["eventTimeZoneOffset"]));
        Assert.Equal("https://id.gs1.org/414/9506000000015", Text(evt["bizLocation"]!["id"]));
    }

    [Fact]
    public void HasNoBizLocationWhenTheLabHasNoGln() =>
        Assert.Null(Build(LabSamples.Qualitative(), LabSamples.LabWithoutGln)["bizLocation"]);

    [Theory]
    [InlineData("pass", "conformant")]
    [InlineData("fail", "non_conformant")]
    public void DispositionFollowsTheVerdict(string verdict, string disposition)
    {
        var request = LabSamples.Qualitative() with { Result = new ResultInput(Qualitative: verdict == "pass" ? "negative" : "positive"), Verdict = verdict };

        Assert.Equal(disposition, Text(Build(request)["disposition"]));
    }

    [Fact]
    public void NamesTheSampleAsATestResultTransaction()
    {
        var transaction = Build(LabSamples.Qualitative() with { SampleId = "S/1 样" })["bizTransactionList"]![0]!;

        Assert.Equal("testres", Text(transaction["type"]));
        Assert.Equal("urn:epcglobal:cbv:bt:9506000000015:S%2F1%20%E6%A0%B7", Text(transaction["bizTransaction"]));
    }

    [Fact]
    public void NamesTheSampleUnderTheOrganisationWhenTheLabHasNoGln() =>
        Assert.Equal("https://traceability.example/lab-samples/org-lab/S-1",
            Text(Build(LabSamples.Qualitative(), LabSamples.LabWithoutGln)["bizTransactionList"]![0]!["bizTransaction"]));

    [Fact]
    public void ReportsAMeasuredValueAsSensorDataWithItsRec20UnitAndSubstance()
    {
        var report = Build(LabSamples.Measured())["sensorElementList"]![0]!["sensorReport"]![0]!;

        Assert.Equal("Dimensionless", Text(report["type"]));
        Assert.Equal(0.012m, report["value"]!.GetValue<decimal>());
        Assert.Equal("NA", Text(report["uom"]));
        Assert.Equal("https://identifiers.org/inchikey:SBPBAQFWLVIOKP-UHFFFAOYSA-N", Text(report["chemicalSubstance"]));
    }

    [Fact]
    public void ReportsAMicrobialCountWithItsOwnTypeAndUnitForWantOfARec20Code()
    {
        var request = LabSamples.Measured() with
        {
            Analyte = new AnalyteInput("Salmonella"),
            Result = new ResultInput(Value: 120m, Unit: "CFU/g"),
            Limit = new LimitInput(1000m, "CFU/g"),
        };

        var report = Build(request)["sensorElementList"]![0]!["sensorReport"]![0]!;

        Assert.Equal(LabResultExtension.MicrobialCountType, Text(report["type"]));
        Assert.Null(report["uom"]);
        Assert.Equal("CFU/g", Text(report["lab:unit"]));
        Assert.Null(report["chemicalSubstance"]);
    }

    [Fact]
    public void AQualitativeResultHasNoSensorData() =>
        Assert.Null(Build(LabSamples.Qualitative())["sensorElementList"]);

    [Fact]
    public void CarriesTheCertificationsAsCertificationInfo() =>
        Assert.Equal(["https://cma.example.cn/cma/2026-1234", "https://cnas.example.org/cnas/L1234"],
            Build(LabSamples.Qualitative())["certificationInfo"]!.AsArray().Select(Text));

    [Fact]
    public void PutsEverythingElseInTheLabResultExtensionDeclaredInTheContext()
    {
        var evt = Build(LabSamples.Qualitative());

        Assert.Equal(LabResultExtension.Namespace, Text(evt["@context"]![1]!["lab"]));
        Assert.Equal("S-1", Text(evt["lab:sampleId"]));
        Assert.Equal("chlorpyrifos", Text(evt["lab:analyte"]));
        Assert.Equal("KJ 201710", Text(evt["lab:method"]));
        Assert.Equal("negative", Text(evt["lab:qualitativeResult"]));
        Assert.Equal(0.05m, evt["lab:limit"]!.GetValue<decimal>());
        Assert.Equal("mg/kg", Text(evt["lab:limitUnit"]));
        Assert.Equal("GB 2763-2021", Text(evt["lab:limitSource"]));
        Assert.Equal("pass", Text(evt["lab:verdict"]));
        Assert.Equal("K2026-11", Text(evt["lab:kitLot"]));
        Assert.Equal("2027-06-30", Text(evt["lab:kitExpiry"]));
        Assert.Equal("GBW(E)082923a", Text(evt["lab:referenceMaterial"]));
        Assert.Equal("Li Wei", Text(evt["lab:analyst"]));
    }

    [Fact]
    public void RefusesAnInvalidRequest()
    {
        var error = Assert.Throws<TraceError>(() => Build(LabSamples.Qualitative() with { Verdict = "fail" }));

        Assert.Equal(LabResultValidator.ErrorCode, error.Code);
        Assert.Equal("$.verdict", Assert.Single(error.Errors).Path);
    }
}
