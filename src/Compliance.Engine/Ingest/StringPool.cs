using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Shares one string instance per distinct short value (unit, item and fee codes, types, labels, names), which
/// repeat across millions of rows. Lookup is by span, so a value already seen costs no allocation. An
/// open-addressing table of the strings and their hashes: one probe usually settles a lookup, without the
/// comparer calls of a dictionary. Not thread-safe: each parser has its own pools.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longer values are rarely repeated codes; pooling them would only grow the pool.</summary>
    private const int MaxPooledLength = 64;

    private const int MaxEntries = 1 << 18;

    private Entry[] _entries = new Entry[16];
    private int _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return "";
        }
        if (value.Length > MaxPooledLength)
        {
            return value.ToString();
        }
        var hash = TextHash.Of(value);
        var mask = _entries.Length - 1;
        var slot = hash & mask;
        string? pooled;
        while ((pooled = _entries[slot].Value) is not null)
        {
            if (_entries[slot].Hash == hash && value.SequenceEqual(pooled))
            {
                return pooled;
            }
            slot = (slot + 1) & mask;
        }
        var s = value.ToString();
        if (_count < MaxEntries)
        {
            _entries[slot] = new Entry(s, hash);
            // At most half full, so that a miss ends after a probe or two.
            if (++_count > _entries.Length / 2)
            {
                Grow();
            }
        }
        return s;
    }

    private void Grow()
    {
        var entries = _entries;
        _entries = new Entry[entries.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in entries)
        {
            if (entry.Value is null)
            {
                continue;
            }
            var slot = entry.Hash & mask;
            while (_entries[slot].Value is not null)
            {
                slot = (slot + 1) & mask;
            }
            _entries[slot] = entry;
        }
    }

    private readonly record struct Entry(string? Value, int Hash);
}
