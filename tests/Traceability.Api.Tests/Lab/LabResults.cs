using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Storage;

namespace Traceability.Api.Tests.Lab;

public sealed class LabResults(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ITraceStore Store => api.Factory.Services.GetRequiredService<ITraceStore>();

    internal static JsonObject Result(string lot, double? value = 0.012, string verdict = "pass", string kitExpiry = "2027-06-30") => new()
    {
        ["gtin"] = Epcis.Gtin,
        ["lot"] = lot,
        ["sampleId"] = $"S-{lot}",
        ["analyte"] = new JsonObject { ["name"] = "chlorpyrifos", ["inchiKey"] = "SBPBAQFWLVIOKP-UHFFFAOYSA-N" },
        ["method"] = "KJ 201710",
        ["result"] = value is null ? new JsonObject { ["qualitative"] = "negative" } : new JsonObject { ["value"] = value, ["unit"] = "mg/kg" },
        ["limit"] = new JsonObject { ["value"] = 0.05, ["unit"] = "mg/kg", ["source"] = "GB 2763-2021" },
        ["verdict"] = verdict,
        ["kitLot"] = "K2026-11",
        ["kitExpiry"] = kitExpiry,
        ["referenceMaterial"] = new JsonObject { ["number"] = "GBW(E)082923", ["batch"] = "a" },
        ["instrument"] = "Rapid reader R-2",
        ["analyst"] = "Li Na",
        ["testedAt"] = "2026-11-20T10:00:00+08:00",
        ["certifications"] = new JsonArray("https://cma.example.cn/certificates/2026-001"),
    };

    private async Task<string> KnownLotAsync(string lot)
    {
        var farm = await api.SharedOrgAsync("producer");
        Assert.Equal(HttpStatusCode.Created, (await farm.Client.PostEvent(Epcis.Commission(lot))).StatusCode);
        return $"/01/{Epcis.Gtin}/10/{lot}";
    }

    [Fact]
    public async Task APassingResultIsStoredAsAConformantInspection()
    {
        var lotKey = await KnownLotAsync("LAB-PASS");
        var lab = await api.SharedOrgAsync("lab");

        var response = await lab.Client.PostAsJsonAsync("/lab-results", Result("LAB-PASS"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Null(created["alertId"]);
        var stored = await Store.GetEventAsync(created["eventId"]!.GetValue<string>(), Ct);
        Assert.Equal("https://ref.gs1.org/cbv/BizStep-inspecting", stored!.BizStep);
        Assert.Equal("https://ref.gs1.org/cbv/Disp-conformant", stored.Disposition);
        Assert.False((await Store.GetLotsAsync([lotKey], Ct))[lotKey].NonConformant);
    }

    [Fact]
    public async Task AFailingResultMarksTheLotNonConformantAndAlertsRegulators()
    {
        var lotKey = await KnownLotAsync("LAB-FAIL");
        var lab = await api.SharedOrgAsync("lab");
        var regulator = await api.SharedOrgAsync("regulator");

        var response = await lab.Client.PostAsJsonAsync("/lab-results", Result("LAB-FAIL", value: 0.12, verdict: "fail"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.True((await Store.GetLotsAsync([lotKey], Ct))[lotKey].NonConformant);
        var alerts = (await regulator.Client.GetFromJsonAsync<JsonArray>($"/alerts?gtin={Epcis.Gtin}&lot=LAB-FAIL", Ct))!;
        var alert = Assert.Single(alerts)!;
        Assert.Equal(created["alertId"]!.GetValue<string>(), alert["id"]!.GetValue<string>());
        Assert.Equal(created["eventId"]!.GetValue<string>(), alert["eventId"]!.GetValue<string>());
        Assert.Contains("chlorpyrifos: 0.12 mg/kg", alert["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("producer")]
    [InlineData("retailer")]
    [InlineData("regulator")]
    public async Task RejectsLabResultFromNonLab(string role)
    {
        await KnownLotAsync("LAB-ROLE");
        var org = await api.SharedOrgAsync(role);

        var response = await org.Client.PostAsJsonAsync("/lab-results", Result("LAB-ROLE"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AResultForAnUnknownLotIsNotFoundAndStoresNothing()
    {
        var lab = await api.SharedOrgAsync("lab");
        var before = (await Store.GetStatsAsync(Ct)).Events;

        var response = await lab.Client.PostAsJsonAsync("/lab-results", Result("LAB-NOWHERE"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, (await Store.GetStatsAsync(Ct)).Events);
    }

    [Theory]
    [InlineData("verdict", "pass", "$.verdict")]          // 0.12 mg/kg above 0.05 cannot pass
    [InlineData("kitExpiry", "2026-11-19", "$.kitExpiry")] // kit expired the day before the test
    [InlineData("method", "KJ 2017", "$.method")]
    public async Task AnInconsistentResultIsRejectedWithThePathAndStoresNothing(string field, string value, string path)
    {
        await KnownLotAsync("LAB-BAD");
        var lab = await api.SharedOrgAsync("lab");
        var body = Result("LAB-BAD", value: 0.12, verdict: "fail");
        body[field] = value;
        var before = (await Store.GetStatsAsync(Ct)).Events;

        var response = await lab.Client.PostAsJsonAsync("/lab-results", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == path);
        Assert.Equal(before, (await Store.GetStatsAsync(Ct)).Events);
    }

    [Fact]
    public async Task AFieldOfTheWrongTypeIsABadRequest()
    {
        var lab = await api.SharedOrgAsync("lab");
        var body = Result("LAB-TYPE");
        body["gtin"] = 12345;

        var response = await lab.Client.PostAsJsonAsync("/lab-results", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OnlyRegulatorsReadAlerts()
    {
        var farm = await api.SharedOrgAsync("producer");

        Assert.Equal(HttpStatusCode.Forbidden, (await farm.Client.GetAsync("/alerts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/alerts", Ct)).StatusCode);
    }
}
