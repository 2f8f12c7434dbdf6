using System.Collections;

namespace Compliance.Engine.Findings;

/// <summary>
/// The working behind a finding, in the order it was written, so that the JSON is the same byte for byte on
/// every run. Values are string, int, long, bool, decimal (yuan), DateOnly, a list of those, or nested Evidence.
/// </summary>
public sealed class Evidence : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _items = [];

    public int Count => _items.Count;

    public KeyValuePair<string, object?> this[int index] => _items[index];

    public Evidence Add(string key, object? value)
    {
        _items.Add(new(key, value));
        return this;
    }

    public bool TryGet(string key, out object? value)
    {
        foreach (var (k, v) in _items)
        {
            if (k == key)
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
