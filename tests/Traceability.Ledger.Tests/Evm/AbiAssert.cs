using System.Collections;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

/// <summary>Compares ABI values structurally: byte arrays and nested arrays by content.</summary>
internal static class AbiAssert
{
    public static void Equivalent(object? expected, object? actual) =>
        Assert.True(Same(expected, actual), $"Expected {Show(expected)} but got {Show(actual)}");

    public static byte[] Words(params string[] hexWords) => Hex.Decode(string.Concat(hexWords));

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (string x, string y) => x == y,
        (IEnumerable x, IEnumerable y) => x.Cast<object?>().Count() == y.Cast<object?>().Count()
            && x.Cast<object?>().Zip(y.Cast<object?>()).All(p => Same(p.First, p.Second)),
        _ => Equals(a, b),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Hex.Encode(bytes),
        string s => '"' + s + '"',
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Show)) + "]",
        _ => value.ToString() ?? "",
    };
}
