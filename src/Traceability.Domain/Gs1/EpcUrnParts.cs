using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Gs1;

/// <summary>An EPC URI split into its kind (id, class, idpat), scheme (sgtin, sscc, ...) and dot-separated fields.</summary>
internal sealed record EpcUrnParts(string Kind, string Scheme, string[] Fields)
{
    /// <summary>Fields per scheme; the last field may itself contain dots (serials may), so splitting stops there.</summary>
    private static int FieldCount(string scheme) => scheme switch
    {
        "sscc" or "giai" or "gsrn" or "gsrnp" or "ginc" or "gsin" or "pgln" => 2,
        "itip" => 5,
        _ => 3,
    };

    public static bool TryParse(string? urn, [NotNullWhen(true)] out EpcUrnParts? parts)
    {
        parts = null;
        if (urn is null || !urn.StartsWith("urn:epc:", StringComparison.Ordinal))
            return false;
        var rest = urn.AsSpan("urn:epc:".Length);
        var kindEnd = rest.IndexOf(':');
        if (kindEnd <= 0)
            return false;
        var kind = rest[..kindEnd].ToString();
        rest = rest[(kindEnd + 1)..];
        var schemeEnd = rest.IndexOf(':');
        if (schemeEnd <= 0 || kind is not ("id" or "class" or "idpat"))
            return false;
        var scheme = rest[..schemeEnd].ToString();
        var fields = rest[(schemeEnd + 1)..].ToString().Split('.', FieldCount(scheme));
        if (fields.Length != FieldCount(scheme))
            return false;
        parts = new EpcUrnParts(kind, scheme, fields);
        return true;
    }

    public bool Is(string kind, string scheme) => Kind == kind && Scheme == scheme;
}
