namespace Traceability.Domain.Gs1;

/// <summary>
/// Digital Link paths for the EPC schemes this system only meets in partners' events (grai, giai, gsrn, gsrnp, gdti,
/// cpi, sgcn, ginc, gsin, itip, upui and their patterns). Only the event hash needs them, as plain canonical paths.
/// </summary>
internal static class EpcUrnOtherSchemes
{
    public static string? ToPath(EpcUrnParts urn)
    {
        var f = urn.Fields;
        var isPattern = urn.Kind == "idpat";
        if (urn.Kind == "class" || (isPattern && f[^1] != "*"))
            return null;

        switch (urn.Scheme)
        {
            case "grai":
                var grai = Join(f[0], f[1], 12, false);
                if (grai is null)
                    return null;
                // GRAI = 0 + company prefix + asset type + check digit; a leading 0 does not change the check digit.
                return isPattern ? "/8003/0" + grai : Serial(f[2], 16) is { } graiSerial ? "/8003/0" + grai + graiSerial : null;
            case "gdti":
                var gdti = Join(f[0], f[1], 12, false);
                return gdti is null ? null : isPattern ? "/253/" + gdti : Serial(f[2], 17) is { } docSerial ? "/253/" + gdti + docSerial : null;
            case "sgcn":
                var sgcn = Join(f[0], f[1], 12, false);
                return sgcn is null ? null : isPattern ? "/255/" + sgcn : IsDigits(f[2], 12) ? "/255/" + sgcn + f[2] : null;
            case "gsrn" when !isPattern:
                return Join(f[0], f[1], 17, false) is { } gsrn ? "/8018/" + gsrn : null;
            case "gsrnp" when !isPattern:
                return Join(f[0], f[1], 17, false) is { } gsrnp ? "/8017/" + gsrnp : null;
            case "gsin" when !isPattern:
                return Join(f[0], f[1], 16, false) is { } gsin ? "/402/" + gsin : null;
            case "giai" when !isPattern:
                return PrefixedText(f[0], f[1], Gs1Text.IsCset82) is { } giai ? "/8004/" + giai : null;
            case "ginc" when !isPattern:
                return PrefixedText(f[0], f[1], Gs1Text.IsCset82) is { } ginc ? "/401/" + ginc : null;
            case "cpi":
                var cpid = PrefixedText(f[0], f[1], Gs1Text.IsCset39);
                if (cpid is null)
                    return null;
                return isPattern ? "/8010/" + cpid : IsDigits(f[2], 12) ? "/8010/" + cpid + "/8011/" + f[2] : null;
            case "itip":
                var itemGtin = Join(f[0], f[1], 13, true);
                if (itemGtin is null || !IsDigits(f[2], 2, 2) || !IsDigits(f[3], 2, 2))
                    return null;
                var piece = "/8006/" + itemGtin + f[2] + f[3];
                return isPattern ? piece : Serial(f[4], 20) is { } itipSerial ? piece + "/21/" + itipSerial : null;
            case "upui":
                var upuiGtin = Join(f[0], f[1], 13, true);
                if (upuiGtin is null)
                    return null;
                return isPattern ? "/01/" + upuiGtin : Serial(f[2], 28) is { } tpx ? "/01/" + upuiGtin + "/235/" + tpx : null;
            default:
                return null;
        }
    }

    private static string? Join(string companyPrefix, string reference, int lengthWithoutCheck, bool leadingDigitFirst) =>
        Gs1KeyAssembly.Join(companyPrefix, reference, lengthWithoutCheck, leadingDigitFirst);

    /// <summary>An escaped set-82 URN component as a percent-encoded Digital Link value.</summary>
    private static string? Serial(string component, int maxLength) =>
        EpcUrnEscaping.TryUnescape(component, out var text) && text.Length is > 0 && text.Length <= maxLength && Gs1Text.IsCset82(text)
            ? DigitalLinkEncoding.Encode(text)
            : null;

    /// <summary>Company prefix followed by free text, as GIAI, GINC and CPID are: at most 30 characters in all.</summary>
    private static string? PrefixedText(string companyPrefix, string component, Func<char, bool> allowed)
    {
        if (companyPrefix.Length is < Gs1KeyAssembly.MinCompanyPrefixLength or > Gs1KeyAssembly.MaxCompanyPrefixLength
            || !Gs1Text.AllDigits(companyPrefix)
            || !EpcUrnEscaping.TryUnescape(component, out var text)
            || text.Length == 0
            || companyPrefix.Length + text.Length > 30
            || !text.All(allowed))
        {
            return null;
        }
        return DigitalLinkEncoding.Encode(companyPrefix + text);
    }

    private static bool IsDigits(string text, int maxLength, int minLength = 1) =>
        text.Length >= minLength && text.Length <= maxLength && Gs1Text.AllDigits(text);
}
