using System.Text.Json.Nodes;
using Nethereum.ABI.ABIDeserialisation;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Gateway;

/// <summary>A contract's functions, events and custom errors, read from solc's JSON ABI.</summary>
public sealed class ContractAbi
{
    private readonly Dictionary<string, AbiFunction> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiEvent> _eventsByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiEvent> _eventsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiError> _errorsBySelector = new(StringComparer.Ordinal);

    /// <summary>Reads solc's JSON ABI with Nethereum's deserialiser; tuple types are refused.</summary>
    public ContractAbi(JsonArray abi)
    {
        var contract = new ABIJsonDeserialiserSTJ().DeserialiseContract(abi.ToJsonString());
        foreach (var function in contract.Functions)
        {
            _functions[function.Name] = AbiFunction.From(function);
        }

        foreach (var ev in contract.Events)
        {
            var decoded = AbiEvent.From(ev);
            _eventsByTopic[Hex.Encode(decoded.Topic0)] = decoded;
            _eventsByName[ev.Name] = decoded;
        }

        foreach (var error in contract.Errors.Select(AbiError.From).Append(AbiError.Error).Append(AbiError.Panic))
        {
            _errorsBySelector[Hex.Encode(error.Selector)] = error;
        }
    }

    public AbiFunction Function(string name) =>
        _functions.TryGetValue(name, out var fn) ? fn : throw new ArgumentException($"the contract has no function {name}", nameof(name));

    public AbiEvent Event(string name) =>
        _eventsByName.TryGetValue(name, out var ev) ? ev : throw new ArgumentException($"the contract has no event {name}", nameof(name));

    /// <summary>Decodes a log this contract emitted; null for logs of other events.</summary>
    public DecodedEvent? DecodeLog(EventLog log)
    {
        if (log.Topics.Count == 0 || !_eventsByTopic.TryGetValue(Hex.Encode(log.Topics[0]), out var ev)) return null;
        return new DecodedEvent(ev.Name, ev.Decode(log.Topics, log.Data), log);
    }

    /// <summary>Names the revert: a custom error of this contract, Error(string) or Panic(uint256).</summary>
    public ContractError? DecodeRevert(string? revertData)
    {
        if (string.IsNullOrEmpty(revertData)) return null;
        byte[] bytes;
        try { bytes = Hex.Decode(revertData); }
        catch (FormatException) { return null; }
        if (bytes.Length < 4) return null;
        if (!_errorsBySelector.TryGetValue(Hex.Encode(bytes.AsSpan(0, 4)), out var error))
            return new ContractError("UnknownError", [], revertData);
        try { return new ContractError(error.Name, error.Decode(bytes), revertData); }
        catch (FormatException) { return new ContractError(error.Name, [], revertData); }
    }
}

public sealed record DecodedEvent(string Name, IReadOnlyList<object> Arguments, EventLog Log);
