using System.Globalization;
using System.Numerics;

namespace Traceability.Ledger.Evm;

/// <summary>Hex strings as Ethereum writes them: lowercase, "0x"-prefixed.</summary>
public static class Hex
{
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        var hex = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + hex : hex;
    }

    /// <summary>Decodes hex digits of either case, with or without "0x"; odd lengths are rejected.</summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"Hex string has an odd number of digits ({digits.Length}).");
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                throw new FormatException($"'{c}' is not a hex digit.");
            }
        }

        return Convert.FromHexString(digits);
    }

    /// <summary>A JSON-RPC quantity: "0x0" for zero, otherwise no leading zeros.</summary>
    public static string EncodeQuantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentException("Quantities cannot be negative.", nameof(value));
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        // "x" formatting may add a leading 0 so the number does not read as negative.
        return "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
    }

    /// <summary>Reads a JSON-RPC quantity. Requires "0x" and at least one digit; tolerates leading zeros.</summary>
    public static BigInteger DecodeQuantity(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        if (!quantity.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"Quantity '{quantity}' lacks the 0x prefix.");
        }

        var digits = quantity.AsSpan(2);
        if (digits.IsEmpty)
        {
            throw new FormatException("Quantity '0x' has no digits.");
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                throw new FormatException($"Quantity '{quantity}' contains '{c}', which is not a hex digit.");
            }
        }

        // Leading "0" keeps BigInteger from reading a high first digit as a sign bit.
        return BigInteger.Parse("0" + digits.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    internal static string StripPrefix(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
}
