using System.Numerics;
using System.Text;
using Nethereum.RLP;

namespace Traceability.Ledger.Evm;

/// <summary>An RLP value: either a byte string or a list of items. Equality compares contents.</summary>
public abstract record RlpItem
{
    private protected RlpItem()
    {
    }

    public static RlpString FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    public static RlpString FromString(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A non-negative integer as minimal big-endian bytes (zero is the empty string).</summary>
    public static RlpString FromInteger(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentException("RLP integers cannot be negative.", nameof(value));
        }

        return new(value.ToBytesForRLPEncoding());
    }

    public static RlpString FromInteger(ulong value) => FromInteger(new BigInteger(value));

    /// <summary>An address, or the empty string for "no address" (contract creation).</summary>
    public static RlpString FromAddress(EvmAddress? address) => new(address?.ToArray() ?? []);

    public static RlpList List(params RlpItem[] items) => new(items);
}

public sealed record RlpString(byte[] Bytes) : RlpItem
{
    public byte[] Bytes { get; init => field = value ?? throw new ArgumentNullException(nameof(Bytes)); } =
        Bytes ?? throw new ArgumentNullException(nameof(Bytes));

    /// <summary>Reads a canonical integer: no leading zero bytes.</summary>
    public BigInteger ToBigInteger()
    {
        if (Bytes.Length > 0 && Bytes[0] == 0)
        {
            throw new FormatException("RLP integer has a leading zero byte.");
        }

        return Bytes.ToBigIntegerFromRLPDecoded();
    }

    public ulong ToUInt64()
    {
        var value = ToBigInteger();
        return value <= ulong.MaxValue ? (ulong)value : throw new FormatException("RLP integer does not fit 64 bits.");
    }

    /// <summary>Twenty bytes, or null for the empty string.</summary>
    public EvmAddress? ToAddress() => Bytes.Length switch
    {
        0 => null,
        EvmAddress.Length => EvmAddress.FromBytes(Bytes),
        _ => throw new FormatException($"RLP address has {Bytes.Length} bytes."),
    };

    public bool Equals(RlpString? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    public override string ToString() => Hex.Encode(Bytes);
}

public sealed record RlpList(IReadOnlyList<RlpItem> Items) : RlpItem
{
    public IReadOnlyList<RlpItem> Items { get; init => field = value ?? throw new ArgumentNullException(nameof(Items)); } =
        Items ?? throw new ArgumentNullException(nameof(Items));

    public bool Equals(RlpList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", Items) + "]";
}
