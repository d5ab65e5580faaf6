using CsCheck;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

/// <summary>Generators of valid GS1 values for property tests.</summary>
internal static class Gs1Gens
{
    public const string Cset82 =
        "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    public static readonly Gen<string> Digits13 = Gen.Char['0', '9'].Array[13].Select(d => new string(d));

    public static readonly Gen<Gtin> Gtin = Digits13.Select(d => Domain.Gs1.Gtin.Parse(d + Domain.Gs1.Gtin.ComputeCheckDigit(d)));

    public static readonly Gen<Gln> Gln = Gen.Char['0', '9'].Array[12]
        .Select(d => new string(d))
        .Select(d => Domain.Gs1.Gln.Parse(d + Gs1CheckDigit.Compute(d)));

    public static readonly Gen<Sscc> Sscc = Gen.Char['0', '9'].Array[17]
        .Select(d => new string(d))
        .Select(d => Domain.Gs1.Sscc.Parse(d + Gs1CheckDigit.Compute(d)));

    /// <summary>Set-82 text, often with the characters that need escaping in URIs.</summary>
    public static readonly Gen<string> Text82 = Gen.Char[Cset82].Array[1, 20].Select(c => new string(c));

    public static readonly Gen<LotCode> Lot = Text82.Select(LotCode.Parse);

    public static readonly Gen<SerialNumber> Serial = Text82.Select(SerialNumber.Parse);

    public static readonly Gen<int> CompanyPrefixLength = Gen.Int[6, 12];

    public static readonly Gen<DigitalLink> Link = Gen.OneOf<DigitalLink>(
        Gtin.Select(g => (DigitalLink)new GtinLink(g)),
        Gen.Select(Gtin, Lot, (g, l) => (DigitalLink)new GtinLink(g, l)),
        Gen.Select(Gtin, Serial, (g, s) => (DigitalLink)new GtinLink(g, serial: s)),
        Gen.Select(Gtin, Lot, Serial, (g, l, s) => (DigitalLink)new GtinLink(g, l, s)),
        Sscc.Select(s => (DigitalLink)new SsccLink(s)),
        Gln.Select(g => (DigitalLink)new LocationLink(g)),
        Gen.Select(Gln, Text82, (g, e) => (DigitalLink)new LocationLink(g, GlnExtension.Parse(e))),
        Gln.Select(g => (DigitalLink)new PartyLink(g)));
}
