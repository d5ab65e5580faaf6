using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Ledger;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Admin;

public sealed class OrganisationCreation(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("producer", OrgRole.Producer)]
    [InlineData("distributor", OrgRole.Distributor)]
    [InlineData("lab", OrgRole.Lab)]
    [InlineData("retailer", OrgRole.Retailer)]
    [InlineData("regulator", OrgRole.Regulator)]
    public async Task RegistersTheOrganisationsLedgerAccountWithItsRoleOnChain(string role, OrgRole onChain)
    {
        var org = await api.CreateOrgAsync(role);

        var registry = api.Factory.Services.GetRequiredService<LedgerConnection>().Require().Registry;
        Assert.Equal(onChain, await registry.RoleOfAsync(EvmAddress.Parse(org.LedgerAddress), Ct));
        Assert.StartsWith("org-", org.OrgId);
        Assert.True(File.Exists(Path.Combine(api.DataDir, "keys", org.OrgId + ".json")), "the ledger key is kept in a keystore file");
    }

    [Fact]
    public async Task ShowsTheApiKeyOnceAndStoresOnlyItsHash()
    {
        var org = await api.CreateOrgAsync("producer", name: "Liuzhou Rice Farm 柳州稻田");

        using var admin = api.Admin();
        var list = await admin.GetFromJsonAsync<JsonArray>("/admin/orgs", Ct);
        var listed = Assert.Single(list!, o => o!["orgId"]!.GetValue<string>() == org.OrgId)!;
        Assert.Equal("Liuzhou Rice Farm 柳州稻田", listed["name"]!.GetValue<string>());
        Assert.Null(listed["apiKey"]);
        Assert.DoesNotContain(org.ApiKey, list!.ToJsonString());
        var database = await File.ReadAllBytesAsync(Path.Combine(api.DataDir, "trace.db"), Ct);
        Assert.DoesNotContain(org.ApiKey, System.Text.Encoding.UTF8.GetString(database));
    }

    [Fact]
    public async Task RefusesWithoutTheAdminToken()
    {
        var missing = await api.Anonymous.PostAsJsonAsync("/admin/orgs", new { name = "x", role = "producer" }, Ct);
        using var wrong = api.As("not-the-admin-token");
        var wrongToken = await wrong.PostAsJsonAsync("/admin/orgs", new { name = "x", role = "producer" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"name":"A","role":"farmer"}""", "$.role")]
    [InlineData("""{"name":"","role":"producer"}""", "$.name")]
    [InlineData("""{"role":"producer"}""", "$.name")]
    [InlineData("""{"name":"A","role":"producer","gln":"9506000134353"}""", "$.gln")]
    [InlineData("""{"name":"A","role":"0"}""", "$.role")]
    public async Task RejectsBadRequestsNamingTheField(string body, string path)
    {
        using var admin = api.Admin();
        var before = (await admin.GetFromJsonAsync<JsonArray>("/admin/orgs", Ct))!.Count;

        var response = await admin.PostAsync("/admin/orgs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(path, problem!["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonArray>("/admin/orgs", Ct))!.Count);
    }

    [Fact]
    public async Task RejectsMalformedJsonWithAProblem()
    {
        using var admin = api.Admin();
        var response = await admin.PostAsync("/admin/orgs", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RejectsADuplicateNameOrGlnWithConflict()
    {
        await api.CreateOrgAsync("retailer", gln: "9506000134376", name: "Sunshine Supermarket");
        using var admin = api.Admin();

        var sameName = await admin.PostAsJsonAsync("/admin/orgs", new { name = "sunshine supermarket", role = "retailer" }, Ct);
        var sameGln = await admin.PostAsJsonAsync("/admin/orgs", new { name = "Other", role = "retailer", gln = "9506000134376" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, sameName.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, sameGln.StatusCode);
    }
}
