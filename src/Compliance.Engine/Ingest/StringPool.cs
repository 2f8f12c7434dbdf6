using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Shares one string instance per distinct short value (unit, item and fee codes, types, labels, names), which
/// repeat across millions of rows. Lookup is by span, so a value already seen costs no allocation. An
/// open-addressing table of the strings and their hashes: one probe usually settles a lookup, without the
/// comparer calls of a dictionary.
/// </summary>
/// <remarks>
/// The pool holds at most <see cref="MaxEntries"/> values, so that its table and its strings stay in a core's own
/// cache: a larger pool is pushed out of the shared cache by what reading streams through it, and a lookup there
/// is two misses to memory, on a virtualised machine with 4 KiB pages 150–300 ns each, far more than the string it
/// saves. A full pool still finds the values it holds and returns the others as new strings, and judges every
/// <see cref="CheckEvery"/> lookups the share that found their value: below <see cref="MinHitRate"/> the field
/// stops being pooled (ids, applicants' names drawn from a large set), as a lookup there only adds a probe to each
/// new string. A pool with room is never judged: its field has fewer distinct values than it holds, so nearly
/// every lookup finds one. Whether a value is pooled changes which instance a record holds, never its value.
/// Not thread-safe: each parser has its own pools.
/// </remarks>
internal sealed class StringPool
{
    /// <summary>Longer values are rarely repeated codes; pooling them would only grow the pool.</summary>
    private const int MaxPooledLength = 64;

    /// <summary>The most distinct values a pool holds: 4,096 entries in a 128 KiB table.</summary>
    internal const int MaxEntries = 1 << 12;

    /// <summary>Lookups between two judgements of a full pool's hit rate.</summary>
    internal const int CheckEvery = 1 << 12;

    /// <summary>The least share of a window's lookups that found their value, for pooling to go on.</summary>
    private const double MinHitRate = 1.0 / 8;

    private Entry[] _entries = new Entry[16];
    private int _count;
    private int _lookups;
    private int _hits;

    /// <summary>False once the values proved too rarely repeated to be worth pooling; then each value is a new string.</summary>
    public bool Pooling { get; private set; } = true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return "";
        }
        if (value.Length > MaxPooledLength || !Pooling || (_count == MaxEntries && ++_lookups > CheckEvery && !KeepPooling()))
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
                _hits++;
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
            if (_count == MaxEntries)
            {
                // Judged from here on: the hits of a pool still filling say little about a full one's.
                _lookups = 0;
                _hits = 0;
            }
        }
        return s;
    }

    /// <summary>Judges the window of lookups just ended and starts the next, whose first lookup is the current one.</summary>
    private bool KeepPooling()
    {
        if (_hits < CheckEvery * MinHitRate)
        {
            Pooling = false;
            _entries = [];
            return false;
        }
        _lookups = 1;
        _hits = 0;
        return true;
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
