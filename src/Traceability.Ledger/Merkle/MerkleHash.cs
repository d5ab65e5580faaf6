using System.Buffers;
using System.Security.Cryptography;

namespace Traceability.Ledger.Merkle;

/// <summary>RFC 6962 §2.1 hashing: SHA-256 with domain-separated leaf (0x00) and node (0x01) prefixes.</summary>
public static class MerkleHash
{
    /// <summary>Bytes in every hash this class produces.</summary>
    public const int Size = SHA256.HashSizeInBytes;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    // Inputs up to this size are assembled on the stack; larger ones borrow a pooled array.
    private const int MaxStackInput = 256;

    private static readonly byte[] EmptyTreeHash = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>MTH({}) = SHA-256() — the root of a tree with no leaves. Returns a fresh copy.</summary>
    public static byte[] Empty => (byte[])EmptyTreeHash.Clone();

    /// <summary>SHA-256(0x00 ‖ data).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var hash = new byte[Size];
        Leaf(data, hash);
        return hash;
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>Writes SHA-256(0x00 ‖ data) into <paramref name="destination"/> without allocating.</summary>
    internal static void Leaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var length = 1 + data.Length;
        byte[]? rented = null;
        Span<byte> input = length <= MaxStackInput
            ? stackalloc byte[MaxStackInput]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        input = input[..length];
        input[0] = LeafPrefix;
        data.CopyTo(input[1..]);
        SHA256.HashData(input, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes SHA-256(0x01 ‖ left ‖ right) into <paramref name="destination"/> without allocating.
    /// The destination may overlap either input: both are copied before hashing.
    /// </summary>
    internal static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        var length = 1 + left.Length + right.Length;
        byte[]? rented = null;
        Span<byte> input = length <= MaxStackInput
            ? stackalloc byte[MaxStackInput]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        input = input[..length];
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        SHA256.HashData(input, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
