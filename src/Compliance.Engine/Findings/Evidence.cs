using System.Collections;

namespace Compliance.Engine.Findings;

/// <summary>
/// The working behind a finding, in the order it was written, so that the JSON is the same byte for byte on
/// every run. Values are string, int, long, bool, decimal (yuan), DateOnly, a list of those, or nested Evidence.
/// </summary>
public sealed class Evidence : IReadOnlyList<KeyValuePair<string, object?>>
{
    // Most evidence has ten to twenty entries: starting there spares the list's growing copies.
    private readonly List<KeyValuePair<string, object?>> _items = new(12);

    public int Count => _items.Count;

    public KeyValuePair<string, object?> this[int index] => _items[index];

    public Evidence Add(string key, object? value)
    {
        _items.Add(new(key, value));
        return this;
    }

    public bool TryGet(string key, out object? value) => TryGet(key.AsSpan(), out value);

    public bool TryGet(ReadOnlySpan<char> key, out object? value)
    {
        foreach (var (k, v) in _items)
        {
            if (key.SequenceEqual(k))
            {
                value = v;
                return true;
            }
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
