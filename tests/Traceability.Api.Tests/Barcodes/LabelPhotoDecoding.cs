using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;
using ZXing;
using ZXing.Datamatrix;

namespace Traceability.Api.Tests.Barcodes;

/// <summary>
/// POST /barcodes/decode finds the symbols on photos of our own labels (rendered by the API, laid out, scaled, turned a
/// few degrees, tinted, JPEG-compressed) and says what they mean in GS1 terms; anything that is not such a photo is a 4xx.
/// </summary>
public sealed class LabelPhotoDecoding(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Sscc = "106141411234567897";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APackLabelPhotoGivesTheDataMatrixKeysAndTheQrCodesLink()
    {
        var producer = await api.SharedOrgAsync("producer");
        var commission = Epcis.Commission("PHOTO-1");
        commission["ilmd"] = new JsonObject { ["cbvmda:itemExpirationDate"] = "2027-06-01" };
        Assert.True((await producer.Client.PostEvent(commission)).IsSuccessStatusCode);
        var label = LabelPhotos.Label(640, 320,
            (await api.Anonymous.GetImageAsync($"/qr/01/{Epcis.Gtin}/10/PHOTO-1.png?size=256", "image/png", Ct), 24, 32),
            (await api.Anonymous.GetImageAsync($"/barcodes/datamatrix/01/{Epcis.Gtin}/10/PHOTO-1.png?size=208", "image/png", Ct), 380, 56));

        var found = await DecodeAsync(producer, label.Photograph(1600, 1200, scale: 1.9, degrees: 4, quality: 70));

        var dataMatrix = Symbol(found, "GS1 DataMatrix");
        Assert.Equal("]d2", dataMatrix["symbologyIdentifier"]!.GetValue<string>());
        Assert.Equal($"01{Epcis.Gtin}17270601" + "10PHOTO-1", dataMatrix["text"]!.GetValue<string>());
        Assert.Equal($"(01){Epcis.Gtin}(17)270601(10)PHOTO-1", dataMatrix["elementString"]!.GetValue<string>());
        Assert.Equal(Epcis.Gtin, dataMatrix["keys"]!["gtin"]!.GetValue<string>());
        Assert.Equal("PHOTO-1", dataMatrix["keys"]!["lot"]!.GetValue<string>());
        Assert.Equal("2027-06-01", dataMatrix["keys"]!["expiry"]!.GetValue<string>());
        Assert.Equal($"/01/{Epcis.Gtin}/10/PHOTO-1", dataMatrix["digitalLink"]!.GetValue<string>());
        Assert.Equal("USE BY OR EXPIRY", dataMatrix["elements"]![1]!["title"]!.GetValue<string>());

        var qr = Symbol(found, "QR Code");
        Assert.Equal($"https://trace.example.com/01/{Epcis.Gtin}/10/PHOTO-1", qr["text"]!.GetValue<string>());
        Assert.Equal($"/01/{Epcis.Gtin}/10/PHOTO-1", qr["digitalLink"]!.GetValue<string>());
        Assert.Equal("jpeg", found["image"]!["format"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(-3.0, 1.6)]
    [InlineData(2.5, 1.2)]
    public async Task ALogisticLabelPhotoGivesTheSscc(double degrees, double scale)
    {
        var producer = await api.SharedOrgAsync("producer");
        var label = LabelPhotos.Label(800, 320, (await api.Anonymous.GetImageAsync($"/barcodes/gs1-128/00/{Sscc}.png", "image/png", Ct), 48, 32));

        var found = await DecodeAsync(producer, label.Photograph(1280, 960, scale, degrees, quality: 75));

        var bars = Symbol(found, "GS1-128");
        Assert.Equal("]C1", bars["symbologyIdentifier"]!.GetValue<string>());
        Assert.Equal($"00{Sscc}", bars["text"]!.GetValue<string>());
        Assert.Equal(Sscc, bars["keys"]!["sscc"]!.GetValue<string>());
        Assert.Null(bars["digitalLink"]);
    }

    [Fact]
    public async Task ALargePhotoIsShrunkBeforeDecoding()
    {
        var producer = await api.SharedOrgAsync("producer");
        var label = LabelPhotos.Label(300, 300, (await api.Anonymous.GetImageAsync("/barcodes/datamatrix/01/6901234100037/10/BIG-1.png?size=260", "image/png", Ct), 20, 20));

        var found = await DecodeAsync(producer, label.Photograph(4000, 3000, scale: 6, degrees: 2, quality: 80));

        Assert.Equal(4000, found["image"]!["width"]!.GetValue<int>());
        Assert.Equal(2000, found["image"]!["scannedWidth"]!.GetValue<int>());
        Assert.Equal(1500, found["image"]!["scannedHeight"]!.GetValue<int>());
        Assert.Equal("BIG-1", Symbol(found, "GS1 DataMatrix")["keys"]!["lot"]!.GetValue<string>());
    }

    [Fact]
    public async Task APlainDataMatrixIsReportedWithoutGs1Keys()
    {
        var producer = await api.SharedOrgAsync("producer");
        var matrix = new DataMatrixWriter().encode("0106901234100037", BarcodeFormat.DATA_MATRIX, 0, 0);
        var grid = new Traceability.Api.Barcodes.ModuleGrid(Enumerable.Range(-2, matrix.Height + 4)
            .Select(y => Enumerable.Range(-2, matrix.Width + 4).Select(x => x >= 0 && y >= 0 && x < matrix.Width && y < matrix.Height && matrix[x, y]).ToArray()).ToArray());
        var label = LabelPhotos.Label(300, 300, (grid.ToPng(220, 220)!, 40, 40));

        var symbol = Symbol(await DecodeAsync(producer, label.Photograph(800, 600, 1.5, 3)), "DataMatrix");

        Assert.Equal("]d1", symbol["symbologyIdentifier"]!.GetValue<string>());
        Assert.Equal("0106901234100037", symbol["text"]!.GetValue<string>());
        Assert.Null(symbol["keys"]);
    }

    [Fact]
    public async Task APhotoWithNoBarcodeFindsNothing()
    {
        var producer = await api.SharedOrgAsync("producer");
        var found = await DecodeAsync(producer, LabelPhotos.Label(200, 100).Photograph(640, 480, 2, 5));
        Assert.Empty(found["symbols"]!.AsArray());
    }

    [Fact]
    public async Task OnlyOrganisationsMayDecode()
    {
        using var content = Image(LabelPhotos.Label(10, 10).Photograph(32, 32, 1, 0), "image/jpeg");
        var response = await api.Anonymous.PostAsync("/barcodes/decode", content, Ct);
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated", Ct);
    }

    public static TheoryData<string, string> NotImages => new()
    {
        { "random bytes", "image/png" },
        { "a JPEG start then noise", "image/jpeg" },
        { "a PNG signature then noise", "image/png" },
        { "a GIF", "image/png" },
        { "an empty body", "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public async Task AnythingButAJpegOrPngImageIsABadRequest(string what, string contentType)
    {
        var random = new Random(7);
        var noise = new byte[5000];
        random.NextBytes(noise);
        byte[] body = what switch
        {
            "random bytes" => noise,
            "a JPEG start then noise" => [0xFF, 0xD8, 0xFF, 0xE0, .. noise],
            "a PNG signature then noise" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. noise],
            "a GIF" => [.. "GIF89a"u8, .. noise],
            _ => [],
        };
        var producer = await api.SharedOrgAsync("producer");
        var response = await producer.Client.PostAsync("/barcodes/decode", Image(body, contentType), Ct);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-image", Ct);
        Assert.Equal("body", problem["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATruncatedPhotoIsAnsweredWithoutAServerError()
    {
        var producer = await api.SharedOrgAsync("producer");
        var photo = LabelPhotos.Label(200, 200).Photograph(800, 600, 2, 1);
        var response = await producer.Client.PostAsync("/barcodes/decode", Image(photo[..(photo.Length / 2)], "image/jpeg"), Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.StatusCode}");
    }

    [Fact]
    public async Task AnImageOfTooManyPixelsIsRefusedFromItsHeader()
    {
        var producer = await api.SharedOrgAsync("producer");
        var png = await api.Anonymous.GetImageAsync("/barcodes/gs1-128/00/106141411234567897.png", "image/png", Ct);
        // IHDR width and height (bytes 16 to 23) claimed as 20,000 × 20,000: 400 megapixels that are never allocated.
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 20_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 20_000);

        var response = await producer.Client.PostAsync("/barcodes/decode", Image(png, "image/png"), Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-image", Ct);
        Assert.Contains("20000×20000", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUploadOverSixteenMebibytesIsTooLarge()
    {
        var producer = await api.SharedOrgAsync("producer");
        var body = new byte[16 * 1024 * 1024 + 1];
        body[0] = 0xFF; body[1] = 0xD8; body[2] = 0xFF;
        var response = await producer.Client.PostAsync("/barcodes/decode", Image(body, "image/jpeg"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("image/gif")]
    [InlineData(null)]
    public async Task OtherMediaTypesAreUnsupported(string? contentType)
    {
        var producer = await api.SharedOrgAsync("producer");
        var content = new ByteArrayContent(LabelPhotos.Label(10, 10).Photograph(32, 32, 1, 0));
        if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var response = await producer.Client.PostAsync("/barcodes/decode", content, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static ByteArrayContent Image(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private static async Task<JsonObject> DecodeAsync(TestOrg org, byte[] photo)
    {
        var response = await org.Client.PostAsync("/barcodes/decode", Image(photo, "image/jpeg"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static JsonObject Symbol(JsonObject found, string symbology) =>
        found["symbols"]!.AsArray().Select(s => s!.AsObject()).SingleOrDefault(s => s["symbology"]!.GetValue<string>() == symbology)
        ?? throw new Xunit.Sdk.XunitException($"no {symbology} among {found["symbols"]!.ToJsonString()}");
}
