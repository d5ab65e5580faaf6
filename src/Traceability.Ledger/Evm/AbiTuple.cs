namespace Traceability.Ledger.Evm;

/// <summary>The head/tail layout shared by argument lists, return values, event data and arrays.</summary>
internal static class AbiTuple
{
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        if (values.Count != types.Count)
        {
            throw new ArgumentException($"Expected {types.Count} values ({string.Join(",", types)}) but got {values.Count}.");
        }

        var headSize = types.Sum(t => t.HeadSize);
        var heads = new List<byte[]>(types.Count);
        var tails = new List<byte[]>();
        var tailSize = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var encoded = EncodeOne(types[i], values[i], i);
            if (types[i].IsDynamic)
            {
                heads.Add(AbiValues.Word(headSize + tailSize));
                tails.Add(encoded);
                tailSize += encoded.Length;
            }
            else
            {
                heads.Add(encoded);
            }
        }

        var output = new byte[headSize + tailSize];
        var position = 0;
        foreach (var part in heads.Concat(tails))
        {
            part.CopyTo(output, position);
            position += part.Length;
        }

        return output;
    }

    public static object[] Decode(IReadOnlyList<AbiType> types, AbiReader reader, int start)
    {
        var values = new object[types.Count];
        var position = start;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            values[i] = type.IsDynamic
                ? type.Decode(reader, reader.ReadPointer(position, start))
                : type.Decode(reader, position);
            position += type.HeadSize;
        }

        return values;
    }

    private static byte[] EncodeOne(AbiType type, object? value, int index)
    {
        try
        {
            return type.Encode(value);
        }
        catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException))
        {
            throw new ArgumentException($"Value #{index} ({type.Name}): {ex.Message}", ex);
        }
    }
}
