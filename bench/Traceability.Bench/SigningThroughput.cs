using System.Diagnostics;
using System.Numerics;
using Nethereum.Signer;
using Traceability.Ledger.Evm;

namespace Traceability.Bench;

/// <summary>
/// secp256k1 signatures per second over distinct 32-byte digests: the signer the ledger had before Nethereum,
/// Nethereum's default (BouncyCastle signs, then the recovery id is found by trying recoveries) and Nethereum
/// with the process-wide <see cref="EthECKey.SignRecoverable"/> (NBitcoin.Secp256k1 signs recoverably); then
/// whole anchor transactions (EIP-1559 encode, keccak, sign, encode) as the gateway signs them. Every signer
/// must produce the same bytes, which the run checks. Each figure is the best of three rounds.
/// </summary>
internal static class SigningThroughput
{
    private const int Rounds = 3;

    public static void Run(int signatures, int threads)
    {
        var key = Secp256k1Key.FromPrivateKey(Keccak256.Hash("signing benchmark key"u8));
        var previous = new PreviousSigner(key.PrivateKey);
        var digests = Enumerable.Range(0, signatures).Select(i => Keccak256.Hash(BitConverter.GetBytes(i))).ToArray();
        var anchors = digests.Select((root, i) => new Eip1559Transaction(
            31337, (ulong)i, 1_000_000_000, 3_000_000_000, 100_000, EvmAddress.Zero, BigInteger.Zero,
            [0x26, 0x3e, 0x1c, 0x7b, .. root, .. new byte[28], 1])).ToArray(); // anchor(bytes32,uint32)-sized call data

        Console.WriteLine($"secp256k1 signing: {signatures:N0} distinct digests, {threads} thread(s), .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        var baseline = Measure("previous own signer (removed)", digests, threads, d => previous.Sign(d));
        var byDefault = Measure("Nethereum EthECKey, default", digests, threads, d => key.Sign(d));
        EthECKey.SignRecoverable = true;
        EcdsaSignature[] recoverable;
        byte[][] anchorsRecoverable;
        try
        {
            recoverable = Measure("Nethereum EthECKey, SignRecoverable = true", digests, threads, d => key.Sign(d));
            anchorsRecoverable = Measure("anchor tx (EIP-1559), SignRecoverable = true", anchors, threads, tx => tx.Sign(key.AsSigner()));
        }
        finally
        {
            EthECKey.SignRecoverable = false;
        }

        var anchorsByDefault = Measure("anchor tx (EIP-1559), default", anchors, threads, tx => tx.Sign(key.AsSigner()));
        var identical = baseline.SequenceEqual(byDefault) && byDefault.SequenceEqual(recoverable)
            && anchorsByDefault.Zip(anchorsRecoverable).All(p => p.First.AsSpan().SequenceEqual(p.Second));
        Console.WriteLine($"  all signers produced identical signatures: {(identical ? "yes" : "NO")}");
    }

    /// <summary>Best of <see cref="Rounds"/> rounds: the machine is shared, and other work only ever slows a round down.</summary>
    private static TResult[] Measure<TInput, TResult>(string name, TInput[] inputs, int threads, Func<TInput, TResult> sign)
    {
        var results = new TResult[inputs.Length];
        for (var i = 0; i < Math.Min(200, inputs.Length); i++)
        {
            results[i] = sign(inputs[i]); // warm-up: JIT, precomputed tables
        }

        var best = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => results[i] = sign(inputs[i]));
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        Console.WriteLine($"  {name,-46} {inputs.Length / best.TotalSeconds,9:N0} /s  ({best.TotalMilliseconds * 1000 / inputs.Length * threads,7:0.0} µs each)");
        return results;
    }
}
