using CsCheck;
using Traceability.Ledger.Merkle;

namespace Traceability.Ledger.Tests.Merkle;

/// <summary>Any single change to a valid proof's leaf, path, index or root makes it fail.</summary>
public class TamperedProofsAreRejected
{
    private sealed record Proof(byte[] Leaf, int Index, int Size, List<byte[]> Path, byte[] Root)
    {
        public bool Verifies() => MerkleProof.Verify(Leaf, Index, Size, Path, Root);
    }

    private static Proof ValidProof(byte[][] leaves, int index)
    {
        var tree = MerkleTree.Build(leaves);
        var proof = new Proof(leaves[index], index, leaves.Length, [.. tree.AuditPath(index)], tree.Root);
        Assert.True(proof.Verifies());
        return proof;
    }

    [Fact]
    public void Changing_any_byte_of_the_leaf_fails() =>
        MerkleGen.DistinctLeavesAndIndex.Select(Gen.Byte[1, 255]).Sample((sample, mask) =>
        {
            var proof = ValidProof(sample.Leaves, sample.Index);
            for (var i = 0; i < proof.Leaf.Length; i++)
            {
                var leaf = (byte[])proof.Leaf.Clone();
                leaf[i] ^= mask;
                Assert.False((proof with { Leaf = leaf }).Verifies());
            }
            Assert.False((proof with { Leaf = [.. proof.Leaf, 0] }).Verifies());
            Assert.False((proof with { Leaf = proof.Leaf[..^1] }).Verifies());
        });

    [Fact]
    public void Changing_any_byte_of_any_path_element_fails() =>
        MerkleGen.DistinctLeavesAndIndex.Select(Gen.Byte[1, 255]).Sample((sample, mask) =>
        {
            var proof = ValidProof(sample.Leaves, sample.Index);
            for (var e = 0; e < proof.Path.Count; e++)
            {
                for (var i = 0; i < MerkleHash.Size; i++)
                {
                    var path = proof.Path.Select(element => (byte[])element.Clone()).ToList();
                    path[e][i] ^= mask;
                    Assert.False((proof with { Path = path }).Verifies());
                }
            }
        });

    [Fact]
    public void Claiming_any_other_leaf_index_fails() =>
        MerkleGen.DistinctLeavesAndIndex.Sample(sample =>
        {
            var proof = ValidProof(sample.Leaves, sample.Index);
            for (var index = -1; index <= proof.Size; index++)
            {
                Assert.Equal(index == proof.Index, (proof with { Index = index }).Verifies());
            }
        });

    [Fact]
    public void Changing_any_byte_of_the_root_fails() =>
        MerkleGen.DistinctLeavesAndIndex.Select(Gen.Byte[1, 255]).Sample((sample, mask) =>
        {
            var proof = ValidProof(sample.Leaves, sample.Index);
            for (var i = 0; i < MerkleHash.Size; i++)
            {
                var root = (byte[])proof.Root.Clone();
                root[i] ^= mask;
                Assert.False((proof with { Root = root }).Verifies());
            }
        });

    [Fact]
    public void Dropping_adding_or_reordering_path_elements_fails() =>
        MerkleGen.DistinctLeavesAndIndex.Sample(sample =>
        {
            var proof = ValidProof(sample.Leaves, sample.Index);
            var path = proof.Path;
            List<List<byte[]>> variants =
            [
                [.. path, proof.Root],
                [proof.Root, .. path],
                [.. path, new byte[MerkleHash.Size]],
                [.. path, []],
            ];
            for (var e = 0; e < path.Count; e++)
            {
                variants.Add([.. path[..e], .. path[(e + 1)..]]);
            }
            if (path.Count > 1)
            {
                variants.Add([.. path[1..], path[0]]);
                variants.Add([path[1], path[0], .. path[2..]]);
            }

            foreach (var variant in variants)
            {
                Assert.False((proof with { Path = variant }).Verifies());
            }
        });
}
