namespace Traceability.Api.Tests.Web;

/// <summary>
/// GS1 Digital Links and EPC URIs at each limit the canonicalisation checks (lengths one below, at and one above the
/// maximum, character sets, company prefix lengths), for every key and qualifier: where random events rarely land.
/// </summary>
internal static class IdentifierLimits
{
    private static string Digits(int count) => string.Concat(Enumerable.Range(0, Math.Max(count, 0)).Select(i => (char)('0' + (i * 7 + 3) % 10)));

    private static IEnumerable<int> Around(int length) => [length - 1, length, length + 1];

    public static IEnumerable<string> All() => DigitalLinks().Concat(EpcUris()).Distinct();

    private static IEnumerable<string> DigitalLinks()
    {
        const string Host = "https://example.com/prefix";
        foreach (var (key, length) in new[] { ("00", 18), ("8006", 18), ("8017", 18), ("8018", 18), ("414", 13), ("417", 13), ("402", 17) })
        {
            foreach (var n in Around(length)) yield return $"{Host}/{key}/{Digits(n)}";
        }
        foreach (var n in new[] { 7, 8, 9, 11, 12, 13, 14, 15 }) yield return $"{Host}/01/{Digits(n)}";
        foreach (var n in Around(17)) yield return $"{Host}/253/{Digits(13)}{new string('x', n)}";
        yield return $"{Host}/253/{Digits(13)}";
        foreach (var n in Around(12)) yield return $"{Host}/255/{Digits(13)}{Digits(n)}";
        yield return $"{Host}/255/{Digits(13)}12a";
        foreach (var n in Around(16)) yield return $"{Host}/8003/0{Digits(13)}{new string('Y', n)}";
        foreach (var key in new[] { "401", "8004" })
        {
            foreach (var n in Around(30)) yield return $"{Host}/{key}/{Digits(6)}{new string('z', n - 6)}";
            yield return $"{Host}/{key}/{Digits(6)}a%20b";
        }
        foreach (var n in Around(30)) yield return $"{Host}/8010/{Digits(6)}{new string('Q', n - 6)}";
        yield return $"{Host}/8010/{Digits(6)}lower";
        yield return $"{Host}/8010/{Digits(6)}A%23B%2FC";
        foreach (var n in Around(12)) yield return $"{Host}/8010/{Digits(6)}AB/8011/{Digits(n)}";
        yield return $"{Host}/8010/{Digits(6)}AB/8011/12a";

        var gtin = "09506000134352";
        foreach (var (qualifier, length) in new[] { ("10", 20), ("21", 20), ("235", 28), ("lot", 20), ("ser", 20) })
        {
            foreach (var n in Around(length)) yield return $"{Host}/01/{gtin}/{qualifier}/{new string('L', n)}";
            yield return $"{Host}/01/{gtin}/{qualifier}/%C3%A9";
            yield return $"{Host}/01/{gtin}/{qualifier}/a%2Fb%25c";
        }
        foreach (var n in Around(20)) yield return $"{Host}/414/{Digits(13)}/254/{new string('E', n)}";
        foreach (var n in Around(20)) yield return $"{Host}/8006/{Digits(18)}/21/{new string('S', n)}";
        yield return $"{Host}/01/{gtin}/10/A/21/B";
        yield return $"{Host}/01/{gtin}/21/B/10/A";
        yield return $"{Host}/01/{gtin}/10/A/235/T";
        yield return $"{Host}/01/{gtin}/22/V/10/A";
        yield return $"{Host}/01/{gtin}/10/A/10/B";
        yield return $"{Host}/01/{gtin}/254/A";
        yield return $"{Host}/01/{gtin}/10/%ZZ";
        yield return $"{Host}/01/{gtin}/10/%E9";
        yield return $"{Host}/gtin/{gtin}/lot/A?x=1#y";
    }

