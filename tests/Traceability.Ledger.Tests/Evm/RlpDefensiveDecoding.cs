using CsCheck;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

/// <summary>Nethereum's RLP decoder trusts lengths; behind our guard, hostile bytes fail only as FormatException.</summary>
public class RlpDefensiveDecoding
{
    private static readonly byte[] SignedTransaction = new Eip1559Transaction(31337, 7, 1, 2_000_000_000, 100_000, EvmAddress.Zero, 0, new byte[68])
        .Sign(Secp256k1Key.FromPrivateKey(Keccak256.Hash("rlp fuzz key"u8)).AsSigner());

    [Fact]
    public void RandomBytesNeverEscapeAsAnythingButFormatException() =>
        Gen.Byte.Array[0, 200].Sample(data =>
        {
            var ex = Record.Exception(() => Rlp.Decode(data));
            Assert.True(ex is null or FormatException, ex?.ToString());
        });

    [Fact]
    public void WhatDecodesReEncodesToTheSameBytes() =>
        Gen.Byte.Array[1, 60].Sample(data =>
        {
            RlpItem item;
            try
            {
                item = Rlp.Decode(data);
            }
            catch (FormatException)
            {
                return;
            }

            Assert.Equal(data, Rlp.Encode(item));
        });

    [Fact]
    public void CorruptedSignedTransactionsNeverEscapeAsAnythingButFormatException() =>
        Gen.Select(Gen.Int[0, SignedTransaction.Length - 1], Gen.Byte).Sample((position, value) =>
        {
            var raw = SignedTransaction.ToArray();
            raw[position] ^= value;
            var ex = Record.Exception(() => Eip1559Transaction.DecodeSigned(raw));
            Assert.True(ex is null or FormatException, ex?.ToString());
        });
}
