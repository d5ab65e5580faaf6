namespace Traceability.Domain.Genealogy;

/// <summary>Approximate managed sizes on 64-bit .NET, for the graph's memory estimate.</summary>
internal static class MemorySizes
{
    private const int ObjectHeader = 16;

    public static long StringBytes(string s) => Align(ObjectHeader + 4 + 2L * (s.Length + 1));

    public static long ArrayBytes(long length, int elementBytes) => Align(ObjectHeader + 8 + length * elementBytes);

    /// <summary>A dictionary's bucket array plus its entries (hash code and next index beside key and value).</summary>
    public static long DictionaryBytes(int capacity, int keyAndValueBytes) =>
        ArrayBytes(capacity, 4) + ArrayBytes(capacity, (int)Align(8 + keyAndValueBytes));

    private static long Align(long bytes) => (bytes + 7) & ~7L;
}
