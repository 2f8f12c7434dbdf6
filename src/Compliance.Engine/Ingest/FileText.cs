using System.Text;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A text file in one candidate encoding: opens readers over it (a JSON source reads it twice) and tells
/// whether all of it decodes, also the part no source read because the file was refused early, and if not, where
/// it stops decoding.
/// </summary>
internal sealed class FileText
{
    private readonly Stream _stream;
    private readonly long _textStart;
    private readonly Encoding _encoding;
    private readonly List<StrictDecodingReader> _readers = [];
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

    public TextReader Open() => NewReader();

    /// <summary>
    /// A reader for a second look at text another reader has passed: it is not the last reader opened, so it moves
    /// neither <see cref="BytesRead"/> nor where <see cref="CheckRest"/> reads on from.
    /// </summary>
    public TextReader OpenAside()
    {
        var reader = new StrictDecodingReader(_stream, _textStart, _encoding);
        _readers.Add(reader);
        return reader;
    }

    /// <summary>
    /// Throws <see cref="DecoderFallbackException"/> unless the file decodes to its end: the last reader decoded
    /// everything before where it stopped, so it reads on from there (nothing, when a source read to the end).
    /// </summary>
    public void CheckRest()
    {
        (_last ?? NewReader()).ReadToEndOfStream();
    }

    /// <summary>The position in the stream of the first byte a reader of this text could not decode; null if none failed.</summary>
    public long? FailedAt
    {
        get
        {
            long? first = null;
            foreach (var reader in _readers)
            {
                if (reader.FailedAt is { } at && (first is null || at < first))
                {
                    first = at;
                }
            }
            return first;
        }
    }

    /// <summary>
    /// For a text a reader failed to decode: <see cref="FailedAt"/> and the physical line it is on (header = 1).
    /// The lines are counted only now, by reading the bytes before it again, so that reading a file that decodes
    /// pays nothing for them.
    /// </summary>
    public (long Position, int Line) FirstUndecodable()
    {
        var position = FailedAt ?? throw new InvalidOperationException("No reader of this text failed to decode it.");
        return (position, LineAt(position));
    }

    private StrictDecodingReader NewReader()
    {
        _last = new StrictDecodingReader(_stream, _textStart, _encoding);
        _readers.Add(_last);
        return _last;
    }

    /// <summary>
    /// The line the byte at <paramref name="position"/> is on: one plus the line breaks before it, each LF, CRLF or
    /// lone CR. Counted in bytes: in UTF-8 and GB18030 these two bytes are never part of another character.
    /// </summary>
    private int LineAt(long position)
    {
        var buffer = new byte[1 << 16];
        _stream.Position = _textStart;
        var remaining = position - _textStart;
        var line = 1;
        var crBefore = false;
        while (remaining > 0)
        {
            var read = _stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                break;
            }
            remaining -= read;
            var bytes = buffer.AsSpan(0, read);
            line += bytes.Count((byte)'\n') + bytes.Count((byte)'\r') - bytes.Count("\r\n"u8);
            if (crBefore && bytes[0] == '\n')
            {
                // A CRLF split between two reads, counted as a lone CR and an LF.
                line--;
            }
            crBefore = bytes[^1] == '\r';
        }
        return line;
    }
}
