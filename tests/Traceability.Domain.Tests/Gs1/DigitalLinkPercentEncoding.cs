using CsCheck;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

/// <summary>
/// Every character of GS1 AI encodable character sets 82, 39 and 64 through the Digital Link percent-encoding, both
/// ways, and through the EPC URI ⇄ Digital Link conversions. Sources of the expected spellings:
/// <list type="bullet">
/// <item>[DL] the GS1 Digital Link URI syntax (its ABNF, as GS1's GS1DigitalLinkToolkit.js and gs1-syntax-engine
/// dl.c apply it): <c>! " # % &amp; ( ) * + , / : &lt; &gt; ?</c> percent-encoded, letters, digits, <c>- . _</c> not.</item>
/// <item>[REF] GS1's CBV 2.0 event hash reference implementation, RalphTro/epcis-event-hash-generator at 5d2f1c3,
/// <c>dl_normaliser.py</c> and <c>tests/dl_normaliser_test.py</c>: EPC URI characters <c>! ( ) * + , :</c> encoded,
/// <c>' ; =</c> left as they are, the URI's own escapes (<c>%22 %25 %26 %2F %3C %3E %3F</c>, <c>%23</c>) kept.</item>
/// <item>[TDS] EPC Tag Data Standard, EPC URI escaping: <c>" % &amp; / &lt; &gt; ?</c> (and <c># </c> in CPIs)
/// written as %-escapes, the rest of set 82 as is.</item>
/// </list>
/// Where [DL] and [REF] differ (<c>' ; =</c>), [REF] decides: the event ids must match its published hashes.
/// </summary>
public class DigitalLinkPercentEncoding
{
    private static readonly Gtin Gtin = Gtin.Parse("09506000134352");

    /// <summary>Each set-82 character that is not a letter or digit, and its Digital Link spelling.</summary>
    public static TheoryData<char, string> Set82Punctuation() => new()
    {
        { '!', "%21" },   // [DL] [REF]
        { '"', "%22" },   // [REF] (kept from the EPC URI's %22; a raw " is not allowed in a URI at all)
        { '%', "%25" },   // [DL] [REF]
        { '&', "%26" },   // [DL] [REF]
        { '\'', "'" },    // [REF]: dl_normaliser leaves the apostrophe of an EPC URI as it is
        { '(', "%28" },   // [DL] [REF]
        { ')', "%29" },   // [DL] [REF]
        { '*', "%2A" },   // [DL] [REF]
        { '+', "%2B" },   // [DL] [REF]
        { ',', "%2C" },   // [DL] [REF]
        { '-', "-" },     // [DL] [REF]
        { '.', "." },     // [DL] [REF]
        { '/', "%2F" },   // [DL] [REF]
        { ':', "%3A" },   // [DL] [REF]
        { ';', ";" },     // [REF]
        { '<', "%3C" },   // [DL] [REF]
        { '=', "=" },     // [REF]
        { '>', "%3E" },   // [DL] [REF]
        { '?', "%3F" },   // [DL] [REF]
        { '_', "_" },     // [DL] [REF]
    };

    /// <summary>The same characters as an EPC URI writes them [TDS].</summary>
    private static string EpcForm(char c) => c switch
    {
        '"' => "%22", '%' => "%25", '&' => "%26", '/' => "%2F", '<' => "%3C", '>' => "%3E", '?' => "%3F", '#' => "%23",
        _ => c.ToString(),
    };

    [Fact]
    public void TheTableCoversEveryCharacterOfSet82()
    {
        var punctuation = Set82Punctuation().Select(row => row.Data.Item1).ToHashSet();
        var set82 = Gs1Gens.Cset82.Where(c => !char.IsAsciiLetterOrDigit(c)).ToHashSet();
        Assert.Equal(20, punctuation.Count);
        Assert.True(set82.SetEquals(punctuation));
    }

