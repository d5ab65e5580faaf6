using System.Net.Http.Headers;
using System.Text;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Admin;

/// <summary>Whatever a client sends to the newer endpoints, the answer is a 4xx problem, never a 500.</summary>
public sealed class NoServerErrorForClientInput(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, string> Requests() => new()
    {
        // role, method, path, body
        { "lab", "POST", "/lab-results", "[]" },
        { "lab", "POST", "/lab-results", "null" },
        { "lab", "POST", "/lab-results", "{\"gtin\":{},\"result\":[1]}" },
        { "lab", "POST", "/lab-results", "{\"result\":{\"value\":1e400}}" },
        { "lab", "POST", "/lab-results", "{not json" },
        { "regulator", "POST", "/recalls", "{\"gtin\":\"06901234100013\",\"lot\":\"\\u0000\",\"reason\":\"r\",\"classification\":\"I\"}" },
        { "regulator", "POST", "/recalls", "{\"gtin\":\"06901234100013\",\"lot\":\"a/b\",\"reason\":\"" + new string('x', 600) + "\",\"classification\":\"I\"}" },
        { "regulator", "POST", "/recalls/rcl-nope/acknowledgements", "{\"quantityRemoved\":1e40,\"unit\":\"EA\"}" },
        { "retailer", "POST", "/recalls/rcl-nope/acknowledgements", "{}" },
        { "regulator", "POST", "/recalls/rcl-nope/lift", "{\"reason\":\"" + new string('x', 600) + "\"}" },
        { "regulator", "POST", "/recalls/rcl-nope/lift", "{\"reason\":[1]}" },
        { "regulator", "GET", "/trace/06901234100013/%20?direction=both", "" },
        { "regulator", "GET", "/trace/0/0", "" },
        { "regulator", "GET", "/exports/fsma204?from=2026-13-45", "" },
        { "regulator", "GET", "/exports/fsma204?to=9999-12-31T23:59:59+14:00", "" },
        { "regulator", "GET", "/alerts?gtin=06901234100013", "" },
        { "producer", "PUT", "/products/06901234100013", "{\"name\":{\"zh-CN\":\"\"},\"shelfLifeDays\":99999999999}" },
        { "producer", "PUT", "/products/06901234100013", "{\"name\":\"not a map\"}" },
        { "producer", "GET", "/events/%ZZ/proof", "" },
        { "producer", "GET", "/events/ni:%2F%2F%2Fsha-256;zz/proof", "" },
        { "producer", "GET", "/01/06901234100013/10/", "" },
        { "producer", "GET", "/01/06901234100013/10/%E6%89%B9?linkType=gs1:nothing", "" },
        { "producer", "GET", "/01/1/10/A", "" },
        { "producer", "GET", "/qr/01/06901234100013/10/A.gif", "" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task AnswersWithAClientError(string role, string method, string path, string body)
    {
        var org = await api.SharedOrgAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await org.Client.SendAsync(request, Ct);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }
}
