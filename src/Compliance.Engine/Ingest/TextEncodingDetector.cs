using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Compliance.Engine.Ingest;

/// <summary>
/// feeds.md: a file with a UTF-8 BOM is UTF-8; otherwise a file that decodes as strict UTF-8 is UTF-8; else
/// GB18030 (what Chinese office software writes). The whole file is checked, because a GB18030 export often
/// starts with pure ASCII headers and codes. A file that is not valid GB18030 either cannot be decoded.
/// </summary>
internal static class TextEncodingDetector
{
    private const int Gb18030CodePage = 54936;
    private const int ChunkSize = 1 << 16;

    public static byte[] Utf8Bom { get; } = [0xEF, 0xBB, 0xBF];

    /// <summary>Strict decoders: a byte sequence that is not valid in the encoding throws instead of turning into U+FFFD.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding StrictGb18030 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(
        Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("GB18030 (code page 54936) is not available from CodePagesEncodingProvider.");

    /// <summary>Detects the encoding of a seekable stream from its current position, which it restores.</summary>
    public static DetectedEncoding Detect(Stream stream)
    {
        var start = stream.Position;
        try
        {
            Span<byte> head = stackalloc byte[3];
            var headLength = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
            if (headLength == 3 && head.SequenceEqual(Utf8Bom))
            {
                return new DetectedEncoding(DetectedEncoding.Utf8BomName, StrictUtf8, Utf8Bom.Length);
            }
            stream.Position = start;
            if (IsValidUtf8(stream))
            {
                return new DetectedEncoding(DetectedEncoding.Utf8Name, StrictUtf8, 0);
            }
            stream.Position = start;
            if (IsValidGb18030(stream))
            {
                return new DetectedEncoding(DetectedEncoding.Gb18030Name, StrictGb18030, 0);
            }
            return new DetectedEncoding(DetectedEncoding.UndecodableName, null, 0);
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static bool IsValidUtf8(Stream stream)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize);
        try
        {
            // Bytes of a sequence cut at the chunk end are carried into the next chunk.
            var carried = 0;
            while (true)
            {
                var read = stream.Read(bytes, carried, ChunkSize - carried);
                var available = carried + read;
                var final = read == 0;
                var input = bytes.AsSpan(0, available);
                while (true)
                {
                    var status = Utf8.ToUtf16(input, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                    input = input[consumed..];
                    if (status == OperationStatus.InvalidData)
                    {
                        return false;
                    }
                    if (status != OperationStatus.DestinationTooSmall)
                    {
                        break;
                    }
                }
                if (final)
                {
                    return true;
                }
                input.CopyTo(bytes);
                carried = input.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool IsValidGb18030(Stream stream)
    {
        var decoder = StrictGb18030.GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var chars = ArrayPool<char>.Shared.Rent(StrictGb18030.GetMaxCharCount(ChunkSize));
        try
        {
            int read;
            do
            {
                read = stream.Read(bytes, 0, ChunkSize);
                decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            }
            while (read > 0);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