    [Theory]
    [MemberData(nameof(Set82Punctuation))]
    public void EachSet82CharacterHasOneSpellingInALotPath(char c, string encoded)
    {
        var lot = $"A{c}1";
        Assert.Equal($"/01/09506000134352/10/A{encoded}1", DigitalLink.LotPath(Gtin, LotCode.Parse(lot)));
        Assert.Equal(encoded, DigitalLinkEncoding.Encode(c.ToString()));
    }

    [Theory]
    [MemberData(nameof(Set82Punctuation))]
    public void EverySpellingOfASet82CharacterReadsBackAsIt(char c, string encoded)
    {
        var escape = $"%{(int)c:X2}";
        foreach (var spelling in new[] { encoded, escape, escape.ToLowerInvariant() })
        {
            var link = (GtinLink)DigitalLink.Parse($"https://example.com/01/09506000134352/10/A{spelling}1");
            Assert.Equal($"A{c}1", link.Lot!.Value);
            Assert.True(DigitalLinkCanonicaliser.TryCanonicalise($"https://example.com/01/09506000134352/10/A{spelling}1", out var canonical));
            Assert.Equal($"https://id.gs1.org/01/09506000134352/10/A{encoded}1", canonical);
        }
    }

    [Fact]
    public void LettersAndDigitsAreNeverEncoded()
    {
        const string alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Assert.Equal(alphanumerics, DigitalLinkEncoding.Encode(alphanumerics));
    }

    [Theory]
    [MemberData(nameof(Set82Punctuation))]
    public void EpcLotsAndSerialsConvertAsTheReferenceDoes(char c, string encoded)
    {
        var epc = EpcForm(c);
        // lgtin and sgtin through the typed link, upui (AI 235), giai (AI 8004) and the sgln extension as the hash sees them.
        Assert.Equal($"https://id.gs1.org/01/04012345123456/10/L{encoded}1", EpcUrn.ToDigitalLink($"urn:epc:class:lgtin:4012345.012345.L{epc}1").ToUri());
        Assert.Equal($"https://id.gs1.org/01/04012345111118/21/S{encoded}1", EpcUrn.ToDigitalLink($"urn:epc:id:sgtin:4012345.011111.S{epc}1").ToUri());
        Assert.True(EpcUrn.TryToDigitalLinkUri($"urn:epc:id:upui:1234567.098765.T{epc}1", out var upui));
        Assert.Equal($"https://id.gs1.org/01/01234567987651/235/T{encoded}1", upui);
        Assert.True(EpcUrn.TryToDigitalLinkUri($"urn:epc:id:giai:4012345.G{epc}1", out var giai));
        Assert.Equal($"https://id.gs1.org/8004/4012345G{encoded}1", giai);
        Assert.True(EpcUrn.TryToDigitalLinkUri($"urn:epc:id:sgln:4012345.00005.E{epc}1", out var sgln));
        Assert.Equal($"https://id.gs1.org/414/4012345000054/254/E{encoded}1", sgln);
    }

    [Theory]
    [MemberData(nameof(Set82Punctuation))]
    public void DigitalLinksConvertBackToTheEpcUriSpelling(char c, string encoded)
    {
        var lot = DigitalLink.Parse($"https://id.gs1.org/01/04012345123456/10/L{encoded}1");
        var serial = DigitalLink.Parse($"https://id.gs1.org/01/04012345111118/21/S{encoded}1");

        Assert.Equal($"urn:epc:class:lgtin:4012345.012345.L{EpcForm(c)}1", EpcUrn.FromDigitalLink(lot, 7));
        Assert.Equal($"urn:epc:id:sgtin:4012345.011111.S{EpcForm(c)}1", EpcUrn.FromDigitalLink(serial, 7));
    }

