namespace Traceability.Ledger.Evm;

internal sealed record AbiParameter(AbiType Type, bool Indexed);

/// <summary>
/// Reads human-readable signatures such as "transfer(address to, uint256 amount)" or
/// "Anchored(bytes32 indexed, address indexed, uint32)". Parameter names are allowed and ignored.
/// </summary>
internal static class AbiSignature
{
    private static readonly HashSet<string> DataLocations = ["memory", "calldata", "storage"];

    public static (string Name, AbiParameter[] Parameters) Parse(string signature, bool allowIndexed)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var text = signature.Trim();
        var open = text.IndexOf('(');
        if (open < 0 || !text.EndsWith(')'))
        {
            throw new FormatException($"'{signature}' is not a signature: expected name(type,...).");
        }

        var name = text[..open].Trim();
        if (!IsIdentifier(name))
        {
            throw new FormatException($"'{name}' in '{signature}' is not a valid name.");
        }

        var parameters = SplitList(text[(open + 1)..^1], signature)
            .Select(p => ParseParameter(p, allowIndexed, signature))
            .ToArray();
        return (name, parameters);
    }

    /// <summary>"address,uint64", "(address,uint64)", "" and null all work; names are allowed.</summary>
    public static AbiType[] ParseTypeList(string? list)
    {
        var text = list?.Trim() ?? string.Empty;
        if (text.StartsWith('(') && text.EndsWith(')'))
        {
            text = text[1..^1];
        }

        return SplitList(text, list ?? string.Empty).Select(p => ParseParameter(p, false, list!).Type).ToArray();
    }

    /// <summary>The types of a Nethereum parameter list (as read from a JSON ABI), checked against our grammar.</summary>
    public static AbiType[] TypesOf(Nethereum.ABI.Model.Parameter[]? parameters) =>
        (parameters ?? []).OrderBy(p => p.Order).Select(p => AbiType.Parse(p.Type)).ToArray();

    private static IEnumerable<string> SplitList(string inner, string context)
    {
        if (inner.Contains('(') || inner.Contains(')'))
        {
            throw new FormatException($"ABI tuple types are not supported ('{context}').");
        }

        if (string.IsNullOrWhiteSpace(inner))
        {
            return [];
        }

        var parts = inner.Split(',');
        return parts.Any(string.IsNullOrWhiteSpace)
            ? throw new FormatException($"'{context}' has an empty parameter.")
            : parts;
    }

    private static AbiParameter ParseParameter(string text, bool allowIndexed, string context)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var indexed = false;
        string? parameterName = null;
        foreach (var word in words.Skip(1))
        {
            if (word == "indexed" && allowIndexed && !indexed)
            {
                indexed = true;
            }
            else if (DataLocations.Contains(word))
            {
                // Solidity data locations do not affect the ABI.
            }
            else if (parameterName is null && word != "indexed" && IsIdentifier(word))
            {
                parameterName = word;
            }
            else
            {
                throw new FormatException($"Unexpected '{word}' in parameter '{text.Trim()}' of '{context}'.");
            }
        }

        return new AbiParameter(AbiType.Parse(words[0]), indexed);
    }

    private static bool IsIdentifier(string text) =>
        text.Length > 0
        && (char.IsAsciiLetter(text[0]) || text[0] is '_' or '$')
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
