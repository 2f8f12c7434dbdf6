namespace Compliance.Engine.Ingest;

/// <summary>
/// A seekable input seen through a SHA-256 of its bytes: every byte from the starting position on is hashed once,
/// in order, the first time it is read, so a file that is read again from the start (a second decoding attempt,
/// the two passes over a JSON file) is not hashed again, and reading a file and hashing it take one pass. The
/// hashing itself may be done by another thread (<see cref="Hash"/>).
/// </summary>
internal sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly SharedSha256 _sha = new();
    private long _hashedTo;

    public HashingReadStream(Stream inner)
    {
        _inner = inner;
        Start = inner.Position;
        _hashedTo = Start;
    }

    /// <summary>The hash the bytes read go into, for a thread with nothing else to do to help with (<see cref="SharedSha256.TryHelp"/>).</summary>
    public SharedSha256 Hash => _sha;

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
            _sha.Append(buffer[(int)(_hashedTo - position)..read]);
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
        return Convert.ToHexStringLower(_sha.Finish());
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