    private static IEnumerable<string> EpcUris()
    {
        foreach (var cp in new[] { 5, 6, 7, 12, 13 })
        {
            var prefix = Digits(cp);
            string Ref(int total, int delta = 0) => Digits(total - cp + delta);
            foreach (var d in new[] { -1, 0, 1 })
            {
                yield return $"urn:epc:id:sgtin:{prefix}.{Ref(13, d)}.S1";
                yield return $"urn:epc:idpat:sgtin:{prefix}.{Ref(13, d)}.*";
                yield return $"urn:epc:id:sscc:{prefix}.{Ref(17, d)}";
                yield return $"urn:epc:id:sgln:{prefix}.{Ref(12, d)}.0";
                yield return $"urn:epc:id:pgln:{prefix}.{Ref(12, d)}";
                yield return $"urn:epc:id:gsrn:{prefix}.{Ref(17, d)}";
                yield return $"urn:epc:id:gsin:{prefix}.{Ref(16, d)}";
                yield return $"urn:epc:id:grai:{prefix}.{Ref(12, d)}.A1";
                yield return $"urn:epc:id:gdti:{prefix}.{Ref(12, d)}.D1";
                yield return $"urn:epc:id:sgcn:{prefix}.{Ref(12, d)}.12";
                yield return $"urn:epc:id:itip:{prefix}.{Ref(13, d)}.01.02.S1";
                yield return $"urn:epc:id:upui:{prefix}.{Ref(13, d)}.TPX";
            }
            foreach (var n in Around(30 - cp))
            {
                yield return $"urn:epc:id:giai:{prefix}.{new string('g', Math.Max(n, 1))}";
                yield return $"urn:epc:id:ginc:{prefix}.{new string('n', Math.Max(n, 1))}";
                yield return $"urn:epc:id:cpi:{prefix}.{new string('C', Math.Max(n, 1))}.1";
            }
        }
        var sixDigits = Digits(7);
        foreach (var (scheme, reference, max) in new[] { ("sgtin", Digits(6), 20), ("lgtin", Digits(6), 20), ("grai", Digits(5), 16), ("gdti", Digits(5), 17), ("itip", Digits(6) + ".01.02", 20), ("upui", Digits(6), 28), ("sgln", Digits(5), 20) })
        {
            var kind = scheme == "lgtin" ? "class" : "id";
            foreach (var n in Around(max)) yield return $"urn:epc:{kind}:{scheme}:{sixDigits}.{reference}.{new string('s', n)}";
            yield return $"urn:epc:{kind}:{scheme}:{sixDigits}.{reference}.a%2Fb";
            yield return $"urn:epc:{kind}:{scheme}:{sixDigits}.{reference}.a%2";
            yield return $"urn:epc:{kind}:{scheme}:{sixDigits}.{reference}.a/b";
            yield return $"urn:epc:{kind}:{scheme}:{sixDigits}.{reference}.%E9";
            yield return $"urn:epc:{kind}:{scheme}:{sixDigits}.{reference}.a.b.c";
        }
        foreach (var n in Around(12))
        {
            yield return $"urn:epc:id:sgcn:{sixDigits}.{Digits(5)}.{Digits(n)}";
            yield return $"urn:epc:id:cpi:{sixDigits}.AB.{Digits(n)}";
        }
        foreach (var pattern in new[] { "grai", "gdti", "sgcn", "cpi", "itip", "upui", "gsrn", "giai" })
            yield return $"urn:epc:idpat:{pattern}:{sixDigits}.{Digits(5)}.*";
        yield return $"urn:epc:idpat:itip:{sixDigits}.{Digits(6)}.01.02.*";
        yield return $"urn:epc:idpat:sgtin:{sixDigits}.*.*";
        yield return $"urn:epc:class:sgtin:{sixDigits}.{Digits(6)}.1";
        yield return $"urn:epc:id:itip:{sixDigits}.{Digits(6)}.1.02.S";
        yield return "urn:epc:id:sgtin:0614141.107346.2017";
        yield return "urn:epc:id:sgtin:0614141.107346";
        yield return "urn:epc:tag:sgtin-96:1.0614141.107346.2017";
    }
}
