using System.Net;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// The binding's headers: every answer names GS1-EPCIS-Version and GS1-CBV-Version, GS1-EPC-Format answers
/// identifiers in the form asked, a GS1-EPCIS-Min above what is spoken is refused (406), and OPTIONS /capture states
/// the capture limits.
/// </summary>
public sealed class BindingHeaders(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Lazy<string> Lot = new(() => "H" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());

    private async Task<(TestOrg Org, string Id)> CapturedAsync()
    {
        var org = await api.SharedOrgAsync("producer");
        var response = await org.Client.CaptureXml(Xml.Document(Xml.ObjectEvent(Lot.Value)));
        return (org, Xml.EventIds(await response.Body()).Single());
    }

    private static async Task<string> EpcClassAsync(HttpClient client, string id, string? format)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/events/{Uri.EscapeDataString(id)}");
        if (format is not null) request.Headers.Add("GS1-EPC-Format", format);
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format ?? "Always_GS1_Digital_Link", response.Headers.GetValues("GS1-EPC-Format").Single());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        var evt = body["quantityList"] is null ? body["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]![0]! : body;
        return evt["quantityList"]![0]!["epcClass"]!.GetValue<string>();
    }

    [Fact]
    public async Task IdentifiersAreAnsweredInTheFormAsked()
    {
        var (org, id) = await CapturedAsync();

        Assert.Equal($"urn:epc:class:lgtin:9521141.012345.{Lot.Value}", await EpcClassAsync(org.Client, id, "Always_EPC_URN"));
        Assert.Equal($"https://id.gs1.org/01/09521141123454/10/{Lot.Value}", await EpcClassAsync(org.Client, id, "Always_GS1_Digital_Link"));
        Assert.Equal($"https://id.gs1.org/01/09521141123454/10/{Lot.Value}", await EpcClassAsync(org.Client, id, null));
    }

    [Fact]
    public async Task AnUnknownEpcFormatIsRefused()
    {
        var (org, id) = await CapturedAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/events/{Uri.EscapeDataString(id)}");
        request.Headers.Add("GS1-EPC-Format", "Sometimes_Barcodes");

        var response = await org.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("GS1-EPC-Format", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task EveryBindingAnswerNamesItsVersions()
    {
        var (org, _) = await CapturedAsync();

        foreach (var path in new[] { "/events", "/eventTypes", "/queries" })
        {
            var response = await org.Client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("2.0.0", response.Headers.GetValues("GS1-EPCIS-Version").Single());
            Assert.Equal("2.0.0", response.Headers.GetValues("GS1-CBV-Version").Single());
            Assert.True(response.Headers.Contains("GS1-Extensions"));
        }
    }

    [Theory]
    [InlineData("GS1-EPCIS-Min", "3.0.0", HttpStatusCode.NotAcceptable)]
    [InlineData("GS1-EPCIS-Max", "1.2.0", HttpStatusCode.NotAcceptable)]
    [InlineData("GS1-CBV-Min", "3.0.0", HttpStatusCode.NotAcceptable)]
    [InlineData("GS1-EPCIS-Min", "2.0.0", HttpStatusCode.OK)]
    [InlineData("GS1-EPCIS-Max", "2.0.0", HttpStatusCode.OK)]
    [InlineData("GS1-EPCIS-Min", "two", HttpStatusCode.BadRequest)]
    public async Task VersionRangesTheServerDoesNotSpeakAreRefused(string header, string value, HttpStatusCode expected)
    {
        var org = await api.SharedOrgAsync("producer");
        var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Add(header, value);

        var response = await org.Client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotAcceptable)
            Assert.Equal("epcisException:NotAcceptableException", (await response.Body())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task OptionsOnCaptureStatesTheLimits()
    {
        var response = await api.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/capture"), Ct);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.True(int.Parse(response.Headers.GetValues("GS1-EPCIS-Capture-Limit").Single()) > 0);
        Assert.True(long.Parse(response.Headers.GetValues("GS1-EPCIS-Capture-File-Size-Limit").Single()) > 0);
        var options = await api.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/events"), Ct);
        Assert.Equal("2.0.0", options.Headers.GetValues("GS1-EPCIS-Max").Single());
        Assert.Contains("Always_EPC_URN", options.Headers.GetValues("GS1-EPC-Format").Single());
    }
}
