using System.Runtime.InteropServices;

namespace Traceability.Domain.Genealogy;

/// <summary>
/// Node keys interned to dense int ids, each with its adjacency (both ends of every edge, see <see cref="HalfEdge"/>)
/// in one growable array. Not thread-safe: <see cref="LotGraph"/> serialises writers and excludes them from readers.
/// </summary>
internal sealed class NodeTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private Node[] _nodes = new Node[1024];

    private struct Node
    {
        public string Key;
        public HalfEdge[]? Edges;
        public int EdgeCount;
        public bool IsParty;
    }

    public int Count { get; private set; }

    public bool TryGetId(string key, out int id) => _ids.TryGetValue(key, out id);

    public string KeyOf(int id) => _nodes[id].Key;

    public bool IsParty(int id) => _nodes[id].IsParty;

    public ReadOnlySpan<HalfEdge> EdgesOf(int id) => _nodes[id].Edges.AsSpan(0, _nodes[id].EdgeCount);

    /// <summary>The id of a key, adding the node if new. A node once used as a party stays a party.</summary>
    public int Intern(string key, bool isParty)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, key, out var exists);
        if (!exists)
        {
            if (Count == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
            id = Count++;
            _nodes[id].Key = key;
        }
        _nodes[id].IsParty |= isParty || NodeKeys.IsPartyOrLocation(key);
        return id;
    }

    public void Link(int from, int to, EdgeKind kind, int eventIndex)
    {
        Append(from, new HalfEdge(to, eventIndex, kind, ownerIsFrom: true));
        Append(to, new HalfEdge(from, eventIndex, kind, ownerIsFrom: false));
    }

    private void Append(int id, HalfEdge half)
    {
        ref var node = ref _nodes[id];
        if (node.Edges is null) node.Edges = new HalfEdge[2];
        else if (node.EdgeCount == node.Edges.Length) Array.Resize(ref node.Edges, node.Edges.Length * 2);
        node.Edges[node.EdgeCount++] = half;
    }

    /// <summary>Bytes held: node array, key strings, the key dictionary and the adjacency arrays.</summary>
    public long EstimateBytes()
    {
        long bytes = MemorySizes.ArrayBytes(_nodes.Length, 24) + MemorySizes.DictionaryBytes(_ids.EnsureCapacity(0), keyAndValueBytes: 12);
        for (var i = 0; i < Count; i++)
        {
            bytes += MemorySizes.StringBytes(_nodes[i].Key);
            if (_nodes[i].Edges is { } edges) bytes += MemorySizes.ArrayBytes(edges.Length, 8);
        }
        return bytes;
    }
}
