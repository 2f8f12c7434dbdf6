using System.Security.Cryptography;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A seekable input seen through a SHA-256 of its bytes: every byte from the starting position on is hashed once,
/// in order, the first time it is read, so a file that is read again from the start (a second decoding attempt,
/// the two passes over a JSON file) is not hashed again, and reading a file and hashing it take one pass.
/// </summary>
internal sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _hashedTo;

    public HashingReadStream(Stream inner)
    {
        _inner = inner;
        Start = inner.Position;
        _hashedTo = Start;
    }

    /// <summary>The inner stream's position when this view was made: where the file starts.</summary>
    public long Start { get; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var position = _inner.Position;
        if (position > _hashedTo)
        {
            throw new InvalidOperationException($"Bytes {_hashedTo}..{position} were skipped without being hashed.");
        }
        var read = _inner.Read(buffer);
        var end = position + read;
        if (end > _hashedTo)
        {
            _sha.AppendData(buffer[(int)(_hashedTo - position)..read]);
            _hashedTo = end;
        }
        return read;
    }

    /// <summary>Hashes whatever has not been read yet and returns the SHA-256 of the whole file, lower-case hex.</summary>
    public string Finish()
    {
        _inner.Position = _hashedTo;
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0)
        {
        }
        return Convert.ToHexStringLower(_sha.GetHashAndReset());
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha.Dispose();
        }
        base.Dispose(disposing);
    }
}
