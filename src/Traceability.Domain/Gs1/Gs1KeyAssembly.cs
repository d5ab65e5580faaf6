namespace Traceability.Domain.Gs1;

/// <summary>
/// Moves between the split form of EPC URIs (company prefix, then a reference that may lead with an indicator or
/// extension digit, no check digit) and the whole GS1 key with its check digit.
/// </summary>
internal static class Gs1KeyAssembly
{
    public const int MinCompanyPrefixLength = 6;
    public const int MaxCompanyPrefixLength = 12;

    /// <summary>
    /// Joins company prefix and reference into a key of <paramref name="lengthWithoutCheck"/> digits plus its check digit.
    /// When <paramref name="leadingDigitFirst"/>, the first reference digit (GTIN indicator, SSCC extension) goes in front.
    /// Null when the parts are not digits or their lengths do not add up.
    /// </summary>
    public static string? Join(string companyPrefix, string reference, int lengthWithoutCheck, bool leadingDigitFirst)
    {
        if (companyPrefix.Length is < MinCompanyPrefixLength or > MaxCompanyPrefixLength
            || companyPrefix.Length + reference.Length != lengthWithoutCheck
            || !Gs1Text.AllDigits(companyPrefix)
            || (reference.Length > 0 && !Gs1Text.AllDigits(reference)))
        {
            return null;
        }
        var body = leadingDigitFirst && reference.Length > 0
            ? reference[0] + companyPrefix + reference[1..]
            : companyPrefix + reference;
        return body + Gs1CheckDigit.Compute(body);
    }

    /// <summary>The reverse of <see cref="Join"/>: company prefix and reference of a whole key, check digit dropped.</summary>
    public static (string CompanyPrefix, string Reference) Split(string key, int companyPrefixLength, bool leadingDigitFirst)
    {
        var withoutCheck = key[..^1];
        var maxPrefix = Math.Min(MaxCompanyPrefixLength, withoutCheck.Length - (leadingDigitFirst ? 1 : 0));
        if (companyPrefixLength < MinCompanyPrefixLength || companyPrefixLength > maxPrefix)
        {
            throw new ArgumentOutOfRangeException(
                nameof(companyPrefixLength), companyPrefixLength,
                $"A GS1 company prefix has {MinCompanyPrefixLength} to {maxPrefix} digits here");
        }
        return leadingDigitFirst
            ? (withoutCheck.Substring(1, companyPrefixLength), withoutCheck[0] + withoutCheck[(1 + companyPrefixLength)..])
            : (withoutCheck[..companyPrefixLength], withoutCheck[companyPrefixLength..]);
    }
}
