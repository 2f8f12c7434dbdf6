using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Compliance.Engine.Findings;

/// <summary>
/// Strings in ordinal order, for the lists summary.json sorts itself (orphan charges, subjects per uncovered
/// year), which reach hundreds of thousands on a full run. A list already in order costs one pass; a large one is
/// sorted in slices on all cores and the slices merged. Ordinal order has no ties between different strings, so
/// the result is exactly that of one sort.
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
        var bounds = Enumerable.Range(0, slices + 1).Select(s => (int)((long)items.Length * s / slices)).ToArray();
        Parallel.For(0, slices, s => Array.Sort(items, bounds[s], bounds[s + 1] - bounds[s], StringComparer.Ordinal));
        return MergeRuns(items, bounds);
    }

    /// <summary>
    /// One list of <paramref name="runs"/>, each already in ordinal order: what a sort of all of them gives, for
    /// lists that were sorted where they were made (on the threads that made them).
    /// </summary>
    /// <remarks>
    /// One pass with a heap of the runs' heads, not rounds of pairwise merges: with a hundred runs of hundreds of
    /// thousands of ids, each round read every id's text again from memory, while the heap compares only the heads.
    /// The runs come as packed keys, so that no id's text is read at all: the ids lie all over memory, a cache miss
    /// apiece.
    /// </remarks>
    public static string[] Merge(IReadOnlyList<OrdinalKey[]> runs)
    {
        // Sized once: hundreds of thousands of ids, gathered without the doublings of a growing buffer.
        var items = new string[runs.Sum(r => r.Length)];
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
            items[at++] = head.Text;
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
        return items;
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

    // Neighbouring sorted runs are merged pairwise, round after round, each round's pairs in parallel.
    private static string[] MergeRuns(string[] items, int[] bounds)
    {
        var source = items;
        var target = new string[items.Length];
        while (bounds.Length > 2)
        {
            var runs = bounds.Length - 1;
            var from = source;
            var into = target;
            var edges = bounds;
            Parallel.For(0, (runs + 1) / 2, pair =>
            {
                var left = 2 * pair;
                if (left + 1 < runs)
                {
                    Merge(from, edges[left], edges[left + 1], edges[left + 2], into);
                }
                else
                {
                    Array.Copy(from, edges[left], into, edges[left], edges[left + 1] - edges[left]);
                }
            });
            bounds = [.. bounds.Where((_, i) => i % 2 == 0 || i == bounds.Length - 1).Distinct()];
            (source, target) = (target, source);
        }
        return source;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Merge(string[] from, int start, int middle, int end, string[] into)
    {
        // Exports tend to issue ids in sequence, so slices of a feed often follow one another already: then the
        // pair is one run, and copying it saves comparing every id of both.
        if (string.CompareOrdinal(from[middle - 1], from[middle]) <= 0)
        {
            Array.Copy(from, start, into, start, end - start);
            return;
        }
        int left = start, right = middle, next = start;
        while (left < middle && right < end)
        {
            into[next++] = string.CompareOrdinal(from[left], from[right]) <= 0 ? from[left++] : from[right++];
        }
        Array.Copy(from, left, into, next, middle - left);
        next += middle - left;
        Array.Copy(from, right, into, next, end - right);
    }
}
