using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Fuzz;

/// <summary>Real values for route parameters (a lot, its events, a recall, a capture job) and a valid body for each writing endpoint.</summary>
internal sealed class Seeds
{
    private readonly Dictionary<string, string[]> _values;
    private readonly string _lot;

    private Seeds(Dictionary<string, string[]> values, string lot)
    {
        _values = values;
        _lot = lot;
    }

    public static async Task<Seeds> CreateAsync(ApiFixture api, CancellationToken ct)
    {
        var producer = await api.SharedOrgAsync("producer");
        var retailer = await api.SharedOrgAsync("retailer");
        var regulator = await api.SharedOrgAsync("regulator");
        var lot = "FZ-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await producer.Client.PostEvent(Epcis.Commission(lot))).Body();
        var eventId = created["eventId"]!.GetValue<string>();
        var job = await producer.Client.Capture(Epcis.Document(Epcis.Ship(lot)));
        var captureId = job.Headers.Location!.ToString().Split('/').Last();
        var recall = await (await regulator.Client.PostAsJsonAsync("/recalls", new { gtin = Epcis.Gtin, lot, reason = "fuzz", classification = "III" }, ct)).Body();
        var recallId = recall["id"]?.GetValue<string>() ?? "rcl-none";
        var escaped = Uri.EscapeDataString(eventId);
        return new Seeds(new Dictionary<string, string[]>
        {
            ["gtin"] = [Epcis.Gtin, "6901234100013", "06901234100020"],
            ["lot"] = [lot, "LSF-20261112", Uri.EscapeDataString("批次-1")],
            ["eventId"] = [escaped, escaped + "/proof", eventId[14..78], "ni:///sha-256;" + new string('0', 64) + "?ver=CBV2.0"],
            ["eventIdAndAction"] = [escaped + "/error-declaration", escaped + "/other"],
            ["captureId"] = [captureId, "cap-0000000000000000"],
            ["id"] = [recallId, "rcl-0000000000000000"],
            ["orgId"] = [retailer.OrgId, producer.OrgId, "org-nope"],
            ["sscc"] = ["069012340000000016", "106141412345678908"],
            ["direction"] = ["forward", "backward", "both"],
            ["lang"] = ["zh-CN", "en"],
            ["linkType"] = ["gs1:epcis", "gs1:traceability", "gs1:recallStatus", "all"],
            ["perPage"] = ["1", "10000", "10001"],
            ["affecting"] = ["me"],
            ["from"] = ["2026-11-01T00:00:00Z"],
            ["to"] = ["2026-12-01T00:00:00Z"],
        }, lot);
    }

    public string Value(string name, Random r) =>
        _values.TryGetValue(name, out var values) ? values[r.Next(values.Length)] : new[] { "x", "1", "A-1" }[r.Next(3)];

    /// <summary>A valid body for the endpoint (new lots get fresh codes, so accepted captures really store something).</summary>
    public JsonNode? Body(string pattern, Random r)
    {
        var fresh = "FZ-" + r.Next(1_000_000).ToString("D6");
        return pattern switch
        {
            "/capture" => Epcis.Document(Epcis.Commission(fresh), Epcis.Ship(_lot)),
            "/events" => Epcis.Single(Epcis.Commission(fresh)),
            "/events/{*eventIdAndAction}" => new JsonObject { ["reason"] = "incorrect_data", ["explanation"] = "fuzz" },
            "/lab-results" => JsonNode.Parse($$"""
                { "gtin": "{{Epcis.Gtin}}", "lot": "{{_lot}}", "sampleId": "S-1", "analyte": { "name": "chlorpyrifos" }, "method": "KJ 201710",
                  "result": { "qualitative": "negative" }, "limit": { "value": 0.05, "unit": "mg/kg", "source": "GB 2763-2021" }, "verdict": "pass",
                  "kitLot": "K1", "kitExpiry": "2027-06-30", "referenceMaterial": { "number": "GBW(E)082923" }, "testedAt": "2026-11-20T10:00:00+08:00" }
                """),
            "/recalls" => new JsonObject { ["gtin"] = Epcis.Gtin, ["lot"] = fresh, ["reason"] = "fuzz", ["classification"] = "II" },
            "/recalls/{id}/acknowledgements" => new JsonObject { ["quantityRemoved"] = 3, ["unit"] = "EA" },
            "/recalls/{id}/lift" => new JsonObject { ["reason"] = "resolved" },
            "/products/{gtin}" => new JsonObject { ["name"] = new JsonObject { ["zh-CN"] = "米粉", ["en"] = "rice noodles" }, ["shelfLifeDays"] = 180 },
            "/admin/orgs" => new JsonObject { ["name"] = "fuzz " + fresh, ["role"] = "retailer" },
            _ => new JsonObject(),
        };
    }
}
