using Nethereum.ABI.Model;

namespace Traceability.Ledger.Evm;

/// <summary>A contract function (Nethereum's <see cref="FunctionABI"/>): its 4-byte selector, call data and return values.</summary>
public sealed class AbiFunction
{
    private readonly AbiType[] _inputs;
    private readonly AbiType[] _outputs;
    private readonly byte[] _selector;

    private AbiFunction(string name, AbiType[] inputs, AbiType[] outputs)
    {
        var function = new FunctionABI(name, constant: false)
        {
            InputParameters = AbiTuple.Parameters(inputs),
            OutputParameters = AbiTuple.Parameters(outputs),
        };
        Name = name;
        _inputs = inputs;
        _outputs = outputs;
        Signature = function.Signature;
        _selector = Hex.Decode(function.Sha3Signature);
    }

    public string Name { get; }

    /// <summary>The canonical signature, e.g. "transfer(address,uint256)".</summary>
    public string Signature { get; }

    public byte[] Selector => (byte[])_selector.Clone();

    public IReadOnlyList<string> InputTypes => _inputs.Select(t => t.Name).ToArray();

    public IReadOnlyList<string> OutputTypes => _outputs.Select(t => t.Name).ToArray();

    /// <param name="signature">e.g. "anchors(bytes32)"; parameter names are allowed and ignored.</param>
    /// <param name="returns">e.g. "address,uint64,uint32" (parentheses optional); null or empty for none.</param>
    public static AbiFunction Parse(string signature, string? returns = null)
    {
        var (name, parameters) = AbiSignature.Parse(signature, allowIndexed: false);
        return new AbiFunction(name, parameters.Select(p => p.Type).ToArray(), AbiSignature.ParseTypeList(returns));
    }

    /// <summary>From a function of a JSON ABI that Nethereum read; its types must be ones this library supports.</summary>
    internal static AbiFunction From(FunctionABI function) =>
        new(function.Name, AbiSignature.TypesOf(function.InputParameters), AbiSignature.TypesOf(function.OutputParameters));

    /// <summary>Call data: selector followed by the encoded arguments.</summary>
    public byte[] Encode(params object[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. _selector, .. AbiTuple.Encode(_inputs, args)];
    }

    /// <summary>Decodes call data (selector included) back into arguments.</summary>
    public object[] DecodeInput(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4 || !callData[..4].SequenceEqual(_selector))
        {
            throw new FormatException($"Call data does not start with the selector of {Signature}.");
        }

        return AbiTuple.Decode(_inputs, callData[4..]);
    }

    public byte[] EncodeOutput(params object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return AbiTuple.Encode(_outputs, values);
    }

    public object[] DecodeOutput(ReadOnlySpan<byte> data) => AbiTuple.Decode(_outputs, data);

    public override string ToString() => Signature;
}
