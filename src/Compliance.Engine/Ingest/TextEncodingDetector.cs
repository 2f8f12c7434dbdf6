using System.Text;

namespace Compliance.Engine.Ingest;

/// <summary>
/// feeds.md's encodings and the order they are tried in: a file with a UTF-8 BOM is UTF-8; otherwise a file that
/// decodes as strict UTF-8 is UTF-8; else GB18030 (what Chinese office software writes); a file valid in neither
/// cannot be decoded. Readers try the candidates in order while reading, falling back when a byte does not decode,
/// rather than checking the whole file first.
/// </summary>
internal static class TextEncodingDetector
{
    private const int Gb18030CodePage = 54936;

    public static byte[] Utf8Bom { get; } = [0xEF, 0xBB, 0xBF];

    /// <summary>Strict decoders: a byte sequence that is not valid in the encoding throws instead of turning into U+FFFD.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding StrictGb18030 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(
        Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("GB18030 (code page 54936) is not available from CodePagesEncodingProvider.");

    private static readonly DetectedEncoding[] BomCandidates =
        [new(DetectedEncoding.Utf8BomName, StrictUtf8, Utf8Bom.Length)];

    private static readonly DetectedEncoding[] PlainCandidates =
    [
        new(DetectedEncoding.Utf8Name, StrictUtf8, 0),
        new(DetectedEncoding.Gb18030Name, StrictGb18030, 0),
    ];

    /// <summary>Reads the first three bytes of <paramref name="stream"/>: whether they are the UTF-8 BOM.</summary>
    public static bool ReadBom(Stream stream)
    {
        Span<byte> head = stackalloc byte[3];
        return stream.ReadAtLeast(head, 3, throwOnEndOfStream: false) == 3 && head.SequenceEqual(Utf8Bom);
    }

    /// <summary>The encodings a file may be in, to try in this order.</summary>
    public static IReadOnlyList<DetectedEncoding> Candidates(bool bom) => bom ? BomCandidates : PlainCandidates;
}
