using System.Numerics;
using CsCheck;
using Traceability.Ledger.Merkle;

namespace Traceability.Ledger.Tests.Merkle;

/// <summary>
/// The level-by-level tree (odd nodes promoted) has exactly the shape of RFC 6962's recursive
/// split at the largest power of two, for roots and for every audit path.
/// </summary>
public class TreeMatchesRecursiveDefinition
{
    [Fact]
    public void Root_equals_the_recursive_MTH_for_any_leaves() =>
        MerkleGen.Leaves.Sample(leaves =>
            Assert.Equal(ReferenceMerkle.Mth(leaves), MerkleTree.Build(leaves).Root));

    [Fact]
    public void Every_audit_path_equals_the_recursive_PATH_for_any_leaves() =>
        MerkleGen.Leaves.Sample(leaves =>
        {
            var tree = MerkleTree.Build(leaves);
            var expected = ReferenceMerkle.AllPaths(leaves);
            for (var m = 0; m < leaves.Length; m++)
            {
                Assert.Equal(AsHex(expected[m]), AsHex(tree.AuditPath(m)));
            }
        });

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    public void Trees_around_powers_of_two_match_at_the_root_and_at_the_split(int size)
    {
        var leaves = Enumerable.Range(0, size).Select(i => BitConverter.GetBytes(i)).ToArray();
        var tree = MerkleTree.Build(leaves);
        var split = (int)BitOperations.RoundUpToPowerOf2((uint)size) / 2;

        Assert.Equal(ReferenceMerkle.Mth(leaves), tree.Root);
        foreach (var m in new[] { 0, split - 1, split, size - 1 }.Where(m => m < size))
        {
            Assert.Equal(AsHex(ReferenceMerkle.Path(m, leaves)), AsHex(tree.AuditPath(m)));
        }
    }

    // Compared as hex strings: far cheaper than xUnit's structural comparison of nested arrays,
    // and a mismatch still shows exactly which element differs.
    private static string[] AsHex(IEnumerable<byte[]> path) => [.. path.Select(Convert.ToHexStringLower)];
}
