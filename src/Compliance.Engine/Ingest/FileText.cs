using System.Text;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A text file in one candidate encoding: opens readers over it (a JSON source reads it twice) and tells
/// whether all of it decodes, also the part no source read because the file was refused early.
/// </summary>
internal sealed class FileText
{
    private readonly Stream _stream;
    private readonly long _textStart;
    private readonly Encoding _encoding;
    private StrictDecodingReader? _last;
    private long? _length;

    public FileText(Stream stream, long textStart, Encoding encoding)
    {
        _stream = stream;
        _textStart = textStart;
        _encoding = encoding;
    }

    /// <summary>
    /// The bytes of the text, from its start (after any BOM) to the end of the stream. Taken once: it only feeds
    /// estimates, and asking a file for its length is a system call, asked after every batch of rows.
    /// </summary>
    public long Length => _length ??= _stream.Length - _textStart;

    /// <summary>
    /// How far into the text the reader last opened has read the stream: for estimates only, as it reads ahead of
    /// what it decoded. Ask on the thread that reads.
    /// </summary>
    public long BytesRead => _last is null ? 0 : _last.Position - _textStart;

    public TextReader Open()
    {
        _last = new StrictDecodingReader(_stream, _textStart, _encoding);
        return _last;
    }

    /// <summary>
    /// Throws <see cref="DecoderFallbackException"/> unless the file decodes to its end: the last reader decoded
    /// everything before where it stopped, so it reads on from there (nothing, when a source read to the end).
    /// </summary>
    public void CheckRest()
    {
        _last ??= new StrictDecodingReader(_stream, _textStart, _encoding);
        _last.ReadToEndOfStream();
    }
}
