namespace Traceability.Ledger.Merkle;

/// <summary>
/// An immutable RFC 6962 Merkle tree over byte-string leaves, with every level computed once.
/// </summary>
/// <remarks>
/// Levels are stored bottom-up, each as one contiguous buffer of 32-byte hashes. A level with an
/// odd count promotes its last node unchanged to the next level. That reproduces RFC 6962's
/// split-at-largest-power-of-two shape for the root and every audit path (the tests check it
/// against the recursive MTH/PATH definitions).
/// </remarks>
public sealed class MerkleTree
{
    // levels[0] holds leaf hashes and the last level just the root; an empty tree has no levels.
    private readonly byte[][] levels;
    private readonly byte[] root;

    private MerkleTree(byte[][] levels, byte[] root, int size)
    {
        this.levels = levels;
        this.root = root;
        Size = size;
    }

    /// <summary>Number of leaves.</summary>
    public int Size { get; }

    /// <summary>MTH(D[n]); for an empty tree, SHA-256 of the empty string. Returns a fresh copy.</summary>
    public byte[] Root => (byte[])root.Clone();

    /// <summary>Hashes each leaf (0x00-prefixed) and every interior level. O(n) time and memory.</summary>
    public static MerkleTree Build(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        var size = leaves.Count;
        if (size == 0)
        {
            return new MerkleTree([], MerkleHash.Empty, 0);
        }

        var height = LevelCount(size);
        var levels = new byte[height][];

        var leafLevel = new byte[checked(size * MerkleHash.Size)];
        for (var i = 0; i < size; i++)
        {
            var leaf = leaves[i] ?? throw new ArgumentException($"Leaf {i} is null.", nameof(leaves));
            MerkleHash.Leaf(leaf, leafLevel.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }
        levels[0] = leafLevel;

        for (var level = 1; level < height; level++)
        {
            var below = levels[level - 1];
            var belowCount = below.Length / MerkleHash.Size;
            var count = (belowCount + 1) / 2;
            var current = new byte[count * MerkleHash.Size];
            for (var i = 0; i < belowCount / 2; i++)
            {
                MerkleHash.Node(
                    Slot(below, 2 * i),
                    Slot(below, 2 * i + 1),
                    current.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }
            if (belowCount % 2 == 1)
            {
                Slot(below, belowCount - 1).CopyTo(current.AsSpan((count - 1) * MerkleHash.Size));
            }
            levels[level] = current;
        }

        return new MerkleTree(levels, levels[height - 1], size);
    }

    /// <summary>
    /// RFC 6962 PATH(m, D[n]): sibling hashes from the leaf upwards, as fresh arrays.
    /// Empty for a single-leaf tree.
    /// </summary>
    public IReadOnlyList<byte[]> AuditPath(int leafIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, Size);

        var path = new List<byte[]>(levels.Length - 1);
        var index = leafIndex;
        for (var level = 0; level < levels.Length - 1; level++)
        {
            var sibling = index ^ 1;
            // No sibling means this node was promoted: RFC 6962 adds nothing at this height.
            if (sibling < levels[level].Length / MerkleHash.Size)
            {
                path.Add(Slot(levels[level], sibling).ToArray());
            }
            index >>= 1;
        }
        return path;
    }

    private static ReadOnlySpan<byte> Slot(byte[] level, int index) =>
        level.AsSpan(index * MerkleHash.Size, MerkleHash.Size);

    // 1 + ceil(log2(size)): each level halves the count, rounding up, until one node remains.
    private static int LevelCount(int size)
    {
        var count = 1;
        for (var nodes = size; nodes > 1; nodes = (nodes + 1) / 2)
        {
            count++;
        }
        return count;
    }
}
