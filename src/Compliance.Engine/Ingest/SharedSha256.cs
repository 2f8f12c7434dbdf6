using System.Security.Cryptography;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A SHA-256 fed by one thread and computed by whichever thread has time. The bytes are copied into blocks that
/// wait their turn; another thread that would otherwise wait (the accepting thread of a <see cref="RowPipeline{TRecord}"/>,
/// while the reading thread decodes) hashes the oldest with <see cref="TryHelp"/>. The reading thread, which decodes,
/// splits and hashes a file, is the one the other waits for: hashing is a sixth of its work. Blocks are hashed in
/// the order they were fed, one thread at a time; once <see cref="MaxPending"/> wait, the feeding thread hashes one
/// itself, so no more than that is ever held.
/// </summary>
internal sealed class SharedSha256 : IDisposable
{
    private const int BlockSize = 1 << 16;
    private const int MaxPending = 16;

    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // Guards _pending, _free and _pendingCount. _hashGate is held while a block is taken and hashed, which keeps
    // blocks in order: the next one is taken only once the one before is in the hash.
    private readonly object _queueGate = new();
    private readonly object _hashGate = new();
    private readonly Queue<(byte[] Block, int Length)> _pending = new();
    private readonly Stack<byte[]> _free = new();
    private int _pendingCount;

    // The block being filled; the feeding thread's alone.
    private byte[]? _tail;
    private int _tailLength;

    /// <summary>Whether a block waits to be hashed; a hint, read without the gate.</summary>
    public bool HasPending => Volatile.Read(ref _pendingCount) > 0;

    /// <summary>Adds bytes to the hash; on the feeding thread only.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            _tail ??= TakeFreeBlock();
            var n = Math.Min(data.Length, BlockSize - _tailLength);
            data[..n].CopyTo(_tail.AsSpan(_tailLength));
            _tailLength += n;
            data = data[n..];
            if (_tailLength == BlockSize && Enqueue() >= MaxPending)
            {
                HashOldest(wait: true);
            }
        }
    }

    /// <summary>Hashes the oldest waiting block unless another thread is hashing or none waits; true if it hashed one.</summary>
    public bool TryHelp() => HashOldest(wait: false);

    /// <summary>Hashes what is left and returns the SHA-256 of everything appended, and starts again empty; on the feeding thread.</summary>
    public byte[] Finish()
    {
        if (_tailLength > 0)
        {
            Enqueue();
        }
        while (HashOldest(wait: true))
        {
        }
        lock (_hashGate)
        {
            return _sha.GetHashAndReset();
        }
    }

    public void Dispose() => _sha.Dispose();

    private byte[] TakeFreeBlock()
    {
        lock (_queueGate)
        {
            if (_free.Count > 0)
            {
                return _free.Pop();
            }
        }
        return new byte[BlockSize];
    }

    /// <summary>Queues the tail block; returns how many blocks now wait.</summary>
    private int Enqueue()
    {
        int waiting;
        lock (_queueGate)
        {
            _pending.Enqueue((_tail!, _tailLength));
            waiting = ++_pendingCount;
        }
        _tail = null;
        _tailLength = 0;
        return waiting;
    }

    private bool HashOldest(bool wait)
    {
        if (wait)
        {
            Monitor.Enter(_hashGate);
        }
        else if (!Monitor.TryEnter(_hashGate))
        {
            return false;
        }
        try
        {
            (byte[] Block, int Length) next;
            lock (_queueGate)
            {
                if (!_pending.TryDequeue(out next))
                {
                    return false;
                }
            }
            _sha.AppendData(next.Block, 0, next.Length);
            lock (_queueGate)
            {
                _pendingCount--;
                _free.Push(next.Block);
            }
            return true;
        }
        finally
        {
            Monitor.Exit(_hashGate);
        }
    }
}
