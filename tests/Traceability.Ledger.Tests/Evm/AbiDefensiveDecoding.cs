using CsCheck;
using Traceability.Ledger.Evm;
using static Traceability.Ledger.Tests.Evm.AbiAssert;

namespace Traceability.Ledger.Tests.Evm;

/// <summary>Malformed return data must fail as FormatException, never as an index or overflow error.</summary>
public class AbiDefensiveDecoding
{
    private const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";
    private const string One = "0000000000000000000000000000000000000000000000000000000000000001";
    private const string Two = "0000000000000000000000000000000000000000000000000000000000000002";
    private const string Offset20 = "0000000000000000000000000000000000000000000000000000000000000020";
    private static string Word(int value) => value.ToString("x64");
    private const string Huge = "00000000000000000000000000000000000000000000000000000000ffffffff";

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "uint256", "00", "data shorter than a word" },
        { "uint256", "", "no data at all" },
        { "address", "ff" + Zero[2..], "an address with dirty high bytes" },
        { "bool", Two, "a bool that is 2" },
        { "uint8", "00000000000000000000000000000000000000000000000000000000000001ff", "a uint8 above 255" },
        { "bytes4", "deadbeef01" + Zero[10..], "bytes4 with dirty padding" },
        { "bytes", Huge, "an offset far past the end" },
        { "bytes", Offset20 + Huge, "a length past the end" },
        { "bytes", Offset20 + "0000000000000000000000000000000000000000000000000000000000000040" + One, "bytes shorter than their length" },
        { "uint256[]", Offset20 + Huge, "an array longer than the data" },
        { "string", Offset20 + One + "ff" + Zero[2..], "a string that is not UTF-8" },
        { "string", "ff" + Zero[2..], "an offset with its high bytes set" },
        { "bytes", "0000000000000000000000000000000000000000000000000000000000000040", "an offset past the end" },
        // Found by the corruption property below: Nethereum grew a list of 2^26 words until memory ran out.
        { "bytes32[]", "0000000000000000000000000000000000000000000000000000000000000023" + Word(4) + One + One + One + One, "a misaligned offset whose length word reads 2^26" },
        { "string[]", Offset20 + One + Huge, "an element offset far past the end" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void ThrowsFormatException(string type, string hex, string because)
    {
        var function = AbiFunction.Parse("f()", type);
        var ex = Record.Exception(() => function.DecodeOutput(Hex.Decode(hex)));
        Assert.True(ex is FormatException, $"{because}: got {ex?.GetType().Name ?? "no exception"}");
    }

    [Fact]
    public void RandomBytesNeverEscapeAsAnythingButFormatException()
    {
        var function = AbiFunction.Parse("f()", "uint256[][],string,bytes32,address[2],bytes");
        Gen.Byte.Array[0, 400].Sample(data =>
        {
            var ex = Record.Exception(() => function.DecodeOutput(data));
            Assert.True(ex is null or FormatException, ex?.ToString());
        });
    }

    [Fact]
    public void RandomlyCorruptedEncodingsNeverEscapeAsAnythingButFormatException() =>
        Gen.Select(AbiGenerators.Tuples.Where(s => s.Types.Length > 0), Gen.Int.NonNegative, Gen.Byte).Sample((sample, position, value) =>
        {
            var function = AbiFunction.Parse($"f({string.Join(",", sample.Types)})");
            var data = function.Encode(sample.Values);
            data[4 + position % (data.Length - 4)] ^= value;
            var ex = Record.Exception(() => function.DecodeInput(data));
            Assert.True(ex is null or FormatException, ex?.ToString());
        });

    [Fact]
    public void OffsetsThatAllPointAtOneArrayAreRefusedInsteadOfMultiplyingWork()
    {
        // 200 inner arrays that all point at the same 200-element array would decode 40,000 words from 13 KB.
        const int count = 200;
        var words = new List<string> { Offset20, Word(count) };
        words.AddRange(Enumerable.Repeat(Word(32 * count), count));
        words.Add(Word(count));
        words.AddRange(Enumerable.Repeat(One, count));
        var function = AbiFunction.Parse("f()", "uint256[][]");
        Assert.Throws<FormatException>(() => function.DecodeOutput(Words([.. words])));
    }

    [Fact]
    public void CallDataForAnotherFunctionIsRejected()
    {
        var transfer = AbiFunction.Parse("transfer(address,uint256)");
        var approve = AbiFunction.Parse("approve(address,uint256)");
        Assert.Throws<FormatException>(() => transfer.DecodeInput(approve.Encode(EvmAddress.Zero, 1)));
    }

}
