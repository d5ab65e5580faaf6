using Nethereum.ABI.Model;

namespace Traceability.Ledger.Evm;

/// <summary>A revert reason (Nethereum's <see cref="ErrorABI"/>): a custom error, or the compiler's Error(string) and Panic(uint256).</summary>
public sealed class AbiError
{
    private readonly AbiType[] _parameters;
    private readonly byte[] _selector;

    private AbiError(string name, AbiType[] parameters)
    {
        var error = new ErrorABI(name) { InputParameters = AbiTuple.Parameters(parameters) };
        Name = name;
        _parameters = parameters;
        Signature = error.Signature;
        _selector = Hex.Decode(error.Sha3Signature);
    }

    /// <summary>require(cond, "message") and revert("message").</summary>
    public static AbiError Error { get; } = Parse("Error(string)");

    /// <summary>Compiler-inserted checks: overflow (0x11), division by zero (0x12), assert (0x01), ...</summary>
    public static AbiError Panic { get; } = Parse("Panic(uint256)");

    public string Name { get; }

    public string Signature { get; }

    public byte[] Selector => (byte[])_selector.Clone();

    public static AbiError Parse(string signature)
    {
        var (name, parameters) = AbiSignature.Parse(signature, allowIndexed: false);
        return new AbiError(name, parameters.Select(p => p.Type).ToArray());
    }

    /// <summary>From an error of a JSON ABI that Nethereum read.</summary>
    internal static AbiError From(ErrorABI error) => new(error.Name, AbiSignature.TypesOf(error.InputParameters));

    public bool Matches(ReadOnlySpan<byte> revertData) => revertData.Length >= 4 && revertData[..4].SequenceEqual(_selector);

    /// <summary>Decodes revert data (selector included) into the error's arguments.</summary>
    public object[] Decode(ReadOnlySpan<byte> revertDataWithSelector)
    {
        if (!Matches(revertDataWithSelector))
        {
            throw new FormatException($"Revert data does not start with the selector of {Signature}.");
        }

        return AbiTuple.Decode(_parameters, revertDataWithSelector[4..]);
    }

    public byte[] Encode(params object[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. _selector, .. AbiTuple.Encode(_parameters, args)];
    }

    public override string ToString() => Signature;
}
