using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Products;

public sealed class ProductMasterData(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(string zh = "柳州螺蛳粉", int shelfLife = 180) => new
    {
        name = new Dictionary<string, string> { ["zh-CN"] = zh, ["en"] = "Liuzhou river-snail rice noodles" },
        brand = new Dictionary<string, string> { ["zh-CN"] = "龙城", ["en"] = "Longcheng" },
        countryOfOrigin = "cn",
        netContent = "330 g",
        shelfLifeDays = shelfLife,
    };

    [Fact]
    public async Task AProducerRegistersAProductThatAnyoneCanRead()
    {
        var producer = await api.CreateOrgAsync("producer");

        var put = await producer.Client.PutAsJsonAsync("/products/6901234100037", Body(), Ct);
        var read = await api.Anonymous.GetFromJsonAsync<JsonObject>("/products/06901234100037", Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("柳州螺蛳粉", read!["name"]!["zh-CN"]!.GetValue<string>());
        Assert.Equal("CN", read["countryOfOrigin"]!.GetValue<string>());
        Assert.Equal(producer.OrgId, read["ownerOrgId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherProducerCannotOverwriteIt()
    {
        var owner = await api.CreateOrgAsync("producer");
        var rival = await api.CreateOrgAsync("producer");
        await owner.Client.PutAsJsonAsync("/products/06901234100020", Body(), Ct);

        var response = await rival.Client.PutAsJsonAsync("/products/06901234100020", Body("假冒"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("柳州螺蛳粉", (await api.Anonymous.GetFromJsonAsync<JsonObject>("/products/06901234100020", Ct))!["name"]!["zh-CN"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/products/06901234100038", "invalid-gtin")]
    [InlineData("/products/06901234100013", "invalid-product")]
    public async Task BadInputIsAProblem(string path, string type)
    {
        var producer = await api.SharedOrgAsync("producer");

        var response = await producer.Client.PutAsJsonAsync(path, Body(shelfLife: -1), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"/problems/{type}", (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyProducersRegisterProducts()
    {
        var shop = await api.SharedOrgAsync("retailer");

        Assert.Equal(HttpStatusCode.Forbidden, (await shop.Client.PutAsJsonAsync("/products/06901234100013", Body(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync("/products/09506000134352", Ct)).StatusCode);
    }
}
