using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Shares one string instance per distinct short value (unit, item and fee codes, types, labels, names), which
/// repeat across millions of rows. Lookup is by span, so a value already seen costs no allocation. An
/// open-addressing table of the strings and their hashes: one probe usually settles a lookup, without the
/// comparer calls of a dictionary. A field whose values turn out mostly distinct (measured as the pool fills)
/// stops being pooled: there a lookup would only add a probe of a large table to each new string. So does a field
/// with more distinct values than <see cref="MaxEntries"/>, however often they repeat (applicants' names): past
/// that the table and its strings no longer stay in the caches, and a lookup costs two cache misses, more than
/// the string it saves. Not thread-safe: each parser has its own pools.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longer values are rarely repeated codes; pooling them would only grow the pool.</summary>
    private const int MaxPooledLength = 64;

    /// <summary>The most distinct values a pool holds: 64k entries take a 2 MiB table.</summary>
    private const int MaxEntries = 1 << 16;

    /// <summary>
    /// Distinct values seen when the hit rate is first judged, and again at every fourfold after. Not sooner: a
    /// field drawn from a large but finite set (names) repeats rarely until much of the set has been seen.
    /// </summary>
    private const int FirstCheck = 1 << 14;

    /// <summary>The least share of lookups since the last check that found their value, for pooling to go on.</summary>
    private const double MinHitRate = 1.0 / 8;

    private Entry[] _entries = new Entry[16];
    private int _count;
    private long _lookups;
    private long _lookupsAtCheck;
    private int _countAtCheck;
    private int _nextCheck = FirstCheck;

    /// <summary>False once the values proved too rarely repeated to be worth pooling; then each value is a new string.</summary>
    public bool Pooling { get; private set; } = true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return "";
        }
        if (value.Length > MaxPooledLength || !Pooling)
        {
            return value.ToString();
        }
        _lookups++;
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
            ++_count;
            // At most half full, so that a miss ends after a probe or two.
            if (_count > _entries.Length / 2)
            {
                Grow();
            }
            if (_count == _nextCheck)
            {
                CheckHitRate();
            }
        }
        return s;
    }

    /// <summary>
    /// Stops pooling when few of the lookups since the last check found their value: such a field (ids, names
    /// that are nearly all different) keeps adding entries, and its table, too large for the caches, costs a
    /// cache miss per lookup while saving next to nothing. Stops it too when the pool is full. Whether a value is
    /// pooled changes which instance a record holds, never its value.
    /// </summary>
    private void CheckHitRate()
    {
        var lookups = _lookups - _lookupsAtCheck;
        var hits = lookups - (_count - _countAtCheck);
        if (_count >= MaxEntries || hits < lookups * MinHitRate)
        {
            Pooling = false;
            _entries = [];
            return;
        }
        _lookupsAtCheck = _lookups;
        _countAtCheck = _count;
        _nextCheck = _count < MaxEntries / 4 ? _count * 4 : MaxEntries;
    }

    private void Grow()
    {
        var entries = _entries;
        _entries = WrittenArray.Of<Entry>(entries.Length * 2);
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
