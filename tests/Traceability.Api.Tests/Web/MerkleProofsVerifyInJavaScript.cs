using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Merkle;

namespace Traceability.Api.Tests.Web;

/// <summary>
/// merkle.js verifies the audit paths Traceability.Ledger's MerkleTree produces, for many tree sizes, and agrees with
/// MerkleProof.Verify on every tampered variant: any changed byte of leaf, path or root and any other leaf index
/// fails; another tree size passes exactly where the C# verifier lets it (the same left/right route, RFC 9162).
/// </summary>
public sealed class MerkleProofsVerifyInJavaScript
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int[] LargeSizes = [63, 64, 65, 100, 127, 128, 129, 255, 1000, 1025];

    private sealed record Case(string Label, byte[] Leaf, int Index, int Size, List<byte[]> Path, byte[] Root, bool MustFail)
    {
        public bool VerifiesInCSharp() => MerkleProof.Verify(Leaf, Index, Size, Path, Root);

        public JsonObject ToJson() => new()
        {
            ["leafDigest"] = Hex.Encode(Leaf),
            ["leafIndex"] = Index,
            ["treeSize"] = Size,
            ["auditPath"] = new JsonArray(Path.Select(p => (JsonNode?)JsonValue.Create(Hex.Encode(p))).ToArray()),
            ["root"] = Hex.Encode(Root),
        };
    }

    [Fact]
    public async Task EveryAuditPathOfEveryLeafVerifiesForTreesUpToFortyLeaves()
    {
        var cases = Enumerable.Range(1, 40).SelectMany(size => ValidProofs(size, Enumerable.Range(0, size))).ToList();

        var results = await VerifyInJavaScriptAsync(cases);

        Assert.All(results, r => Assert.True(r.Ok, $"{r.Case.Label}: {r.Reason}"));
        Assert.All(results, r => Assert.Equal(Hex.Encode(r.Case.Root), r.ComputedRoot));
    }

    [Fact]
    public async Task ProofsInLargerTreesVerify()
    {
        var random = new Random(6962);
        var cases = LargeSizes.SelectMany(size => ValidProofs(size, [0, 1, size / 2, size - 2, size - 1, random.Next(size)])).ToList();

        var results = await VerifyInJavaScriptAsync(cases);

        Assert.All(results, r => Assert.True(r.Ok, $"{r.Case.Label}: {r.Reason}"));
    }

    [Fact]
    public async Task EveryTamperedProofFailsInJavaScriptAsInCSharp()
    {
        var random = new Random(9162);
        var sizes = Enumerable.Range(1, 24).Concat(LargeSizes.Take(6));
        var cases = sizes.SelectMany(size => ValidProofs(size, size <= 24 ? Enumerable.Range(0, size) : [0, size / 3, size - 1]))
            .SelectMany(proof => Tampered(proof, random)).ToList();

        var results = await VerifyInJavaScriptAsync(cases);

        Assert.All(results, r =>
        {
            Assert.Equal(r.Case.VerifiesInCSharp(), r.Ok);
            if (r.Case.MustFail) Assert.False(r.Ok, $"{r.Case.Label} verified");
        });
        Assert.Contains(results, r => r.Case.Label.Contains("size", StringComparison.Ordinal) && r.Ok); // a same-route size: documented, not a bug
        Assert.Contains(results, r => r.Case.Label.Contains("size", StringComparison.Ordinal) && !r.Ok);
    }

    [Fact]
    public async Task MalformedProofsGiveAReasonInsteadOfThrowing()
    {
        var proof = ValidProofs(5, [3]).Single();
        var input = new JsonArray(
            Json(proof, p => p["root"] = "0x1234"),
            Json(proof, p => p["auditPath"]![0] = "not hex"),
            Json(proof, p => p["leafIndex"] = 5),
            Json(proof, p => p["leafIndex"] = 1.5),
            Json(proof, p => p["auditPath"]!.AsArray().Add(Hex.Encode(new byte[32]))),
            Json(proof, p => p["auditPath"]!.AsArray().RemoveAt(0)),
            Json(proof, p => p["root"] = Hex.Encode(new byte[32])));

        var results = (await JsModules.RunAsync("merkle", input, Ct)).AsArray();

        Assert.Equal(
            ["malformed-root", "malformed-hash", "index-out-of-range", "index-out-of-range", "path-too-long", "path-too-short", "root-mismatch"],
            results.Select(r => r!["reason"]!.GetValue<string>()));
        Assert.All(results, r => Assert.False(r!["ok"]!.GetValue<bool>()));
    }

    private static JsonObject Json(Case proof, Action<JsonObject> change)
    {
        var json = proof.ToJson();
        change(json);
        return json;
    }

    /// <summary>Trees whose leaves are event-id digests, as the anchoring worker builds them.</summary>
    private static IEnumerable<Case> ValidProofs(int size, IEnumerable<int> indices)
    {
        var leaves = Enumerable.Range(0, size).Select(i => SHA256.HashData(BitConverter.GetBytes(size * 100_003 + i))).ToArray();
        var tree = MerkleTree.Build(leaves);
        foreach (var index in indices.Distinct())
            yield return new Case($"leaf {index} of {size}", leaves[index], index, size, [.. tree.AuditPath(index)], tree.Root, MustFail: false);
    }

    private static IEnumerable<Case> Tampered(Case proof, Random random)
    {
        byte[] Flip(byte[] bytes)
        {
            var copy = (byte[])bytes.Clone();
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
            return copy;
        }

        yield return proof with { Label = proof.Label + ": leaf byte", Leaf = Flip(proof.Leaf), MustFail = true };
        yield return proof with { Label = proof.Label + ": root byte", Root = Flip(proof.Root), MustFail = true };
        for (var e = 0; e < proof.Path.Count; e++)
        {
            var path = proof.Path.ToList();
            path[e] = Flip(path[e]);
            yield return proof with { Label = proof.Label + $": path element {e} byte", Path = path, MustFail = true };
        }
        foreach (var index in new[] { -1, 0, proof.Index - 1, proof.Index + 1, proof.Size - 1, proof.Size }.Where(i => i != proof.Index).Distinct())
            yield return proof with { Label = proof.Label + $": index {index}", Index = index, MustFail = true };
        foreach (var size in new[] { -1, 0, proof.Index, proof.Size - 1, proof.Size + 1, proof.Size + 2, 2 * proof.Size, 2 * proof.Size + 1 }.Where(s => s != proof.Size).Distinct())
            yield return proof with { Label = proof.Label + $": size {size}", Size = size, MustFail = size <= proof.Index };
        if (proof.Path.Count > 0)
        {
            yield return proof with { Label = proof.Label + ": last element dropped", Path = proof.Path[..^1], MustFail = true };
            yield return proof with { Label = proof.Label + ": root appended", Path = [.. proof.Path, proof.Root], MustFail = true };
        }
        if (proof.Path.Count > 1)
            yield return proof with { Label = proof.Label + ": first two swapped", Path = [proof.Path[1], proof.Path[0], .. proof.Path[2..]], MustFail = true };
    }

    private sealed record Result(Case Case, bool Ok, string? ComputedRoot, string? Reason);

    private static async Task<List<Result>> VerifyInJavaScriptAsync(List<Case> cases)
    {
        var output = await JsModules.RunAsync("merkle", new JsonArray(cases.Select(c => (JsonNode?)c.ToJson()).ToArray()), Ct);
        return output.AsArray().Select((r, i) => new Result(
            cases[i], r!["ok"]!.GetValue<bool>(), r["computedRoot"]?.GetValue<string>(), r["reason"]?.GetValue<string>())).ToList();
    }
}
