using System.Buffers.Binary;
using CsCheck;

namespace Traceability.Ledger.Tests.Merkle;

/// <summary>CsCheck generators shared by the Merkle property tests.</summary>
internal static class MerkleGen
{
    public const int MaxLeaves = 300;

    /// <summary>1..300 arbitrary leaves of 0..48 bytes; duplicates and empty leaves allowed.</summary>
    public static readonly Gen<byte[][]> Leaves = Gen.Byte.Array[0, 48].Array[1, MaxLeaves];

    /// <summary>
    /// Leaves that are pairwise distinct (each starts with its own index), plus one chosen index.
    /// Tamper tests need distinct leaves: two equal sibling leaves would let a swapped index verify.
    /// </summary>
    public static readonly Gen<(byte[][] Leaves, int Index)> DistinctLeavesAndIndex =
        Gen.Byte.Array[0, 40].Array[1, MaxLeaves]
            .Select(TagWithIndex)
            .SelectMany(leaves => Gen.Int[0, leaves.Length - 1].Select(index => (leaves, index)));

    private static byte[][] TagWithIndex(byte[][] bodies)
    {
        var leaves = new byte[bodies.Length][];
        for (var i = 0; i < bodies.Length; i++)
        {
            var leaf = new byte[sizeof(int) + bodies[i].Length];
            BinaryPrimitives.WriteInt32BigEndian(leaf, i);
            bodies[i].CopyTo(leaf, sizeof(int));
            leaves[i] = leaf;
        }
        return leaves;
    }
}
