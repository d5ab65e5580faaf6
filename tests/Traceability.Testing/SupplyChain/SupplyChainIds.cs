using Traceability.Domain.Gs1;

namespace Traceability.Testing.SupplyChain;

/// <summary>Valid GS1 keys (check digits included) under one Chinese company prefix, as canonical Digital Links.</summary>
internal static class SupplyChainIds
{
    private const string CompanyPrefix = "6901234";

    /// <summary>The product made at a genealogy level: a few products per level.</summary>
    public static string LotClass(int level, int product, string lot) => $"{DigitalLink.CanonicalBase}/01/{Gtin14(level * 100 + product)}/10/{lot}";

    public static string Case(long serial) => Sscc('0', serial);

    public static string Pallet(long serial) => Sscc('1', serial);

    public static Site Site(int locationReference)
    {
        var gln = WithCheck(CompanyPrefix + locationReference.ToString("D5"));
        return new Site($"{DigitalLink.CanonicalBase}/417/{gln}", $"{DigitalLink.CanonicalBase}/414/{gln}");
    }

    private static string Gtin14(int itemReference) => WithCheck("0" + CompanyPrefix + itemReference.ToString("D5"));

    private static string Sscc(char extension, long serial) =>
        $"{DigitalLink.CanonicalBase}/00/{WithCheck(extension + CompanyPrefix + serial.ToString("D9"))}";

    private static string WithCheck(string digits) => digits + Gs1CheckDigit.Compute(digits);
}

/// <summary>A business: its party (/417/) and its site (/414/), sharing one GLN as small businesses do.</summary>
public sealed record Site(string Party, string Location);