    /// <summary>[REF] tests/dl_normaliser_test.py, test_good_epc_conversion, verbatim.</summary>
    [Theory]
    [InlineData("urn:epc:id:sgtin:4012345.011111.98%22", "https://id.gs1.org/01/04012345111118/21/98%22")]
    [InlineData("urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()", "https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29")]
    [InlineData("urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234", "https://id.gs1.org/8010/061414111111111111111-A%23%2F/8011/1234")]
    [InlineData("urn:epc:id:ginc:0614141.xyz47%2F11", "https://id.gs1.org/401/0614141xyz47%2F11")]
    [InlineData("urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7SDB", "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7SDB")]
    [InlineData("urn:epc:id:gdti:4012345.00009.PO-4711", "https://id.gs1.org/253/4012345000092PO-4711")]
    // Derived from [REF]'s dl_normaliser.py for the characters its own tests leave out: ' ; = stay, : + , are encoded.
    [InlineData("urn:epc:id:upui:1234567.098765.a'b;c=d:e+f,g", "https://id.gs1.org/01/01234567987651/235/a'b;c=d%3Ae%2Bf%2Cg")]
    [InlineData("urn:epc:id:itip:4012345.011111.01.02.O'Neil", "https://id.gs1.org/8006/040123451111180102/21/O'Neil")]
    public void ReferenceVectors(string urn, string expected)
    {
        Assert.True(EpcUrn.TryToDigitalLinkUri(urn, out var uri));
        Assert.Equal(expected, uri);
    }

    /// <summary>Set 39 (CPID, AI 8010): digits, capitals, # - /; # and / are encoded [DL] [REF].</summary>
    [Theory]
    [InlineData("#", "%23")]
    [InlineData("-", "-")]
    [InlineData("/", "%2F")]
    public void Set39PunctuationInACpid(string c, string encoded)
    {
        Assert.True(EpcUrn.TryToDigitalLinkUri($"urn:epc:id:cpi:0614141.AB{EpcForm(c[0])}9.1234", out var uri));
        Assert.Equal($"https://id.gs1.org/8010/0614141AB{encoded}9/8011/1234", uri);
        Assert.True(DigitalLinkCanonicaliser.TryCanonicalise($"https://example.com/8010/0614141AB%{(int)c[0]:x2}9", out var canonical));
        Assert.Equal($"https://id.gs1.org/8010/0614141AB{encoded}9", canonical);
    }

    /// <summary>Set 64 (the URI-safe base64 of AI 8030 and compressed links): A–Z a–z 0–9 - _ and the = pad, all as is.</summary>
    [Fact]
    public void Set64NeedsNoEncoding()
    {
        const string set64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=";
        Assert.Equal(set64, DigitalLinkEncoding.Encode(set64));
    }

    [Fact]
    public void OtherCharactersAreEncodedAsUtf8AndDecodeBack()
    {
        Assert.Equal("%20%23%C3%A9%E6%89%B9%00%0D%0A", DigitalLinkEncoding.Encode(" #\u00e9\u6279\0\r\n"));
        Assert.True(DigitalLinkEncoding.TryDecode("%C3%A9%e6%89%b9", out var text));
        Assert.Equal("é批", text);
        Assert.False(DigitalLinkEncoding.TryDecode("%C3", out _));
        Assert.False(DigitalLinkEncoding.TryDecode("%G1", out _));
        Assert.False(DigitalLinkEncoding.TryDecode("A%2", out _));
    }

    [Fact]
    public void EncodingThenDecodingGivesBackAnySet82Text() =>
        Gs1Gens.Text82.Sample(text => DigitalLinkEncoding.TryDecode(DigitalLinkEncoding.Encode(text), out var back) && back == text);

    [Fact]
    public void AnUrnAndItsDigitalLinkCanonicaliseToTheSameUri() =>
        Gen.Select(Gs1Gens.Gtin, Gs1Gens.Lot, Gs1Gens.CompanyPrefixLength).Sample((gtin, lot, prefixLength) =>
        {
            var link = new GtinLink(gtin, lot);
            var urn = EpcUrn.FromDigitalLink(link, prefixLength);
            return EpcUrn.TryToDigitalLinkUri(urn, out var fromUrn)
                && DigitalLinkCanonicaliser.TryCanonicalise("https://example.com/shop" + link.Path, out var fromLink)
                && fromUrn == fromLink && fromUrn == link.ToUri();
        });
}
