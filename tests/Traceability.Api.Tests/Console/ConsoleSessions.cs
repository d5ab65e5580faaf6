using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Testing;

namespace Traceability.Api.Tests.Console;

/// <summary>The API with a 3-second idle timeout, so a test can watch a session expire.</summary>
public sealed class ShortSessionFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings(AnvilNode chain)
    {
        var settings = base.Settings(chain);
        settings["Trace:Console:IdleTimeout"] = "00:00:03";
        return settings;
    }
}

/// <summary>
/// Console sign-in: an API key becomes a server-side session whose cookie is Secure, HttpOnly, SameSite=Strict and holds
/// only a random id; writes need the session's CSRF token; sign-out and idle expiry end it on the server; a retailer's
/// session is held to the retailer's rights like its key.
/// </summary>
public sealed class ConsoleSessions(ShortSessionFixture api) : IClassFixture<ShortSessionFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInSetsASecureHttpOnlyStrictCookieHoldingNoKey()
    {
        var shop = await api.SharedOrgAsync("retailer");
        var console = await ConsoleClient.SignInAsync(api, shop.ApiKey, Ct);

        var flags = console.SetCookie.Split(';').Select(p => p.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", flags);
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=strict", flags);
        Assert.Contains("path=/", flags);
        Assert.DoesNotContain(flags, f => f.StartsWith("domain=", StringComparison.Ordinal));
        Assert.Equal(43, console.SessionId.Length);
        Assert.DoesNotContain(shop.ApiKey, console.SetCookie, StringComparison.Ordinal);
        Assert.DoesNotContain(shop.ApiKey, console.Session.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("retailer", console.Session["role"]!.GetValue<string>());

        var me = await console.Http.GetFromJsonAsync<JsonObject>("/console/session", Ct);
        Assert.Equal(shop.OrgId, me!["orgId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWriteWithoutTheCsrfTokenIsRefusedAndChangesNothing()
    {
        var shop = await api.SharedOrgAsync("retailer");
        var console = await ConsoleClient.SignInAsync(api, shop.ApiKey, Ct);
        var check = new { gtin = "09506000134352", lot = "CSRF-1", supplierName = "某供应商", quantity = 5, unit = "KGM",
            checkedAt = "2026-11-14T09:40:00+08:00", certificateNo = "JY-1" };

        var missing = await console.Http.PostAsJsonAsync("/incoming-checks", check, Ct);
        var wrong = await console.SendAsync(HttpMethod.Post, "/incoming-checks", check, Ct, csrf: "not-the-token");
        var request = new HttpRequestMessage(HttpMethod.Post, "/incoming-checks") { Content = JsonContent.Create(check) };
        request.Headers.Add("X-CSRF-Token", console.CsrfToken);
        request.Headers.Add("Origin", "https://evil.example");
        var crossOrigin = await console.Http.SendAsync(request, Ct);

        foreach (var refused in new[] { missing, wrong, crossOrigin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("/problems/csrf", (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["type"]!.GetValue<string>());
        }
        Assert.Empty((await console.Http.GetFromJsonAsync<JsonArray>("/incoming-checks", Ct))!);

        var accepted = await console.SendAsync(HttpMethod.Post, "/incoming-checks", check, Ct);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using var byKey = api.As(shop.ApiKey); // a bearer key carries no ambient credential: no token needed
        Assert.Equal(HttpStatusCode.Created, (await byKey.PostAsJsonAsync("/incoming-checks", with_lot("CSRF-2"), Ct)).StatusCode);
    }

    private static object with_lot(string lot) => new { gtin = "09506000134352", lot, supplierName = "某供应商", quantity = 5, unit = "KGM",
        checkedAt = "2026-11-14T09:40:00+08:00", certificateNo = "JY-1" };

    [Fact]
    public async Task SignOutEndsTheSessionOnTheServer()
    {
        var shop = await api.SharedOrgAsync("retailer");
        var console = await ConsoleClient.SignInAsync(api, shop.ApiKey, Ct);

        var refused = await console.Http.DeleteAsync("/console/session", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode); // sign-out is a write too
        var signedOut = await console.SendAsync(HttpMethod.Delete, "/console/session", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleClient.CookieName + "=;", StringComparison.Ordinal));

        using var replay = ConsoleClient.WithCookie(api, console.SessionId); // the old cookie kept by an attacker
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/console/session", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/recalls?affecting=me", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnIdleSessionExpires()
    {
        var shop = await api.SharedOrgAsync("retailer");
        var console = await ConsoleClient.SignInAsync(api, shop.ApiKey, Ct);
        Assert.Equal(HttpStatusCode.OK, (await console.Http.GetAsync("/console/session", Ct)).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3.5), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await console.Http.GetAsync("/console/session", Ct)).StatusCode);
    }

    [Fact]
    public async Task ARetailersSessionCannotReachRegulatorScreensOrAnotherOrganisationsData()
    {
        var shop = await api.SharedOrgAsync("retailer");
        var other = await api.CreateOrgAsync("retailer");
        var console = await ConsoleClient.SignInAsync(api, shop.ApiKey, Ct);
        using var otherKey = other.Client;
        Assert.Equal(HttpStatusCode.Created, (await otherKey.PostAsJsonAsync("/incoming-checks", with_lot("THEIRS-1"), Ct)).StatusCode);

        foreach (var path in new[] { "/dashboard", "/supervision/rapid-tests", "/alerts", "/exports/fsma204", "/admin/orgs", "/trace/09506000134352/THEIRS-1/graph" })
            Assert.Equal(HttpStatusCode.Forbidden, (await console.Http.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await console.Http.GetAsync($"/incoming-checks?orgId={other.OrgId}", Ct)).StatusCode);
        Assert.DoesNotContain("THEIRS-1", await console.Http.GetStringAsync("/incoming-checks", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await console.SendAsync(HttpMethod.Post, "/recalls", new { gtin = "09506000134352", lot = "THEIRS-1", reason = "x", classification = "I" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task TheAdminTokenSignsInToTheAdminScreenAndAnUnknownKeyDoesNot()
    {
        var admin = await ConsoleClient.SignInAsync(api, ApiFixture.AdminToken, Ct);
        Assert.Equal("admin", admin.Session["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin/orgs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("/dashboard", Ct)).StatusCode);

        using var stranger = api.As("trk_not-a-key");
        var refused = await stranger.PostAsync("/console/session", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }
}
