using System.Numerics;
using System.Text;
using CsCheck;
using Traceability.Ledger.Evm;
using static Traceability.Ledger.Tests.Evm.AbiAssert;

namespace Traceability.Ledger.Tests.Evm;

public class AbiEventDecoding
{
    private static readonly AbiEvent Transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");

    [Fact]
    public void DecodesAnErc20TransferLog()
    {
        var topics = new[]
        {
            Hex.Decode("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"),
            Hex.Decode("0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
            Hex.Decode("000000000000000000000000fb6916095ca1df60bb79ce92ce3ea74c37c5d359"),
        };
        var data = Hex.Decode("00000000000000000000000000000000000000000000000000000000000003e8");
        Equivalent(
            new object[]
            {
                EvmAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
                EvmAddress.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"),
                new BigInteger(1000),
            },
            Transfer.Decode(topics, data));
    }

    [Fact]
    public void ReturnsValuesInDeclarationOrderWhenIndexedAndDataInterleave()
    {
        // OrgRegistered(address indexed account, uint8 role, string orgId) from TraceRegistry.sol.
        var ev = AbiEvent.Parse("OrgRegistered(address indexed,uint8,string)");
        var account = EvmAddress.FromBytes(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray());
        var (topics, data) = ev.Encode(account, 2, "org-42");
        Equivalent(new object[] { account, new BigInteger(2), "org-42" }, ev.Decode(topics, data));
    }

    [Fact]
    public void ReturnsIndexedStringsAsTheirTopicHash()
    {
        var ev = AbiEvent.Parse("Named(string indexed name, uint8 kind)");
        var (topics, data) = ev.Encode("lot-7", 1);
        var decoded = ev.Decode(topics, data);
        Equivalent(Keccak256.Hash(Encoding.UTF8.GetBytes("lot-7")), decoded[0]);
        Equivalent(new BigInteger(1), decoded[1]);
    }

    [Fact]
    public void RoundTripsTheTraceRegistryEvents() =>
        Gen.Select(Gen.Byte.Array[32], AbiGenerators.Address, AbiGenerators.Text, Gen.UInt).Sample((root, org, reason, count) =>
        {
            var anchored = AbiEvent.Parse("Anchored(bytes32 indexed root, address indexed org, uint32 eventCount)");
            var recalled = AbiEvent.Parse("Recalled(bytes32 indexed lotKey, address indexed by, string reason)");
            var (at, ad) = anchored.Encode(root, org, count);
            var (rt, rd) = recalled.Encode(root, org, reason);
            Equivalent(new object[] { root, org, new BigInteger(count) }, anchored.Decode(at, ad));
            Equivalent(new object[] { root, org, reason }, recalled.Decode(rt, rd));
        });

    [Fact]
    public void RejectsALogOfAnotherEvent()
    {
        var approval = AbiEvent.Parse("Approval(address indexed,address indexed,uint256)");
        var (topics, data) = approval.Encode(EvmAddress.Zero, EvmAddress.Zero, 1);
        Assert.False(Transfer.Matches(topics));
        Assert.Throws<FormatException>(() => Transfer.Decode(topics, data));
    }

    [Fact]
    public void RejectsTheWrongNumberOfTopics()
    {
        var (topics, data) = Transfer.Encode(EvmAddress.Zero, EvmAddress.Zero, 1);
        Assert.Throws<FormatException>(() => Transfer.Decode(topics[..2], data));
    }

    [Fact]
    public void RejectsATopicThatIsNotAnAddress()
    {
        var (topics, data) = Transfer.Encode(EvmAddress.Zero, EvmAddress.Zero, 1);
        topics[1][0] = 0xff;
        Assert.Throws<FormatException>(() => Transfer.Decode(topics, data));
    }
}
