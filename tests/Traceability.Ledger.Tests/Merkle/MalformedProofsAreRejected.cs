using Traceability.Ledger.Merkle;
using static Traceability.Ledger.Tests.Merkle.CertificateTransparencyVectors;

namespace Traceability.Ledger.Tests.Merkle;

/// <summary>
/// Structurally invalid proofs make <see cref="MerkleProof.Verify"/> return false and
/// <see cref="MerkleProof.RootFromPath"/> throw, instead of producing some root.
/// </summary>
public class MalformedProofsAreRejected
{
    // Leaf 5 of the 8-leaf published tree: a valid proof to break one piece at a time.
    private static readonly MerkleTree Tree = MerkleTree.Build(Leaves);
    private static readonly byte[] LeafData = Leaves[5];
    private static readonly byte[] LeafHash = MerkleHash.Leaf(LeafData);
    private static readonly List<byte[]> Path = [.. Tree.AuditPath(5)];

    [Theory]
    [InlineData(-1, 8)]
    [InlineData(8, 8)]
    [InlineData(9, 8)]
    [InlineData(0, 0)]
    [InlineData(0, -1)]
    [InlineData(int.MinValue, int.MaxValue)]
    public void Index_outside_the_tree_is_rejected(int leafIndex, int treeSize)
    {
        Assert.False(MerkleProof.Verify(LeafData, leafIndex, treeSize, Path, Tree.Root));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => MerkleProof.RootFromPath(LeafHash, leafIndex, treeSize, Path));
    }

    [Fact]
    public void Path_with_an_extra_element_is_rejected()
    {
        List<byte[]> longer = [.. Path, Tree.Root];

        Assert.False(MerkleProof.Verify(LeafData, 5, 8, longer, Tree.Root));
        var error = Assert.Throws<ArgumentException>(() => MerkleProof.RootFromPath(LeafHash, 5, 8, longer));
        Assert.Contains("more elements", error.Message);
    }

    [Fact]
    public void Path_missing_its_last_element_is_rejected()
    {
        var shorter = Path[..^1];

        Assert.False(MerkleProof.Verify(LeafData, 5, 8, shorter, Tree.Root));
        var error = Assert.Throws<ArgumentException>(() => MerkleProof.RootFromPath(LeafHash, 5, 8, shorter));
        Assert.Contains("fewer elements", error.Message);
    }

    [Fact]
    public void Single_leaf_tree_accepts_only_an_empty_path()
    {
        Assert.True(MerkleProof.Verify(LeafData, 0, 1, [], LeafHash));
        Assert.False(MerkleProof.Verify(LeafData, 0, 1, [LeafHash], LeafHash));
        Assert.Throws<ArgumentException>(() => MerkleProof.RootFromPath(LeafHash, 0, 1, [LeafHash]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Path_element_of_the_wrong_length_is_rejected(int length)
    {
        List<byte[]> path = [Path[0], new byte[length], Path[2]];

        Assert.False(MerkleProof.Verify(LeafData, 5, 8, path, Tree.Root));
        Assert.Throws<ArgumentException>(() => MerkleProof.RootFromPath(LeafHash, 5, 8, path));
    }

    [Fact]
    public void Null_path_element_is_rejected()
    {
        List<byte[]> path = [Path[0], null!, Path[2]];

        Assert.False(MerkleProof.Verify(LeafData, 5, 8, path, Tree.Root));
        Assert.Throws<ArgumentException>(() => MerkleProof.RootFromPath(LeafHash, 5, 8, path));
    }

    [Fact]
    public void Leaf_hash_of_the_wrong_length_is_rejected() =>
        Assert.Throws<ArgumentException>(() => MerkleProof.RootFromPath(LeafHash[..31], 5, 8, Path));

    [Fact]
    public void Expected_root_of_the_wrong_length_never_matches()
    {
        Assert.True(MerkleProof.Verify(LeafData, 5, 8, Path, Tree.Root));
        Assert.False(MerkleProof.Verify(LeafData, 5, 8, Path, Tree.Root[..31]));
        Assert.False(MerkleProof.Verify(LeafData, 5, 8, Path, [.. Tree.Root, 0]));
    }

    [Fact]
    public void Null_path_is_a_caller_error()
    {
        Assert.Throws<ArgumentNullException>(() => MerkleProof.Verify(LeafData, 5, 8, null!, Tree.Root));
        Assert.Throws<ArgumentNullException>(() => MerkleProof.RootFromPath(LeafHash, 5, 8, null!));
    }
}
