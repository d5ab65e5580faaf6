using System.Numerics;
using CsCheck;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

/// <summary>Random values for each supported ABI type, in the CLR form the decoder returns.</summary>
internal static class AbiGenerators
{
    public static readonly Gen<object> Address = Gen.Byte.Array[20].Select(b => (object)EvmAddress.FromBytes(b));

    public static readonly Gen<object> Text =
        Gen.Int[0x20, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Array[0, 40]
            .Select(codePoints => (object)string.Concat(codePoints.Select(char.ConvertFromUtf32)));

    public static readonly IReadOnlyDictionary<string, Gen<object>> ByType = new Dictionary<string, Gen<object>>
    {
        ["address"] = Address,
        ["bool"] = Gen.Bool.Select(b => (object)b),
        ["uint8"] = Unsigned(8),
        ["uint32"] = Unsigned(32),
        ["uint64"] = Unsigned(64),
        ["uint256"] = Unsigned(256),
        ["int8"] = Signed(8),
        ["int64"] = Signed(64),
        ["int256"] = Signed(256),
        ["bytes1"] = Gen.Byte.Array[1].Select(b => (object)b),
        ["bytes20"] = Gen.Byte.Array[20].Select(b => (object)b),
        ["bytes32"] = Gen.Byte.Array[32].Select(b => (object)b),
        ["bytes"] = Gen.Byte.Array[0, 100].Select(b => (object)b),
        ["string"] = Text,
        ["bytes32[]"] = ArrayOf(Gen.Byte.Array[32].Select(b => (object)b)),
        ["address[]"] = ArrayOf(Address),
        ["uint256[]"] = ArrayOf(Unsigned(256)),
        ["string[]"] = ArrayOf(Text),
        ["bytes[]"] = ArrayOf(Gen.Byte.Array[0, 70].Select(b => (object)b)),
        ["uint256[][]"] = ArrayOf(ArrayOf(Unsigned(256))),
        ["address[3]"] = Address.Array[3].Select(a => (object)a.ToArray()),
        ["string[2]"] = Text.Array[2].Select(a => (object)a.ToArray()),
    };

    public static TheoryData<string> TypeNames => new(ByType.Keys);

    /// <summary>A random list of types paired with random values for each.</summary>
    public static readonly Gen<(string[] Types, object[] Values)> Tuples =
        Gen.Int[0, ByType.Count - 1].Array[0, 6].SelectMany(indexes =>
        {
            var types = indexes.Select(i => ByType.Keys.ElementAt(i)).ToArray();
            var values = types.Aggregate(
                Gen.Const(Array.Empty<object>()),
                (acc, type) => Gen.Select(acc, ByType[type], (list, value) => (object[])[.. list, value]));
            return values.Select(v => (types, v));
        });

    private static Gen<object> Unsigned(int bits) =>
        Gen.Byte.Array[bits / 8].Select(b => (object)new BigInteger(b, isUnsigned: true, isBigEndian: true));

    private static Gen<object> Signed(int bits) =>
        Gen.Byte.Array[bits / 8].Select(b => (object)new BigInteger(b, isUnsigned: false, isBigEndian: true));

    private static Gen<object> ArrayOf(Gen<object> element) => element.Array[0, 5].Select(a => (object)a);
}
