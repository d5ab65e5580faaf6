using Traceability.Ledger.Merkle;

namespace Traceability.Ledger.Tests.Merkle;

/// <summary>Empty and single-leaf trees, argument checks, and isolation from caller mutation.</summary>
public class MerkleTreeEdgeCases
{
    [Fact]
    public void Empty_tree_has_size_zero_the_empty_root_and_no_audit_paths()
    {
        var tree = MerkleTree.Build([]);

        Assert.Equal(0, tree.Size);
        Assert.Equal(MerkleHash.Empty, tree.Root);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.AuditPath(0));
    }

    [Fact]
    public void Single_leaf_tree_root_is_the_leaf_hash_and_its_path_is_empty()
    {
        byte[] leaf = [1, 2, 3];
        var tree = MerkleTree.Build([leaf]);

        Assert.Equal(MerkleHash.Leaf(leaf), tree.Root);
        Assert.Empty(tree.AuditPath(0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void Audit_path_for_an_index_outside_the_tree_throws(int leafIndex)
    {
        var tree = MerkleTree.Build([[1], [2], [3]]);

        Assert.Throws<ArgumentOutOfRangeException>(() => tree.AuditPath(leafIndex));
    }

    [Fact]
    public void Null_leaf_list_or_null_leaf_throws()
    {
        Assert.Throws<ArgumentNullException>(() => MerkleTree.Build(null!));
        var error = Assert.Throws<ArgumentException>(() => MerkleTree.Build([[1], null!]));
        Assert.Contains("Leaf 1", error.Message);
    }

    [Fact]
    public void Mutating_the_input_leaves_after_building_leaves_the_root_unchanged()
    {
        byte[][] leaves = [[1], [2], [3]];
        var tree = MerkleTree.Build(leaves);
        var rootBefore = Convert.ToHexString(tree.Root);

        leaves[0][0] = 9;

        Assert.Equal(rootBefore, Convert.ToHexString(tree.Root));
    }

    [Fact]
    public void Mutating_a_returned_root_or_path_leaves_the_tree_unchanged()
    {
        var tree = MerkleTree.Build([[1], [2], [3]]);
        // Hex snapshots, so an aliased array cannot change the expected value along with the tree.
        var rootBefore = Convert.ToHexString(tree.Root);
        var pathBefore = tree.AuditPath(0).Select(Convert.ToHexString).ToList();

        tree.Root[0] ^= 0xFF;
        tree.AuditPath(0)[0][0] ^= 0xFF;

        Assert.Equal(rootBefore, Convert.ToHexString(tree.Root));
        Assert.Equal(pathBefore, tree.AuditPath(0).Select(Convert.ToHexString));
    }
}
