using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Tests.Browser.Console;

/// <summary>
/// A harvest lot graded into 150 lots, each packed into its own case and the cases shipped to 30 buyers outside the
/// consortium, written by the farm through POST /capture under the trust model (it holds the GTIN, commissions and holds
/// every lot and case it moves). The regulator's trace of the harvest on a desktop draws all 332 nodes, the layout ends,
/// no two nodes (with their labels) cover each other, and the graph opens at a zoom where labels can be read, on the
/// traced lot (fitted whole, 150 lots in one rank would shrink every label below a pixel).
/// </summary>
public sealed class AGraphOfSeveralHundredNodesIsLaidOutReadably(DemoChainFixture api, BrowserFixture browser)
    : IClassFixture<DemoChainFixture>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Cowpeas = "06901234100044"; // the vegetable farm's GTIN (company prefix 690123410004)
    private const string Harvest = "V2027-03-01H";
    private const int Lots = 150, Buyers = 30;
    private const string FarmGln = "6901234000030";

    [Fact]
    public async Task EveryNodeIsDrawnAndNoneCoversAnother()
    {
        using var farm = api.Member("vegetables");
        var capture = await farm.PostAsJsonAsync("/capture", Document(SupplyChain().ToArray()), Ct);
        var job = await capture.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(capture.IsSuccessStatusCode, job?.ToJsonString());
        Assert.Equal(2 + Lots + Lots, job!["eventIds"]!.AsArray().Count); // commissioning, grading, a packing and a shipment per lot

        // The farm as a party and as a place is one node in the console: 1 + 150 lots, 150 cases, 30 buyers, the farm.
        const int expected = 1 + Lots + Lots + Buyers + 1;
        await using var context = await ConsolePages.NewDesktopAsync(browser);
        var page = await ConsolePages.SignInAsync(context, api.BaseUrl, api.Members["regulator"]!["apiKey"]!.GetValue<string>());
        await ConsolePages.GoAsync(page, $"#/regulator/lot?gtin={Cowpeas}&lot={Harvest}");
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.graph === 'drawn'", null, new() { Timeout = 60_000 });
        await BrowserFixture.ScreenshotAsync(page, "console-regulator-graph-332-nodes-en");

        var graph = page.Locator("#graph");
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await graph.GetAttributeAsync("data-node-count"));
        Assert.Equal(expected, await page.EvaluateAsync<int>("() => window.traceGraph.nodes().length"));
        var layoutMs = await graph.GetAttributeAsync("data-layout-ms");
        var fitted = await graph.GetAttributeAsync("data-fitted-zoom");
        var overlaps = await page.EvaluateAsync<string[]>(OverlappingPairs);
        var zoom = await page.EvaluateAsync<double>("() => window.traceGraph.zoom()");
        var report = $"{expected} nodes laid out in {layoutMs} ms; the whole fits at zoom {fitted}, opened at {zoom:0.00}; {overlaps.Length} overlapping pairs";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "console-regulator-graph-332-nodes.txt"), report + "\n", Ct);
        Assert.True(overlaps.Length == 0, $"{overlaps.Length} pairs of nodes overlap, e.g. {string.Join("; ", overlaps.Take(5))}");

        // Opened where its 9-pixel labels can be read, on the traced lot, rather than fitted whole into a sliver.
        Assert.True(zoom >= 0.9, $"opened at zoom {zoom}");
        Assert.True(await page.EvaluateAsync<bool>(RootInView), "the traced lot is in view");
    }

    private const string RootInView = """
        () => {
          const cy = window.traceGraph, p = cy.nodes('.root').position(), e = cy.extent();
          return p.x > e.x1 && p.x < e.x2 && p.y > e.y1 && p.y < e.y2;
        }
        """;

    /// <summary>Every pair of nodes whose bounding boxes (body and label, in model coordinates) intersect.</summary>
    private const string OverlappingPairs = """
        () => {
          const boxes = window.traceGraph.nodes().map((n) => ({ id: n.id(), b: n.boundingBox({ includeLabels: true, includeOverlays: false }) }));
          const pairs = [];
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i].b, b = boxes[j].b;
              if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(`${boxes[i].id} × ${boxes[j].id}`);
            }
          return pairs;
        }
        """;

    private static IEnumerable<JsonObject> SupplyChain()
    {
        var start = new DateTimeOffset(2027, 3, 1, 7, 0, 0, TimeSpan.FromHours(8));
        string At(int minutes) => start.AddMinutes(minutes).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var lots = Enumerable.Range(1, Lots).Select(i => $"V2027-03-01-{i:000}").ToArray();
        var buyers = Enumerable.Range(1, Buyers).Select(i => WithCheckDigit($"693999900{i:000}")).ToArray();

        var commission = Event("ObjectEvent", At(0), "ADD", "commissioning");
        commission["disposition"] = "active";
        commission["quantityList"] = Quantities((Harvest, 1500));
        yield return commission;

        var grading = Event("TransformationEvent", At(60), null, "commissioning");
        grading["inputQuantityList"] = Quantities((Harvest, 1500));
        grading["outputQuantityList"] = Quantities(lots.Select(l => (l, 10.0)).ToArray());
        yield return grading;

        for (var i = 0; i < Lots; i++)
        {
            var sscc = WithCheckDigit($"0690123410004{i + 1:0000}");
            var pack = Event("AggregationEvent", At(120 + i), "ADD", "packing");
            pack["parentID"] = $"https://id.gs1.org/00/{sscc}";
            pack["childQuantityList"] = Quantities((lots[i], 10));
            yield return pack;

            var ship = Event("ObjectEvent", At(300 + i), "OBSERVE", "shipping");
            ship["disposition"] = "in_transit";
            ship["epcList"] = new JsonArray($"https://id.gs1.org/00/{sscc}");
            ship["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["source"] = $"https://id.gs1.org/417/{FarmGln}" });
            ship["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = $"https://id.gs1.org/417/{buyers[i % Buyers]}" });
            yield return ship;
        }
    }

    private static string WithCheckDigit(string digits) => digits + Gs1CheckDigit.Compute(digits);

    private static JsonObject Event(string type, string time, string? action, string bizStep)
    {
        var e = new JsonObject { ["type"] = type, ["eventTime"] = time, ["eventTimeZoneOffset"] = "+08:00" };
        if (action is not null) e["action"] = action;
        e["bizStep"] = bizStep;
        e["readPoint"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{FarmGln}" };
        e["bizLocation"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{FarmGln}" };
        return e;
    }

    private static JsonArray Quantities(params (string Lot, double Kg)[] lots) => new(lots
        .Select(l => (JsonNode)new JsonObject { ["epcClass"] = $"https://id.gs1.org/01/{Cowpeas}/10/{l.Lot}", ["quantity"] = l.Kg, ["uom"] = "KGM" })
        .ToArray());

    private static JsonObject Document(JsonObject[] events) => new()
    {
        ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
        ["type"] = "EPCISDocument",
        ["schemaVersion"] = "2.0",
        ["creationDate"] = "2027-03-01T10:00:00Z",
        ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray(events.Select(e => (JsonNode)e).ToArray()) },
    };
}
