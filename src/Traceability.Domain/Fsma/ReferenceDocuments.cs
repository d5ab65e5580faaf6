using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Fsma;

/// <summary>
/// The rule's "reference document type and number" from an event's bizTransactionList: CBV transaction types by
/// the document names the rule's examples use (purchase order, invoice, bill of lading, advance ship notice …),
/// other types by the last word of their URI, and numbers without the URI wrapping CBV puts around them.
/// </summary>
internal static class ReferenceDocuments
{
    private const string PrivateTransactionPrefix = "urn:epcglobal:cbv:bt:";

    public static (string Types, string Numbers) Describe(IReadOnlyList<BizTransaction> transactions) =>
        (string.Join("; ", transactions.Select(t => TypeName(t.Type))), string.Join("; ", transactions.Select(t => Number(t.Value))));

    private static string TypeName(string? type) => (type is null ? null : Cbv.ShortName(type)) switch
    {
        null => "Other",
        "po" => "Purchase Order",
        "poc" => "Purchase Order Confirmation",
        "inv" => "Invoice",
        "bol" => "Bill of Lading",
        "desadv" => "Despatch Advice (Advance Ship Notice)",
        "recadv" => "Receiving Advice",
        "prodorder" => "Production Order",
        "rma" => "Return Merchandise Authorization",
        "pedigree" => "Pedigree",
        "cert" => "Certificate",
        "testprd" => "Test Procedure",
        "testres" => "Test Result",
        "upevt" => "Upstream EPCIS Event",
        var other => PlainWords(other),
    };

    /// <summary>"https://example.com/bt/harvest_log" gives "harvest log".</summary>
    private static string PlainWords(string type)
    {
        var word = type.TrimEnd('/', '#')[(type.TrimEnd('/', '#').LastIndexOfAny(['/', '#', ':']) + 1)..];
        if (word.StartsWith("BTT-", StringComparison.Ordinal)) word = word[4..];
        word = Uri.UnescapeDataString(word).Replace('_', ' ').Replace('-', ' ');
        return word.Length > 0 ? word : type;
    }

    /// <summary>"urn:epcglobal:cbv:bt:{GLN}:{number}" gives the number; a GDTI Digital Link gives the GDTI.</summary>
    private static string Number(string value)
    {
        if (value.StartsWith(PrivateTransactionPrefix, StringComparison.Ordinal))
        {
            var rest = value[PrivateTransactionPrefix.Length..];
            var colon = rest.IndexOf(':');
            return colon >= 0 ? Uri.UnescapeDataString(rest[(colon + 1)..]) : rest;
        }
        if (EpcUrn.TryToDigitalLinkUri(value, out var link))
            value = link;
        const string Gdti = "/253/";
        var at = value.StartsWith(DigitalLink.CanonicalBase, StringComparison.Ordinal) ? value.IndexOf(Gdti, StringComparison.Ordinal) : -1;
        return at >= 0 ? Uri.UnescapeDataString(value[(at + Gdti.Length)..]) : value;
    }
}
