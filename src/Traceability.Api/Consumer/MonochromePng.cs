using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Traceability.Api.Consumer;

/// <summary>Writes 1-bit greyscale PNG files (PNG specification, 3rd edition): the smallest lossless form of a QR code.</summary>
internal static class MonochromePng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Encode(int width, int height, Func<int, int, bool> isDark)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth; colour type 0 (greyscale), deflate, adaptive filtering, no interlace

        var stride = (width + 7) / 8;
        var image = new MemoryStream();
        using (var zlib = new ZLibStream(image, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + stride]; // filter type 0 (none), then 8 pixels a byte, 1 = white
            for (var y = 0; y < height; y++)
            {
                Array.Clear(row);
                for (var x = 0; x < width; x++)
                {
                    if (!isDark(x, y))
                        row[1 + x / 8] |= (byte)(0x80 >> (x % 8));
                }
                zlib.Write(row);
            }
        }

        var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", image.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ~Crc(Crc(0xFFFFFFFF, typeBytes), data));
        png.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
