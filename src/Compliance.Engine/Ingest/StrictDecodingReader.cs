using System.Text;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Text of a stream through a strict decoder: bytes that are not valid in the encoding throw
/// <see cref="DecoderFallbackException"/>, also an incomplete sequence at the end. Decodes straight into the
/// caller's buffer (Sep's), without a char buffer of its own in between; strict GB18030 through
/// <see cref="Gb18030Decoder"/>. Reads from its own position, so that after a second reader was opened over the
/// same stream it can still be read to the end (<see cref="ReadToEndOfStream"/>).
/// </summary>
internal sealed class StrictDecodingReader : TextReader
{
    private const int ByteBufferSize = 1 << 16;

    /// <summary>Requests smaller than this are served from <see cref="_spill"/>: a decoder needs room for a surrogate pair.</summary>
    private const int MinDirectChars = 4;

    private readonly Stream _stream;
    private readonly Decoder _decoder;
    private readonly Gb18030Decoder? _gb18030;
    private readonly byte[] _bytes;
    private readonly char[] _spill = new char[MinDirectChars];
    private long _position;
    private int _bytePos;
    private int _byteLen;
    private int _spillPos;
    private int _spillLen;
    private bool _streamEnded;
    private bool _flushed;

    // The bytes left are a sequence cut off by the end of the buffer: they wait for the next read.
    private bool _waitingForBytes;

    /// <param name="bufferSize">Bytes read at a time; smaller for a reader that may be dropped soon.</param>
    public StrictDecodingReader(Stream stream, long position, Encoding encoding, int bufferSize = ByteBufferSize)
    {
        _bytes = new byte[bufferSize];
        _stream = stream;
        _position = position;
        _decoder = encoding.GetDecoder();
        _gb18030 = ReferenceEquals(encoding, TextEncodingDetector.StrictGb18030) ? new Gb18030Decoder() : null;
    }

    /// <summary>Where in the stream the next bytes will be read from: the bytes read so far, some not decoded yet.</summary>
    public long Position => _position;

    /// <summary>Where in the stream the first byte that did not decode is, once reading threw; null until then.</summary>
    public long? FailedAt { get; private set; }

    /// <summary>True once every byte was decoded, including the check for an incomplete sequence at the end.</summary>
    public bool AtEnd => _flushed && _spillPos == _spillLen;

    public override int Peek()
    {
        if (_spillPos == _spillLen)
        {
            _spillPos = 0;
            _spillLen = Decode(_spill);
        }
        return _spillPos < _spillLen ? _spill[_spillPos] : -1;
    }

    public override int Read()
    {
        var c = Peek();
        if (c >= 0)
        {
            _spillPos++;
        }
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }
        if (_spillPos < _spillLen)
        {
            var n = Math.Min(buffer.Length, _spillLen - _spillPos);
            _spill.AsSpan(_spillPos, n).CopyTo(buffer);
            _spillPos += n;
            return n;
        }
        if (buffer.Length >= MinDirectChars)
        {
            return Decode(buffer);
        }
        _spillPos = 0;
        _spillLen = Decode(_spill);
        return _spillLen == 0 ? 0 : Read(buffer);
    }

    /// <summary>Decodes what is left, only to find out whether it decodes; the text is dropped.</summary>
    public void ReadToEndOfStream()
    {
        var chars = new char[ByteBufferSize];
        while (Read(chars) > 0)
        {
        }
    }

    /// <summary>Decodes at least one char into <paramref name="chars"/> (of at least <see cref="MinDirectChars"/>), or returns 0 at the end.</summary>
    private int Decode(Span<char> chars)
    {
        try
        {
            return DecodeAvailable(chars);
        }
        catch (DecoderFallbackException e)
        {
            // The decoders give the index in the bytes they were handed, negative for bytes they held over from an
            // earlier call; those bytes started at _bytePos, which a failed call leaves as it was.
            FailedAt = _position - _byteLen + _bytePos + e.Index;
            throw;
        }
    }

    private int DecodeAvailable(Span<char> chars)
    {
        while (!_flushed)
        {
            if (!_streamEnded && (_bytePos == _byteLen || _waitingForBytes))
            {
                Fill();
                _waitingForBytes = false;
            }
            var input = _bytes.AsSpan(_bytePos, _byteLen - _bytePos);
            int bytesUsed;
            int charsUsed;
            bool completed;
            if (_gb18030 is { } gb18030)
            {
                gb18030.Convert(input, chars, _streamEnded, out bytesUsed, out charsUsed);
                completed = bytesUsed == input.Length;
            }
            else
            {
                _decoder.Convert(input, chars, _streamEnded, out bytesUsed, out charsUsed, out completed);
            }
            _bytePos += bytesUsed;
            if (_streamEnded && completed)
            {
                _flushed = true;
            }
            if (charsUsed > 0)
            {
                return charsUsed;
            }
            _waitingForBytes = bytesUsed == 0 && !_streamEnded;
        }
        return 0;
    }

    /// <summary>Reads the next bytes after those not decoded yet.</summary>
    private void Fill()
    {
        var rest = _byteLen - _bytePos;
        _bytes.AsSpan(_bytePos, rest).CopyTo(_bytes);
        _bytePos = 0;
        _byteLen = rest;
        if (_stream.Position != _position)
        {
            _stream.Position = _position;
        }
        var read = _stream.Read(_bytes, rest, _bytes.Length - rest);
        _position += read;
        _byteLen += read;
        _streamEnded = read == 0;
    }
}
