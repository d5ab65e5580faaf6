using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Trust;

namespace Traceability.Api.Tests.Console;

/// <summary>
/// Times a client sends to the rapid-test record and its supervision stay within what the server can count with: a
/// result tested in the future is refused (it would sit in every regulator's list and break the 72-hour clock), a
/// supervision period at the calendar's ends is a 400, and the regulator's dashboard keeps answering.
/// </summary>
public sealed class RecordsOutsideTheCalendarAreRefused(TrustFixture api) : IClassFixture<TrustFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Result(string lot, string testedAt, string verdict = "fail", string? retestOf = null) => new
    {
        gtin = TrustFixture.FactoryGtin, lot, sampleId = $"S-{Guid.NewGuid():N}"[..12],
        analyte = new { name = "chlorpyrifos 毒死蜱", inchiKey = "SBPBAQFWLVIOKP-UHFFFAOYSA-N" }, method = "GB 23200.113-2018",
        result = new { value = verdict == "pass" ? 0.01 : 0.12, unit = "mg/kg" }, limit = new { value = 0.02, unit = "mg/kg", source = "GB 2763-2021" },
        verdict, referenceMaterial = new { number = "GBW(E)082923" }, testedAt, retestOf,
    };

    private async Task<string> NewLotAsync()
    {
        var lot = $"CAL-{Random.Shared.Next(100000, 999999)}";
        var created = await api.NoodleFactory.Client.PostAsJsonAsync("/events", TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return lot;
    }

    [Fact]
    public async Task AResultTestedInTheFutureIsRefusedAndTheDashboardKeepsAnswering()
    {
        var lot = await NewLotAsync();
        var future = await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, "9999-12-31T23:00:00+00:00"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var body = (await future.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("$.testedAt", body["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await api.Regulator.Client.GetAsync("/dashboard", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("0001-01-01", "0001-01-02")]
    [InlineData("9999-12-30", "9999-12-31")]
    [InlineData("1999-12-31", "2000-01-01")]
    public async Task ASupervisionPeriodAtTheCalendarsEndsIsABadRequest(string from, string to)
    {
        var answer = await api.Regulator.Client.GetAsync($"/supervision/rapid-tests?from={from}&to={to}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task ARetestRepeatsAFailureNotAPass()
    {
        var lot = await NewLotAsync();
        var passed = (await (await api.Lab.Client.PostAsJsonAsync("/lab-results", Result(lot, "2026-11-20T10:00:00+08:00", "pass"), Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var retest = await api.Lab.Client.PostAsJsonAsync("/lab-results",
            Result(lot, "2026-11-20T11:00:00+08:00", "fail", retestOf: passed["eventId"]!.GetValue<string>()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, retest.StatusCode);
        Assert.Equal("$.retestOf", (await retest.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![0]!["path"]!.GetValue<string>());
    }
}
