using System.Runtime;

namespace Compliance.Engine.Ingest;

/// <summary>
/// How the garbage collector is asked to treat a large read. Nearly everything reading allocates (records, ids,
/// names) lives until judging ends, so a collection during reading frees little and copies the rest from one
/// generation to the next: at a million cases, a quarter of reading's time. A large read therefore runs in a no-GC
/// region sized from its input, and ends with two full collections that do not compact: they free what reading
/// threw away and leave what it kept in place. Each collection ages what survives by one generation, so the second
/// is what puts the records in the oldest one, where the collections during judging pass them by (with one, they
/// stay in generation 1 and the first collection of judging must trace them all again).
/// </summary>
/// <remarks>
/// <para>
/// A one-shot run (<c>compliance check</c>: read, judge, write, exit) goes further with <see cref="StartRun"/>: one
/// region from before reading to the end, with no collection at all. Those two full collections are then the larger
/// part of the collector's work (they trace every record), and what judging and writing allocate besides is a
/// fraction of what reading keeps, so holding it all costs little memory beyond what the records take anyway.
/// When reading leaves too little of the budget for judging, the region ends there with the two collections, as
/// a read's does; when judging outruns what is left, the collector ends the region itself and collects as usual.
/// </para>
/// <para>
/// The region belongs to the whole process, so only one read (or run) at a time holds it; another read meanwhile
/// goes on with collections as usual, and so does a read inside a run that holds it. A read that allocates more
/// than its budget ends the region early, which leaves it where it would have been without one.
/// </para>
/// </remarks>
internal sealed class IngestGcRegion : IDisposable
{
    /// <summary>Below this the collections a read causes take milliseconds: not worth a full collection after it.</summary>
    internal const long MinInputBytes = 64L << 20;

    // Reading allocates about twice its input's bytes (text as UTF-16, the records); the rest is margin.
    private const int BudgetPerInputByte = 3;

    // Reading allocates about twice its input's bytes; judging and writing about half as much again (0.45-0.5 of
    // reading at 2% breaching), more with many findings. Setting the budget aside reserves address space and
    // commits nothing the run does not touch, so it may be generous.
    private const int RunBudgetPerInputByte = 4;

    /// <summary>What judging and writing are expected to allocate at most, as a share of what reading allocated.</summary>
    private const double JudgingShareOfRead = 0.6;

    private static int s_held;

    private readonly bool _collectAfter;
    private readonly long _budget;
    private readonly long _allocatedAtStart;
    private bool _ended;

    private IngestGcRegion(bool holding, bool collectAfter, long budget)
    {
        Holding = holding;
        _collectAfter = collectAfter;
        _budget = budget;
        _allocatedAtStart = holding ? GC.GetTotalAllocatedBytes() : 0;
    }

    /// <summary>Whether this read or run holds a no-GC region (false for a small input, or while another holds it).</summary>
    public bool Holding { get; }

    /// <summary>A read's region: it ends with the two full collections when the read is disposed.</summary>
    public static IngestGcRegion Start(long inputBytes) => Begin(inputBytes, BudgetPerInputByte, collectAfter: true);

    /// <summary>
    /// A one-shot run's region, from before reading until the process has written its output: call
    /// <see cref="ReadDone"/> once the feeds are read. Disposing it ends the region without collecting.
    /// </summary>
    public static IngestGcRegion StartRun(long inputBytes) => Begin(inputBytes, RunBudgetPerInputByte, collectAfter: false);

    /// <summary>
    /// After reading, in a run: keeps the region when what is left of its budget should carry judging; otherwise ends
    /// it with the two full collections of a read's region, so that judging starts from records already in the oldest
    /// generation.
    /// </summary>
    public void ReadDone()
    {
        if (!Holding || _ended)
        {
            return;
        }
        var read = GC.GetTotalAllocatedBytes() - _allocatedAtStart;
        if (InRegion() && _budget - read >= read * JudgingShareOfRead)
        {
            return;
        }
        End(collect: true);
    }

    public void Dispose()
    {
        if (!Holding || _ended)
        {
            return;
        }
        End(_collectAfter);
    }

    private static IngestGcRegion Begin(long inputBytes, int budgetPerInputByte, bool collectAfter)
    {
        if (inputBytes < MinInputBytes || Interlocked.CompareExchange(ref s_held, 1, 0) != 0)
        {
            return new IngestGcRegion(false, collectAfter, 0);
        }
        var budget = inputBytes * budgetPerInputByte;
        try
        {
            if (GC.TryStartNoGCRegion(budget))
            {
                HeapPrefault.Enabled = true;
                return new IngestGcRegion(true, collectAfter, budget);
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than the collector can set aside on this machine, or a region someone else started: read as usual.
        }
        Volatile.Write(ref s_held, 0);
        return new IngestGcRegion(false, collectAfter, 0);
    }

    private static bool InRegion() => GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    private void End(bool collect)
    {
        _ended = true;
        HeapPrefault.Enabled = false;
        try
        {
            if (InRegion())
            {
                GC.EndNoGCRegion();
            }
        }
        catch (InvalidOperationException)
        {
            // The budget ran out just now, which ended the region already.
        }
        if (collect)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
        Volatile.Write(ref s_held, 0);
    }
}
