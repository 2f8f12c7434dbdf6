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

    // The last line OpenAtLine found and where it starts, so that asking for later and later lines reads the
    // stream once.
    private int _markLine = 1;
    private long _markPosition;
    private byte[]? _lineBuffer;

    public FileText(Stream stream, long textStart, Encoding encoding)
    {
        _stream = stream;
        _textStart = textStart;
        _encoding = encoding;
        _markPosition = textStart;
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
    /// A reader from the start of physical line <paramref name="line"/> (1 = the text's first) to the end, for a
    /// CSV source that must read on from a line rather than from where its reader got to. Lines are found in bytes,
    /// as in <see cref="LineAt"/>, from the last line asked for when this one is not before it. A text with fewer
    /// lines gives a reader at its end.
    /// </summary>
    public TextReader OpenAtLine(int line)
    {
        if (line < _markLine)
        {
            _markLine = 1;
            _markPosition = _textStart;
        }
        var buffer = _lineBuffer ??= new byte[1 << 12];
        _stream.Position = _markPosition;
        var position = _markPosition;
        var current = _markLine;
        var crBefore = false;
        while (current < line)
        {
            var read = _stream.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                // A lone CR at the very end still ends its line.
                current += crBefore ? 1 : 0;
                break;
            }
            var i = 0;
            if (crBefore)
            {
                // The line after a CR starts after its LF, when one follows, also across two reads.
                i = buffer[0] == '\n' ? 1 : 0;
                position += i;
                current++;
                crBefore = false;
            }
            for (; i < read && current < line; i++, position++)
            {
                var b = buffer[i];
                if (b == '\n')
                {
                    current++;
                }
                else if (b == '\r')
                {
                    if (i + 1 == read)
                    {
                        crBefore = true;
                    }
                    else
                    {
                        if (buffer[i + 1] == '\n')
                        {
                            i++;
                            position++;
                        }
                        current++;
                    }
                }
            }
        }
        _markLine = current;
        _markPosition = position;
        // Restarts follow bad quotes; in a file with many, each reader is dropped soon, so each reads little at a time.
        _last = new StrictDecodingReader(_stream, position, _encoding, bufferSize: 1 << 12);
        _readers.Add(_last);
        return _last;
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
