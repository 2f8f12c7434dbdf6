using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Shares one string instance per distinct short value (unit, item and fee codes, types, labels, names), which
/// repeat across millions of rows. Lookup is by span, so a value already seen costs no allocation. Not thread-safe:
/// each parser has its own pools.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longer values are rarely repeated codes; pooling them would only grow the pool.</summary>
    private const int MaxPooledLength = 64;

    private const int MaxEntries = 1 << 18;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool()
    {
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

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
        if (_lookup.TryGetValue(value, out var pooled))
        {
            return pooled;
        }
        var s = value.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(s, s);
        }
        return s;
    }
}
