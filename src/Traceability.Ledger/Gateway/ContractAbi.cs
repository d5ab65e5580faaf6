using System.Text.Json.Nodes;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Gateway;

/// <summary>A contract's functions, events and custom errors, read from solc's JSON ABI.</summary>
public sealed class ContractAbi
{
    private static readonly AbiError StandardError = AbiError.Parse("Error(string)");
    private static readonly AbiError StandardPanic = AbiError.Parse("Panic(uint256)");

    private readonly Dictionary<string, AbiFunction> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiEvent> _eventsByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiEvent> _eventsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiError> _errorsBySelector = new(StringComparer.Ordinal);

    public ContractAbi(JsonArray abi)
    {
        foreach (var entry in abi.OfType<JsonObject>())
        {
            var kind = entry["type"]?.GetValue<string>();
            var name = entry["name"]?.GetValue<string>() ?? "";
            var inputs = entry["inputs"] as JsonArray ?? [];
            switch (kind)
            {
                case "function":
                    var returns = string.Join(",", (entry["outputs"] as JsonArray ?? []).Select(TypeOf));
                    _functions[name] = AbiFunction.Parse($"{name}({string.Join(",", inputs.Select(TypeOf))})", returns);
                    break;
                case "event":
                    var ev = AbiEvent.Parse($"{name}({string.Join(",", inputs.Select(IndexedTypeOf))})");
                    _eventsByTopic[Hex.Encode(ev.Topic0)] = ev;
                    _eventsByName[name] = ev;
                    break;
                case "error":
                    var err = AbiError.Parse($"{name}({string.Join(",", inputs.Select(TypeOf))})");
                    _errorsBySelector[Hex.Encode(err.Selector)] = err;
                    break;
            }
        }
        _errorsBySelector[Hex.Encode(StandardError.Selector)] = StandardError;
        _errorsBySelector[Hex.Encode(StandardPanic.Selector)] = StandardPanic;
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

    private static string TypeOf(JsonNode? parameter) => parameter?["type"]?.GetValue<string>() ?? "";

    private static string IndexedTypeOf(JsonNode? parameter) =>
        TypeOf(parameter) + (parameter?["indexed"]?.GetValue<bool>() == true ? " indexed" : "");
}

public sealed record DecodedEvent(string Name, IReadOnlyList<object> Arguments, EventLog Log);
