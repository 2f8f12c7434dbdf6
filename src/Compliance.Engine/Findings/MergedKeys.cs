using System.Collections;

namespace Compliance.Engine.Findings;

/// <summary>
/// Sorted runs of keys read in merged order (<see cref="OrdinalOrder.Merge"/>): for each place, which run and which
/// key of it, packed in a long. A check holds every byte it allocates, and a copy of hundreds of thousands of keys
/// would take three times the room of these places.
/// </summary>
internal sealed class MergedKeys : IReadOnlyList<OrdinalKey>
{
    private readonly IReadOnlyList<OrdinalKey[]> _runs;
    private readonly long[] _places;

    public MergedKeys(IReadOnlyList<OrdinalKey[]> runs, long[] places)
    {
        _runs = runs;
        _places = places;
    }

    public int Count => _places.Length;

    public OrdinalKey this[int index]
    {
        get
        {
            var place = _places[index];
            return _runs[(int)(place >> 32)][(int)place];
        }
    }

    public static long Place(int run, int index) => ((long)run << 32) | (uint)index;

    public IEnumerator<OrdinalKey> GetEnumerator()
    {
        for (var i = 0; i < _places.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
