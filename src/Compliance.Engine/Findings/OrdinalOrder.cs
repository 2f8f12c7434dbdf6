using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Findings;

/// <summary>
/// Strings in ordinal order, for the lists summary.json sorts itself (orphan charges, subjects per uncovered
/// year), which reach hundreds of thousands on a full run. A list already in order costs one pass; a large one is
/// sorted in slices on all cores, as packed keys (<see cref="OrdinalKey"/>), and the slices merged by
/// <see cref="Merge"/>. Ordinal order has no ties between different strings, so the result is exactly that of one
/// sort.
/// </summary>
internal static class OrdinalOrder
{
    // Below this a single sort takes a few milliseconds, less than starting work on other threads.
    private const int ParallelFrom = 32 * 1024;

    /// <summary><paramref name="values"/> in ordinal order: the list itself when it is in order already, else a sorted copy.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> values)
    {
        if (IsOrdered(values))
        {
            return values;
        }
        var items = values.ToArray();
        var slices = Math.Min(Environment.ProcessorCount, 8);
        if (items.Length < ParallelFrom || slices < 2)
        {
            Array.Sort(items, StringComparer.Ordinal);
            return items;
        }
        var runs = new OrdinalKey[slices][];
        Parallel.For(0, slices, s =>
        {
            var from = (int)((long)items.Length * s / slices);
            var to = (int)((long)items.Length * (s + 1) / slices);
            var run = new OrdinalKey[to - from];
            for (var i = 0; i < run.Length; i++)
            {
                run[i] = new OrdinalKey(items[from + i]);
            }
            Array.Sort(run);
            runs[s] = run;
        });
        var merged = Merge(runs);
        var texts = new string[merged.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = merged[i].Text;
        }
        return texts;
    }

    /// <summary>
    /// One list of <paramref name="runs"/>, each already in ordinal order: what a sort of all of them gives, for
    /// lists that were sorted where they were made (on the threads that made them).
    /// </summary>
    /// <remarks>
    /// One pass with a heap of the runs' heads, not rounds of pairwise merges: with a hundred runs of hundreds of
    /// thousands of ids, each round read every id's text again from memory, while the heap compares only the heads.
    /// The runs come as packed keys, and go as keys, so that no id's text is read at all, here or where the ids are
    /// written (<see cref="OrdinalKey.TryCopyAscii"/>): the ids lie all over memory, a cache miss apiece.
    /// </remarks>
    public static MergedKeys Merge(IReadOnlyList<OrdinalKey[]> runs)
    {
        // Sized once: hundreds of thousands of ids, gathered without the doublings of a growing buffer.
        var places = WrittenArray.Of<long>(runs.Sum(r => r.Length));
        var heads = new PriorityQueue<int, OrdinalKey>(runs.Count);
        var next = new int[runs.Count];
        for (var r = 0; r < runs.Count; r++)
        {
            if (runs[r].Length > 0)
            {
                heads.Enqueue(r, runs[r][0]);
            }
        }
        var at = 0;
        while (heads.TryPeek(out var r, out var head))
        {
            places[at++] = MergedKeys.Place(r, next[r]);
            var run = runs[r];
            if (++next[r] < run.Length)
            {
                heads.DequeueEnqueue(r, run[next[r]]);
            }
            else
            {
                heads.Dequeue();
            }
        }
        return new MergedKeys(runs, places);
    }

    private static bool IsOrdered(IReadOnlyList<string> values) => values switch
    {
        string[] array => IsOrdered(array),
        List<string> list => IsOrdered(CollectionsMarshal.AsSpan(list)),
        _ => IsOrdered(values.ToArray()),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsOrdered(ReadOnlySpan<string> items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (string.CompareOrdinal(items[i - 1], items[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }
}
