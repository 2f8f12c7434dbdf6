using System.Runtime.CompilerServices;

namespace Compliance.Engine.Findings;

/// <summary>
/// The order of a run's findings: by subject, then rule (ordinal), which is total, as a subject has at most one
/// finding per rule. The slices of a judgement sort their own findings on the threads that judged them, and
/// <see cref="Merge"/> joins them in one pass over a heap of the slices' heads: one sort of the whole list after
/// judging ran on one core while the other had nothing left to do.
/// </summary>
internal sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    private FindingOrder()
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        var bySubject = string.CompareOrdinal(x.Subject, y.Subject);
        return bySubject != 0 ? bySubject : string.CompareOrdinal(x.Rule, y.Rule);
    }

    /// <summary>
    /// Appends to <paramref name="into"/> the findings of <paramref name="runs"/>, each already in this order, in
    /// this order; should two compare equal, the one of the earlier run comes first, as in a stable sort of the
    /// runs one after another.
    /// </summary>
    public static void Merge(IReadOnlyList<IReadOnlyList<Finding>> runs, List<Finding> into)
    {
        var total = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            total += runs[r].Count;
        }
        into.Capacity = Math.Max(into.Capacity, into.Count + total);
        var heads = new PriorityQueue<int, Head>(runs.Count, HeadOrder.Instance);
        var next = new int[runs.Count];
        for (var r = 0; r < runs.Count; r++)
        {
            if (runs[r].Count > 0)
            {
                heads.Enqueue(r, new Head(runs[r][0], r));
            }
        }
        while (heads.TryPeek(out var r, out var head))
        {
            into.Add(head.Finding);
            var run = runs[r];
            if (++next[r] < run.Count)
            {
                heads.DequeueEnqueue(r, new Head(run[next[r]], r));
            }
            else
            {
                heads.Dequeue();
            }
        }
    }

    /// <summary>
    /// Puts <paramref name="finding"/> into <paramref name="sorted"/>, which is in this order, where it belongs: after
    /// any that compare equal to it. For a few findings added to many (the warning talks' to the parts'): a search
    /// and a move of references, where a merge would compare every finding once more.
    /// </summary>
    public static void Insert(List<Finding> sorted, Finding finding)
    {
        var low = 0;
        var high = sorted.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Instance.Compare(sorted[middle], finding) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        sorted.Insert(low, finding);
    }

    private readonly record struct Head(Finding Finding, int Run);

    private sealed class HeadOrder : IComparer<Head>
    {
        public static readonly HeadOrder Instance = new();

        public int Compare(Head x, Head y)
        {
            var byFinding = FindingOrder.Instance.Compare(x.Finding, y.Finding);
            return byFinding != 0 ? byFinding : x.Run.CompareTo(y.Run);
        }
    }
}
