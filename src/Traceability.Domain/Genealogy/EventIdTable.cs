using System.Buffers.Binary;
using Traceability.Domain.Epcis.Hashing;

namespace Traceability.Domain.Genealogy;

/// <summary>
/// Event ids interned to dense int indexes. A CBV 2.0 hash id (<c>ni:///sha-256;…?ver=CBV2.0</c>, the id of every
/// event this system stores) is kept as its 32-byte digest, about a sixth of the string with its dictionary entry;
/// any other id as its string. Not thread-safe; see <see cref="NodeTable"/>.
/// </summary>
internal sealed class EventIdTable
{
    private const string Prefix = "ni:///sha-256;";
    private const string Suffix = "?ver=CBV2.0";

    private readonly Dictionary<Digest, int> _byDigest = [];
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _texts = [];
    private readonly HashSet<int> _retracted = [];
    private Digest[] _digests = new Digest[1024];

    public int Count { get; private set; }

    public bool TryGetIndex(string eventId, out int index) =>
        TryParse(eventId, out var digest) ? _byDigest.TryGetValue(digest, out index) : _byText.TryGetValue(eventId, out index);

    /// <summary>Marks an event declared in error: its edges stay stored but are no longer walked.</summary>
    public bool Retract(int index) => _retracted.Add(index);

    public bool IsRetracted(int index) => _retracted.Count > 0 && _retracted.Contains(index);

    public bool Contains(string eventId) =>
        TryParse(eventId, out var digest) ? _byDigest.ContainsKey(digest) : _byText.ContainsKey(eventId);

    /// <summary>Adds the id and gives its index; false when it was already there.</summary>
    public bool TryAdd(string eventId, out int index)
    {
        var isHash = TryParse(eventId, out var digest);
        if (isHash ? _byDigest.TryGetValue(digest, out index) : _byText.TryGetValue(eventId, out index)) return false;

        index = Count++;
        if (index == _digests.Length) Array.Resize(ref _digests, _digests.Length * 2);
        if (isHash)
        {
            _digests[index] = digest;
            _byDigest.Add(digest, index);
        }
        else
        {
            _texts.Add(index, eventId);
            _byText.Add(eventId, index);
        }
        return true;
    }

    public string IdOf(int index)
    {
        if (_texts.TryGetValue(index, out var text)) return text;
        Span<byte> bytes = stackalloc byte[32];
        _digests[index].WriteTo(bytes);
        return EventHash.FromDigest(bytes);
    }

    public long EstimateBytes() =>
        MemorySizes.ArrayBytes(_digests.Length, 32)
        + MemorySizes.DictionaryBytes(_byDigest.EnsureCapacity(0), keyAndValueBytes: 36)
        + MemorySizes.DictionaryBytes(_byText.EnsureCapacity(0), keyAndValueBytes: 12)
        + MemorySizes.DictionaryBytes(_texts.EnsureCapacity(0), keyAndValueBytes: 16)
        + MemorySizes.DictionaryBytes(_retracted.EnsureCapacity(0), keyAndValueBytes: 4)
        + _texts.Values.Sum(MemorySizes.StringBytes);

    /// <summary>Only the exact form <see cref="EventHash.FromDigest"/> writes (lowercase hex), so ids round-trip unchanged.</summary>
    private static bool TryParse(string eventId, out Digest digest)
    {
        digest = default;
        if (eventId.Length != Prefix.Length + 64 + Suffix.Length
            || !eventId.StartsWith(Prefix, StringComparison.Ordinal)
            || !eventId.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }
        var hex = eventId.AsSpan(Prefix.Length, 64);
        foreach (var c in hex)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f')) return false;
        }
        Span<byte> bytes = stackalloc byte[32];
        Convert.FromHexString(hex, bytes, out _, out _);
        digest = Digest.From(bytes);
        return true;
    }

    private readonly record struct Digest(ulong A, ulong B, ulong C, ulong D)
    {
        public static Digest From(ReadOnlySpan<byte> b) => new(
            BinaryPrimitives.ReadUInt64BigEndian(b), BinaryPrimitives.ReadUInt64BigEndian(b[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(b[16..]), BinaryPrimitives.ReadUInt64BigEndian(b[24..]));

        public void WriteTo(Span<byte> b)
        {
            BinaryPrimitives.WriteUInt64BigEndian(b, A);
            BinaryPrimitives.WriteUInt64BigEndian(b[8..], B);
            BinaryPrimitives.WriteUInt64BigEndian(b[16..], C);
            BinaryPrimitives.WriteUInt64BigEndian(b[24..], D);
        }

        // The digest is already uniformly random, so any 32 bits of it are a good hash.
        public override int GetHashCode() => (int)A;
    }
}
