using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// The keys of a feed's accepted records, as positions in the feed's record list: an open-addressing table of
/// record indexes with their key hashes. It stores no key strings and no rows of its own — the records already
/// hold them — so millions of keys cost 8 bytes per slot, and a key is compared in full only when the hashes
/// agree. A slot packs the hash and the index into one long, so that a probe costs one cache miss, not two.
/// Keys can be looked up by span, without allocating.
/// </summary>
internal sealed class KeyIndex<TRecord>
{
    private const int InitialCapacity = 1 << 10;

    /// <summary>The largest table an estimate may ask for; past it, the table only grows as keys come.</summary>
    private const int MaxCapacity = 1 << 28;

    private readonly List<TRecord> _records;
    private readonly Func<TRecord, string> _keyOf;

    // A slot holds the key hash in its high half and 1 + the record index in its low half; 0 when empty.
    private long[] _slots = new long[InitialCapacity];

    // Keeps the reads of Prefetch from being optimised away.
    private long _prefetched;

    public KeyIndex(List<TRecord> records, Func<TRecord, string> keyOf)
    {
        _records = records;
        _keyOf = keyOf;
    }

    public int Count { get; private set; }

    /// <summary>The hash a key is filed under.</summary>
    public static int HashOf(string key) => TextHash.Of(key);

    /// <summary>
    /// Adds <paramref name="key"/> (whose <see cref="HashOf(string)"/> is <paramref name="hash"/>) as the key of
    /// the record at <paramref name="index"/> unless it is there already; then <paramref name="first"/> is the
    /// index of the record that has it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(string key, int hash, int index, out int first)
    {
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        long entry;
        while ((entry = _slots[slot]) != 0)
        {
            if (EntryHash(entry) == hash && _keyOf(_records[EntryIndex(entry)]).Equals(key, StringComparison.Ordinal))
            {
                first = EntryIndex(entry);
                return false;
            }
            slot = (slot + 1) & mask;
        }
        _slots[slot] = Entry(hash, index);
        first = index;
        if (++Count > Limit(_slots.Length))
        {
            Resize(_slots.Length * 2);
        }
        return true;
    }

    /// <summary>
    /// Makes room for <paramref name="keys"/> keys in all, so that reaching that many does not grow the table step
    /// by step: each doubling re-files every key already there, a cache miss apiece once the table is large. Made
    /// early, from an estimate of a file's rows, the one resize costs little, as few keys are there yet.
    /// </summary>
    public void Reserve(int keys)
    {
        var length = _slots.Length;
        while (keys > Limit(length) && length < MaxCapacity)
        {
            length *= 2;
        }
        if (length != _slots.Length)
        {
            Resize(length);
        }
    }

    /// <summary>The number of slots; a power of two.</summary>
    internal int Capacity => _slots.Length;

    /// <summary>How many times the table was made larger, each time re-filing every key.</summary>
    internal int Resizes { get; private set; }

    /// <summary>
    /// Reads the slots where keys with these hashes would go, all at once: the table is far larger than the
    /// caches, and the memory waits of independent reads overlap, while those of one insert after another do not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Prefetch(ReadOnlySpan<int> hashes) => _prefetched = ReadSlots(hashes);

    /// <summary>
    /// Reads what finding keys with these hashes will read, one step for all of them before the next: their slots,
    /// then the records the slots name and those records' keys. A look-up is a chain of cache misses, each waiting
    /// for the one before; the chains of different keys, read side by side, overlap. Returns what it read, for the
    /// caller to keep so that the reads are not optimised away: the threads that parse call this at once, and a field
    /// of the table both wrote would bounce between their caches with the fields every look-up reads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long PrefetchFinds(ReadOnlySpan<int> hashes)
    {
        var any = ReadSlots(hashes);
        var mask = _slots.Length - 1;
        foreach (var hash in hashes)
        {
            // As TryFind probes: the slots after the first mostly lie in the line just read.
            var slot = hash & mask;
            long entry;
            while ((entry = _slots[slot]) != 0)
            {
                if (EntryHash(entry) == hash)
                {
                    any += _keyOf(_records[EntryIndex(entry)]).Length;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return any;
    }

    /// <summary>The index of the record whose key is <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryFind(ReadOnlySpan<char> key, out int index)
    {
        var hash = TextHash.Of(key);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        long entry;
        while ((entry = _slots[slot]) != 0)
        {
            if (EntryHash(entry) == hash && key.SequenceEqual(_keyOf(_records[EntryIndex(entry)])))
            {
                index = EntryIndex(entry);
                return true;
            }
            slot = (slot + 1) & mask;
        }
        index = -1;
        return false;
    }

    /// <summary>Forgets the keys of records at <paramref name="count"/> and after, which are being taken back.</summary>
    public void Truncate(int count)
    {
        var slots = _slots;
        _slots = WrittenArray.Of<long>(slots.Length);
        Count = 0;
        foreach (var entry in slots)
        {
            if (entry != 0 && EntryIndex(entry) < count)
            {
                Place(entry);
                Count++;
            }
        }
    }

    /// <summary>What <see cref="Prefetch"/> read, folded; of no use but to make the reads happen.</summary>
    internal long Prefetched => _prefetched;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long ReadSlots(ReadOnlySpan<int> hashes)
    {
        var mask = _slots.Length - 1;
        long any = 0;
        foreach (var hash in hashes)
        {
            any |= _slots[hash & mask];
        }
        return any;
    }

    private static long Entry(int hash, int index) => ((long)hash << 32) | (uint)(index + 1);

    private static int EntryHash(long entry) => (int)(entry >> 32);

    private static int EntryIndex(long entry) => (int)(uint)entry - 1;

    /// <summary>Keys a table of <paramref name="length"/> slots holds before it grows: at most three quarters full.</summary>
    private static int Limit(int length) => length / 4 * 3;

    private void Resize(int length)
    {
        Resizes++;
        var slots = _slots;
        _slots = WrittenArray.Of<long>(length);
        foreach (var entry in slots)
        {
            if (entry != 0)
            {
                Place(entry);
            }
        }
    }

    private void Place(long entry)
    {
        var mask = _slots.Length - 1;
        var slot = EntryHash(entry) & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }
        _slots[slot] = entry;
    }
}
