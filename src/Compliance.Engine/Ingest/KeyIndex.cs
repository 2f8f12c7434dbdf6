namespace Compliance.Engine.Ingest;

/// <summary>
/// The keys of a feed's accepted records, as positions in the feed's record list: an open-addressing table of
/// record indexes with their key hashes. It stores no key strings and no rows of its own — the records already
/// hold them — so millions of keys cost 8 bytes per slot, and a key is compared in full only when the hashes
/// agree. Keys can be looked up by span, without allocating.
/// </summary>
internal sealed class KeyIndex<TRecord>
{
    private const int InitialCapacity = 1 << 10;

    private readonly List<TRecord> _records;
    private readonly Func<TRecord, string> _keyOf;

    // A slot holds 1 + the record index, 0 when empty; _hashes caches the key hash of the occupied slots.
    private int[] _slots = new int[InitialCapacity];
    private int[] _hashes = new int[InitialCapacity];

    public KeyIndex(List<TRecord> records, Func<TRecord, string> keyOf)
    {
        _records = records;
        _keyOf = keyOf;
    }

    public int Count { get; private set; }

    /// <summary>
    /// Adds <paramref name="key"/> as the key of the record at <paramref name="index"/> unless it is there already;
    /// then <paramref name="first"/> is the index of the record that has it.
    /// </summary>
    public bool TryAdd(string key, int index, out int first)
    {
        var hash = string.GetHashCode(key.AsSpan());
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] != 0)
        {
            if (_hashes[slot] == hash && _keyOf(_records[_slots[slot] - 1]).Equals(key, StringComparison.Ordinal))
            {
                first = _slots[slot] - 1;
                return false;
            }
            slot = (slot + 1) & mask;
        }
        _slots[slot] = index + 1;
        _hashes[slot] = hash;
        first = index;
        if (++Count > _slots.Length / 4 * 3)
        {
            Grow();
        }
        return true;
    }

    /// <summary>The index of the record whose key is <paramref name="key"/>.</summary>
    public bool TryFind(ReadOnlySpan<char> key, out int index)
    {
        var hash = string.GetHashCode(key);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] != 0)
        {
            if (_hashes[slot] == hash && key.SequenceEqual(_keyOf(_records[_slots[slot] - 1])))
            {
                index = _slots[slot] - 1;
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
        var kept = new List<int>(Count);
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            if (_slots[slot] != 0 && _slots[slot] - 1 < count)
            {
                kept.Add(slot);
            }
        }
        var slots = _slots;
        var hashes = _hashes;
        _slots = new int[slots.Length];
        _hashes = new int[hashes.Length];
        Count = kept.Count;
        foreach (var slot in kept)
        {
            Place(slots[slot], hashes[slot]);
        }
    }

    private void Grow()
    {
        var slots = _slots;
        var hashes = _hashes;
        _slots = new int[slots.Length * 2];
        _hashes = new int[hashes.Length * 2];
        for (var slot = 0; slot < slots.Length; slot++)
        {
            if (slots[slot] != 0)
            {
                Place(slots[slot], hashes[slot]);
            }
        }
    }

    private void Place(int entry, int hash)
    {
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }
        _slots[slot] = entry;
        _hashes[slot] = hash;
    }
}
