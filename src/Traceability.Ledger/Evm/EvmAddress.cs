using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Nethereum.Util;

namespace Traceability.Ledger.Evm;

/// <summary>
/// A 20-byte account or contract address. Held as three integers rather than an array,
/// so the record's generated equality and hashing compare values.
/// </summary>
[JsonConverter(typeof(EvmAddressJsonConverter))]
public readonly record struct EvmAddress
{
    public const int Length = 20;

    public static readonly EvmAddress Zero;

    private readonly ulong _high;
    private readonly ulong _middle;
    private readonly uint _low;

    private EvmAddress(ulong high, ulong middle, uint low)
    {
        _high = high;
        _middle = middle;
        _low = low;
    }

    public bool IsZero => this == Zero;

    public static EvmAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An address is {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new EvmAddress(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));
    }

    /// <summary>The last 20 bytes of keccak256 of the 64-byte X||Y public key (a leading 0x04 is allowed).</summary>
    public static EvmAddress FromPublicKey(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        var key = uncompressedPublicKey.Length switch
        {
            64 => uncompressedPublicKey,
            65 when uncompressedPublicKey[0] == 0x04 => uncompressedPublicKey[1..],
            _ => throw new ArgumentException(
                "Expected a 64-byte X||Y public key, or 65 bytes starting with 0x04.", nameof(uncompressedPublicKey)),
        };
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(key, hash);
        return FromBytes(hash[12..]);
    }

    /// <summary>Parses "0x" + 40 hex digits. Mixed case must be a valid EIP-55 checksum.</summary>
    public static EvmAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var address, out var error) ? address : throw new FormatException(error);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out EvmAddress address) =>
        TryParse(text, out address, out _);

    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _middle);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _low);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>"0x" + lowercase hex, as JSON-RPC and keystores write it.</summary>
    public string ToLowerHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Hex.Encode(bytes);
    }

    /// <summary>The EIP-55 mixed-case checksum form (Nethereum's <see cref="AddressUtil"/>).</summary>
    public override string ToString() => AddressUtil.Current.ConvertToChecksumAddress(ToLowerHex());

    private static bool TryParse(string? text, out EvmAddress address, out string error)
    {
        address = default;
        if (text is null || text.Length != 2 + 2 * Length || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{text}' is not an address: expected 0x followed by {2 * Length} hex digits.";
            return false;
        }

        var digits = text.AsSpan(2);
        var hasUpper = false;
        var hasLower = false;
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                error = $"'{text}' is not an address: '{c}' is not a hex digit.";
                return false;
            }

            hasUpper |= char.IsAsciiLetterUpper(c);
            hasLower |= char.IsAsciiLetterLower(c);
        }

        address = FromBytes(Convert.FromHexString(digits));
        if (hasUpper && hasLower && !AddressUtil.Current.IsChecksumAddress(text))
        {
            address = default;
            error = $"'{text}' has mixed case but fails its EIP-55 checksum.";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
