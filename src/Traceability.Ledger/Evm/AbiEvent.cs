using Nethereum.ABI.Model;

namespace Traceability.Ledger.Evm;

/// <summary>A contract event (Nethereum's <see cref="EventABI"/>): topic0 and the decoding of a log's topics and data.</summary>
public sealed class AbiEvent
{
    private const int MaxIndexed = 3;

    private readonly AbiParameter[] _parameters;
    private readonly AbiType[] _dataTypes;
    private readonly byte[] _topic0;

    private AbiEvent(string name, AbiParameter[] parameters)
    {
        var ev = new EventABI(name)
        {
            InputParameters = parameters.Select((p, i) => p.Type.ToParameter(i + 1, p.Indexed)).ToArray(),
        };
        Name = name;
        _parameters = parameters;
        _dataTypes = parameters.Where(p => !p.Indexed).Select(p => p.Type).ToArray();
        Signature = ev.Signature;
        _topic0 = Hex.Decode(ev.Sha3Signature);
    }

    public string Name { get; }

    /// <summary>The canonical signature, without "indexed": e.g. "Transfer(address,address,uint256)".</summary>
    public string Signature { get; }

    public byte[] Topic0 => (byte[])_topic0.Clone();

    public IReadOnlyList<string> ParameterTypes => _parameters.Select(p => p.Type.Name).ToArray();

    public IReadOnlyList<bool> Indexed => _parameters.Select(p => p.Indexed).ToArray();

    /// <summary>e.g. "Anchored(bytes32 indexed, address indexed, uint32)"; names are allowed and ignored.</summary>
    public static AbiEvent Parse(string signature)
    {
        var (name, parameters) = AbiSignature.Parse(signature, allowIndexed: true);
        return Create(name, parameters, signature);
    }

    /// <summary>From an event of a JSON ABI that Nethereum read.</summary>
    internal static AbiEvent From(EventABI ev) =>
        Create(ev.Name, ev.InputParameters.OrderBy(p => p.Order).Select(p => new AbiParameter(AbiType.Parse(p.Type), p.Indexed)).ToArray(), ev.Name);

    public bool Matches(IReadOnlyList<byte[]> topics) => topics.Count > 0 && topics[0].AsSpan().SequenceEqual(_topic0);

    /// <summary>
    /// Values in declaration order. Indexed strings, bytes and arrays come back as their 32-byte topic
    /// (the keccak hash of the value), since the value itself is not in the log.
    /// </summary>
    public object[] Decode(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var indexedCount = _parameters.Count(p => p.Indexed);
        if (topics.Count != 1 + indexedCount)
        {
            throw new FormatException($"{Signature} has {1 + indexedCount} topics, but the log has {topics.Count}.");
        }

        if (!Matches(topics))
        {
            throw new FormatException($"The log's topic0 is not that of {Signature}.");
        }

        var dataValues = AbiTuple.Decode(_dataTypes, data);
        var values = new object[_parameters.Length];
        int nextTopic = 1, nextData = 0;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            values[i] = parameter.Indexed ? DecodeTopic(parameter.Type, topics[nextTopic++]) : dataValues[nextData++];
        }

        return values;
    }

    /// <summary>The topic an indexed parameter with this value produces, for log filters.</summary>
    public byte[] EncodeTopic(int parameterIndex, object value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parameterIndex, _parameters.Length);
        var type = _parameters[parameterIndex].Type;
        return value switch
        {
            string s when type.IsString => Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(s)),
            byte[] b when type.IsBytes => Keccak256.Hash(b),
            _ when type.IsHashedWhenIndexed =>
                throw new NotSupportedException($"Topics for indexed {type.Name} values are not supported."),
            _ => AbiTuple.Encode([type], [value]),
        };
    }

    /// <summary>Builds the topics and data a contract would emit; useful for fakes and tests.</summary>
    public (byte[][] Topics, byte[] Data) Encode(params object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"{Signature} takes {_parameters.Length} values, not {values.Length}.", nameof(values));
        }

        var topics = new List<byte[]> { Topic0 };
        var data = new List<object?>();
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].Indexed)
            {
                topics.Add(EncodeTopic(i, values[i]));
            }
            else
            {
                data.Add(values[i]);
            }
        }

        return (topics.ToArray(), AbiTuple.Encode(_dataTypes, data));
    }

    public override string ToString() => Signature;

    private static AbiEvent Create(string name, AbiParameter[] parameters, string context) =>
        parameters.Count(p => p.Indexed) <= MaxIndexed
            ? new AbiEvent(name, parameters)
            : throw new FormatException($"'{context}' has more than {MaxIndexed} indexed parameters.");

    private static object DecodeTopic(AbiType type, byte[] topic)
    {
        if (topic is not { Length: 32 })
        {
            throw new FormatException("An event topic must be 32 bytes.");
        }

        return type.IsHashedWhenIndexed ? topic.ToArray() : AbiTuple.Decode([type], topic)[0];
    }
}
