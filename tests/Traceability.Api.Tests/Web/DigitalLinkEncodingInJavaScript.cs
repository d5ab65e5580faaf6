using System.Text.Json.Nodes;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Tests.Web;

/// <summary>
/// The browser's port (wwwroot/js/gs1.js, epcuri.js) percent-encodes, decodes, canonicalises and converts EPC URIs
/// exactly as the C# domain does, for every printable ASCII character (sets 82, 39 and 64 and the rest) and a few
/// others, in each position of a lot, a serial, a GLN extension, an AI 235 value and a GIAI.
/// </summary>
public sealed class DigitalLinkEncodingInJavaScript
{
    private static IEnumerable<string> Characters() =>
        Enumerable.Range(0x20, 0x7F - 0x20).Select(c => ((char)c).ToString()).Concat(["é", "批", "\u0000", "\r", "\n", "😀"]);

    [Fact]
    public async Task EveryCharacterIsHandledAlike()
    {
        var values = Characters().Select(c => $"A{c}1").ToList();
        var segments = Characters()
            .SelectMany(c => c.Length == 1 && c[0] < 0x80 ? new[] { $"A{c}1", $"A%{(int)c[0]:X2}1", $"A%{(int)c[0]:x2}1" } : [$"A{c}1"])
            .Concat(["%", "A%2", "%G1", "%C3", "%E6%89%B9", "%F0%9F%98%80"]).ToList();
        var uris = values.SelectMany(v => new[]
        {
            $"https://example.com/01/09506000134352/10/{DigitalLinkEncoding.Encode(v)}",
            $"https://example.com/p/01/09506000134352/21/{DigitalLinkEncoding.Encode(v)}?x=1",
            $"https://example.com/414/4012345000054/254/{DigitalLinkEncoding.Encode(v)}",
            $"https://example.com/01/09506000134352/235/{DigitalLinkEncoding.Encode(v)}",
            $"https://example.com/8010/0614141A{DigitalLinkEncoding.Encode(v)}",
        }).Concat(segments.Select(s => $"https://example.com/01/09506000134352/10/{s}")).ToList();
        var urns = Characters().Where(c => c.Length == 1 && c[0] is > ' ' and < '\u007f')
            .SelectMany(c => new[] { c, $"%{(int)c[0]:X2}" })
            .SelectMany(c => new[]
            {
                $"urn:epc:class:lgtin:4012345.012345.L{c}1", $"urn:epc:id:sgtin:4012345.011111.S{c}1", $"urn:epc:id:upui:1234567.098765.T{c}1",
                $"urn:epc:id:sgln:4012345.00005.E{c}1", $"urn:epc:id:giai:4012345.G{c}1", $"urn:epc:id:cpi:0614141.A{c}1.1234",
            }).ToList();

        var js = await JsModules.RunAsync("gs1", new JsonObject
        {
            ["values"] = ToArray(values), ["segments"] = ToArray(segments), ["uris"] = ToArray(uris), ["urns"] = ToArray(urns),
        }, TestContext.Current.CancellationToken);

        Assert.Equal(values.Select(DigitalLinkEncoding.Encode), Strings(js["encoded"]));
        Assert.Equal(segments.Select(s => DigitalLinkEncoding.TryDecode(s, out var d) ? d : null), Strings(js["decoded"]));
        Assert.Equal(uris.Select(u => DigitalLinkCanonicaliser.TryCanonicalise(u, out var c) ? c : null), Strings(js["canonical"]));
        Assert.Equal(urns.Select(u => EpcUrn.TryToDigitalLinkUri(u, out var c) ? c : null), Strings(js["fromUrn"]));
        Assert.Contains("https://id.gs1.org/01/01234567987651/235/T'1", Strings(js["fromUrn"]));
    }

    private static JsonArray ToArray(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)i)]);

    private static List<string?> Strings(JsonNode? array) => array!.AsArray().Select(n => n?.GetValue<string>()).ToList();
}
