using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Traceability.Api.Tests.Browser;
using Traceability.Api.Tests.Trust;

namespace Traceability.Api.Tests.Console;

/// <summary>
/// The server features the console stands on, over HTTP with API keys: test-card photos (content-checked, bounded,
/// served to regulators and their lab only), the rapid-test record's fields and retests, a day's upload previewed and
/// stored all-or-valid, rapid-test supervision with follow-ups, incoming checks, the member list, lot records and
/// trace graphs under the trust model. Bad input is a 4xx naming the field.
/// </summary>
public sealed class ConsoleServerFeatures(TrustFixture api) : IClassFixture<TrustFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewLotAsync(string prefix)
    {
        var lot = $"{prefix}-{Random.Shared.Next(100000, 999999)}";
        var created = await api.NoodleFactory.Client.PostAsJsonAsync("/events", TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return lot;
    }

    private static object Result(string lot, string verdict = "pass", string? photo = null, string? retestOf = null, string? vendor = "张三蔬菜摊 A-12") => new
    {
        gtin = TrustFixture.FactoryGtin, lot, sampleId = $"S-{Guid.NewGuid():N}"[..12],
        analyte = new { name = "chlorpyrifos 毒死蜱", inchiKey = "SBPBAQFWLVIOKP-UHFFFAOYSA-N" }, method = "GB 23200.113-2018",
        result = new { value = verdict == "pass" ? 0.01 : 0.12, unit = "mg/kg" }, limit = new { value = 0.02, unit = "mg/kg", source = "GB 2763-2021" },
        verdict, referenceMaterial = new { number = "GBW(E)082923" }, testedAt = "2026-11-20T10:00:00+08:00",
        testSite = "柳南农贸市场快检室", vendor, samplingOrderNo = "CY-1120-07", photoSha256 = photo, retestOf,
    };

    private static ByteArrayContent Bytes(byte[] body, string type)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private static async Task<JsonObject> Json(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

    [Fact]
    public async Task ATestCardPhotoIsCheckedStoredAndShownOnlyToRegulatorsAndItsLab()
    {
        var png = QrImages.Png("card " + Guid.NewGuid());
        var uploaded = await api.Lab.Client.PostAsync("/lab-results/photos", Bytes(png, "image/png"), Ct);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var sha = (await Json(uploaded))["sha256"]!.GetValue<string>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), sha);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.Lab.Client.PostAsync("/lab-results/photos", Bytes(png[..^12], "image/png"), Ct)).StatusCode); // cut short
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Lab.Client.PostAsync("/lab-results/photos", Bytes(png, "image/jpeg"), Ct)).StatusCode); // not what it says
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Lab.Client.PostAsync("/lab-results/photos", Bytes("<svg onload=alert(1)>"u8.ToArray(), "image/png"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.Lab.Client.PostAsync("/lab-results/photos", Bytes(png, "image/svg+xml"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await api.Lab.Client.PostAsync("/lab-results/photos", Bytes(new byte[6 * 1024 * 1024], "image/png"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Shop.Client.PostAsync("/lab-results/photos", Bytes(png, "image/png"), Ct)).StatusCode);

        var byRegulator = await api.Regulator.Client.GetAsync($"/lab-results/photos/{sha}", Ct);
        Assert.Equal(HttpStatusCode.OK, byRegulator.StatusCode);
        Assert.Equal(png, await byRegulator.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("nosniff", byRegulator.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, (await api.Lab.Client.GetAsync($"/lab-results/photos/{sha}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Shop.Client.GetAsync($"/lab-results/photos/{sha}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"/lab-results/photos/{sha}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AResultCarriesTheRecordsFieldsItsPhotoHashIsAnchoredAndShoppersSeeNeither()
    {
        var lot = await NewLotAsync("REC");
        var sha = (await Json(await api.Lab.Client.PostAsync("/lab-results/photos", Bytes(QrImages.Png("card " + lot), "image/png"), Ct)))["sha256"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, photo: new string('a', 64)), Ct)).StatusCode);

        var posted = await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, photo: sha), Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var eventId = (await Json(posted))["eventId"]!.GetValue<string>();

        var full = await api.Regulator.Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(eventId)}", Ct);
        Assert.Equal(sha, full!["lab:photoSha256"]!.GetValue<string>());
        Assert.Equal("张三蔬菜摊 A-12", full["lab:vendor"]!.GetValue<string>());
        var unentitled = await api.OtherShop.Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(eventId)}", Ct);
        Assert.Null(unentitled!["lab:photoSha256"]);
        Assert.Null(unentitled["lab:vendor"]);
        Assert.Null(unentitled["lab:samplingOrderNo"]);
        Assert.Equal("柳南农贸市场快检室", unentitled["lab:testSite"]!.GetValue<string>());
        var page = await api.Anonymous.GetStringAsync($"/01/{TrustFixture.FactoryGtin}/10/{lot}", Ct);
        Assert.DoesNotContain(sha, page, StringComparison.Ordinal);
        Assert.DoesNotContain("张三蔬菜摊", page, StringComparison.Ordinal);

        var record = await api.Regulator.Client.GetFromJsonAsync<JsonObject>($"/lots/{TrustFixture.FactoryGtin}/{lot}", Ct);
        Assert.Equal(sha, record!["labResults"]![0]!["photoSha256"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.OtherShop.Client.GetAsync($"/lots/{TrustFixture.FactoryGtin}/{lot}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ARetestRepeatsAResultOfTheSameLotAndAnalyte()
    {
        var lot = await NewLotAsync("RT");
        var other = await NewLotAsync("RT");
        var failed = await Json(await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, "fail"), Ct));
        var firstId = failed["eventId"]!.GetValue<string>();
        Assert.NotNull(failed["alertId"]);

        var wrongLot = await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(other, retestOf: firstId), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongLot.StatusCode);
        Assert.Equal("$.retestOf", (await Json(wrongLot))["errors"]![0]!["path"]!.GetValue<string>());
        var unknown = await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, retestOf: "ni:///sha-256;" + new string('0', 64) + "?ver=CBV2.0"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var retest = await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, retestOf: firstId), Ct);
        Assert.Equal(HttpStatusCode.Created, retest.StatusCode);
        var supervision = await api.Regulator.Client.GetFromJsonAsync<JsonObject>("/supervision/rapid-tests?from=2026-11-20&to=2026-11-20", Ct);
        var failure = supervision!["failures"]!.AsArray().Single(f => f!["eventId"]!.GetValue<string>() == firstId)!;
        Assert.Equal("pass", failure["retests"]![0]!["verdict"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADaysUploadIsPreviewedRowByRowAndStoredOnlyWhenAllAreValidOrTheValidOnesAreChosen()
    {
        var lot = await NewLotAsync("UP");
        string Row(string sample, string kit) =>
            $"{TrustFixture.FactoryGtin},{lot},{sample},formaldehyde 甲醛,KJ 201907,阴性,,,,,合格,{kit},2027-06-30,GBW(E)082923,2026-11-20 09:30,柳南农贸市场快检室";
        const string header = "商品条码,批号,样品编号,检测项目,检测方法,定性结果,检测值,单位,限量,判定依据,结论,试剂批号,试剂有效期,标准物质,检测时间,检测点";
        var sheet = Encoding.UTF8.GetBytes($"{header}\n{Row("U1", "K-1")}\n{Row("U2", "")}\n{Row("U3", "K-1")}\n");

        var preview = await Json(await api.Lab.Client.PostAsync("/lab-results/batches", Bytes(sheet, "text/csv"), Ct));
        Assert.Equal((3, 2, 1, 0), (preview["total"]!.GetValue<int>(), preview["valid"]!.GetValue<int>(), preview["invalid"]!.GetValue<int>(), preview["stored"]!.GetValue<int>()));
        Assert.Equal("kitLot", preview["rows"]![1]!["errors"]![0]!["column"]!.GetValue<string>());

        var all = await api.Lab.Client.PostAsync("/lab-results/batches?store=all", Bytes(sheet, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, all.StatusCode);
        Assert.Equal("$.rows[3].kitLot", (await Json(all))["errors"]![0]!["path"]!.GetValue<string>());
        var record = await api.Regulator.Client.GetFromJsonAsync<JsonObject>($"/lots/{TrustFixture.FactoryGtin}/{lot}", Ct);
        Assert.Empty(record!["labResults"]!.AsArray()); // nothing stored

        var valid = await Json(await api.Lab.Client.PostAsync("/lab-results/batches?store=valid", Bytes(sheet, "text/csv"), Ct));
        Assert.Equal(2, valid["stored"]!.GetValue<int>());

        // The same day as XLSX, fixed: every row valid, stored once (the two already stored are the same events).
        using var workbook = new XLWorkbook();
        var ws = workbook.AddWorksheet("results");
        var lines = new[] { header, Row("U1", "K-1"), Row("U2", "K-2"), Row("U3", "K-1") };
        for (var r = 0; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            for (var c = 0; c < cells.Length; c++) ws.Cell(r + 1, c + 1).SetValue(cells[c]);
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var xlsx = await Json(await api.Lab.Client.PostAsync("/lab-results/batches?store=all",
            Bytes(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Ct));
        Assert.Equal((3, 3), (xlsx["valid"]!.GetValue<int>(), xlsx["stored"]!.GetValue<int>()));
        record = await api.Regulator.Client.GetFromJsonAsync<JsonObject>($"/lots/{TrustFixture.FactoryGtin}/{lot}", Ct);
        Assert.Equal(3, record!["labResults"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.Lab.Client.PostAsync("/lab-results/batches", Bytes("PK\u0003\u0004garbage"u8.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Lab.Client.PostAsync("/lab-results/batches", Bytes("colour,shape\nred,round\n"u8.ToArray(), "text/csv"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.Lab.Client.PostAsync("/lab-results/batches", Bytes(sheet, "text/plain"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Shop.Client.PostAsync("/lab-results/batches", Bytes(sheet, "text/csv"), Ct)).StatusCode);
    }

    [Fact]
    public async Task ARegulatorFollowsUpAFailureAndAFailureUnhandledFor72HoursIsFlagged()
    {
        var lot = await NewLotAsync("FU");
        var failedId = (await Json(await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, "fail"), Ct)))["eventId"]!.GetValue<string>();
        var passedId = (await Json(await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, "pass"), Ct)))["eventId"]!.GetValue<string>();

        var before = await api.Regulator.Client.GetFromJsonAsync<JsonObject>("/supervision/rapid-tests?from=2026-11-20&to=2026-11-20", Ct);
        var failure = before!["failures"]!.AsArray().Single(f => f!["eventId"]!.GetValue<string>() == failedId)!;
        Assert.Equal("overdue", failure["status"]!.GetValue<string>()); // tested 2026-11-20, long before today
        Assert.True(failure["flagged"]!.GetValue<bool>());
        Assert.Contains(before["groups"]!.AsArray(), g => g!["site"]!.GetValue<string>() == "柳南农贸市场快检室" && g["failed"]!.GetValue<int>() >= 1);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.Regulator.Client.PostAsJsonAsync("/supervision/follow-ups", new { resultEventId = passedId, action = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Regulator.Client.PostAsJsonAsync("/supervision/follow-ups", new { resultEventId = "nope", action = "x" }, Ct)).StatusCode);
        var missing = await api.Regulator.Client.PostAsJsonAsync("/supervision/follow-ups", new { resultEventId = failedId }, Ct);
        Assert.Equal("$.action", (await Json(missing))["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Lab.Client.PostAsJsonAsync("/supervision/follow-ups", new { resultEventId = failedId, action = "x" }, Ct)).StatusCode);

        var recorded = await api.Regulator.Client.PostAsJsonAsync("/supervision/follow-ups",
            new { resultEventId = failedId, action = "下架封存，责令整改 / removed and sealed", samplingOrderNo = "CY-1120-07" }, Ct);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal("handled-late", (await Json(recorded))["status"]!.GetValue<string>());
        var dashboard = await api.Regulator.Client.GetFromJsonAsync<JsonObject>("/dashboard", Ct);
        Assert.Contains(dashboard!["alerts"]!.AsArray(), a => a!["eventId"]!.GetValue<string>() == failedId && a["handling"]!.GetValue<string>() == "handled-late");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Shop.Client.GetAsync("/dashboard", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnIncomingCheckIsAnAnchoredEventItsCheckerAndRegulatorsSee()
    {
        var check = new { gtin = TrustFixture.FactoryGtin, lot = "IC-1", supplierOrgId = api.NoodleFactory.OrgId, quantity = 24, unit = "XCS",
            checkedAt = "2026-11-21T08:10:00+08:00", certificateNo = "GX-JY-2026-0042" };
        var created = await api.Shop.Client.PostAsJsonAsync("/incoming-checks", check, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var eventId = (await Json(created))["eventId"]!.GetValue<string>();
        var proof = await api.Anonymous.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(eventId)}/proof", Ct);
        Assert.NotNull(proof!["status"]);

        var bad = await api.Shop.Client.PostAsJsonAsync("/incoming-checks", new { gtin = "06901234100038", lot = "", quantity = -1, unit = "BOXES", checkedAt = "yesterday" }, Ct);
        var paths = (await Json(bad))["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "$.gtin", "$.lot", "$.quantity", "$.unit", "$.checkedAt", "$.certificateNo", "$.supplierName" }, paths);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Lab.Client.PostAsJsonAsync("/incoming-checks", check, Ct)).StatusCode);

        Assert.Contains("GX-JY-2026-0042", await api.Shop.Client.GetStringAsync("/incoming-checks", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("GX-JY-2026-0042", await api.OtherShop.Client.GetStringAsync("/incoming-checks", Ct), StringComparison.Ordinal);
        Assert.Contains("GX-JY-2026-0042", await api.Regulator.Client.GetStringAsync($"/incoming-checks?orgId={api.Shop.OrgId}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMemberListNamesRolesAndGlnsButNoKeysAndUnitsComeInBothLanguages()
    {
        var members = await api.Shop.Client.GetStringAsync("/orgs", Ct);
        Assert.Contains(api.NoodleFactory.OrgId, members, StringComparison.Ordinal);
        Assert.Contains("6901234000047", members, StringComparison.Ordinal);
        Assert.DoesNotContain(api.NoodleFactory.ApiKey, members, StringComparison.Ordinal);
        Assert.DoesNotContain("apiKey", members, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ledgerAddress", members, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/orgs", Ct)).StatusCode);

        var units = await api.Anonymous.GetFromJsonAsync<JsonArray>("/units", Ct);
        var kilogram = units!.Single(u => u!["code"]!.GetValue<string>() == "KGM")!;
        Assert.Equal(("kilogram", "千克"), (kilogram["name"]!.GetValue<string>(), kilogram["chinese"]!.GetValue<string>()));
        Assert.Contains((await api.Anonymous.GetFromJsonAsync<JsonArray>("/lab/analytes", Ct))!, a => a!["chinese"]!.GetValue<string>() == "毒死蜱");
    }

    [Fact]
    public async Task ATraceGraphMarksRecalledAndNonConformantLotsAndStaysWithTheLotsHolders()
    {
        var lot = await NewLotAsync("GR");
        await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, "fail"), Ct);
        var graph = await api.Regulator.Client.GetFromJsonAsync<JsonObject>($"/trace/{TrustFixture.FactoryGtin}/{lot}/graph", Ct);
        var root = graph!["nodes"]!.AsArray().Single(n => n!["root"]!.GetValue<bool>())!;
        Assert.True(root["nonConformant"]!.GetValue<bool>());
        Assert.False(root["recalled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Shop.Client.GetAsync($"/trace/{TrustFixture.FactoryGtin}/{lot}/graph", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Farm.Client.GetAsync($"/trace/{TrustFixture.FactoryGtin}/{lot}/graph", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Regulator.Client.GetAsync($"/trace/{TrustFixture.FactoryGtin}/{lot}/graph?direction=sideways", Ct)).StatusCode);
    }
}
