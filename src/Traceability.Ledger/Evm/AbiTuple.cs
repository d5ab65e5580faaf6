using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace Traceability.Ledger.Evm;

/// <summary>
/// Argument lists, return values, event data and error arguments, encoded and decoded by Nethereum's
/// <see cref="ParametersEncoder"/> and <see cref="ParameterDecoder"/>. Nethereum's decoder reads what it is
/// given without bounds (a short word is read as a smaller number, dirty padding is ignored, a bool of 2 is
/// true, invalid UTF-8 becomes U+FFFD), so decoding accepts only data that re-encodes to the same bytes:
/// the one encoding Solidity produces. It also trusts the lengths it reads, so a layout walk bounds them first.
/// </summary>
internal static class AbiTuple
{
    public static Parameter[] Parameters(IReadOnlyList<AbiType> types) => types.Select((t, i) => t.ToParameter(i + 1)).ToArray();

    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        if (values.Count != types.Count)
        {
            throw new ArgumentException($"Expected {types.Count} values ({string.Join(",", types)}) but got {values.Count}.");
        }

        var prepared = new object[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            prepared[i] = Prepare(types[i], values[i], i);
        }

        try
        {
            return new ParametersEncoder().EncodeParameters(Parameters(types), prepared);
        }
        catch (Exception ex) when (ex is not (ArgumentException or OutOfMemoryException))
        {
            throw new ArgumentException($"Nethereum could not encode ({string.Join(",", types)}): {ex.Message}", ex);
        }
    }

    public static object[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        AbiType.CheckLayout(types, data);
        var bytes = data.ToArray();
        object[] values;
        try
        {
            values = new ParameterDecoder().DecodeDefaultData(bytes, Parameters(types))
                .OrderBy(output => output.Parameter.Order)
                .Select((output, i) => types[i].FromNethereum(output.Result))
                .ToArray();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException($"ABI data does not decode as ({string.Join(",", types)}): {ex.Message}", ex);
        }

        byte[] canonical;
        try
        {
            canonical = Encode(types, values);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"ABI data holds a value out of range for ({string.Join(",", types)}): {ex.Message}", ex);
        }

        return canonical.AsSpan().SequenceEqual(bytes)
            ? values
            : throw new FormatException($"ABI data is not the canonical encoding of ({string.Join(",", types)}): malformed, truncated or padded.");
    }

    private static object Prepare(AbiType type, object? value, int index)
    {
        try
        {
            return type.ToNethereum(value);
        }
        catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException))
        {
            throw new ArgumentException($"Value #{index} ({type.Name}): {ex.Message}", ex);
        }
    }
}
