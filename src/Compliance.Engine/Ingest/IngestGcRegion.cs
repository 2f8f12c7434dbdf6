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
/// The region belongs to the whole process, so only one read at a time holds it; another read meanwhile goes on
/// with collections as usual. A read that allocates more than its budget ends the region early, which leaves it
/// where it would have been without one.
/// </remarks>
internal sealed class IngestGcRegion : IDisposable
{
    /// <summary>Below this the collections a read causes take milliseconds: not worth a full collection after it.</summary>
    internal const long MinInputBytes = 64L << 20;

    // Reading allocates about twice its input's bytes (text as UTF-16, the records); the rest is margin.
    private const int BudgetPerInputByte = 3;

    private static int s_held;

    private IngestGcRegion(bool holding) => Holding = holding;

    /// <summary>Whether this read runs in a no-GC region (false for a small input, or while another read holds it).</summary>
    public bool Holding { get; }

    public static IngestGcRegion Start(long inputBytes)
    {
        if (inputBytes < MinInputBytes || Interlocked.CompareExchange(ref s_held, 1, 0) != 0)
        {
            return new IngestGcRegion(false);
        }
        try
        {
            if (GC.TryStartNoGCRegion(inputBytes * BudgetPerInputByte))
            {
                return new IngestGcRegion(true);
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than the collector can set aside on this machine, or a region someone else started: read as usual.
        }
        Volatile.Write(ref s_held, 0);
        return new IngestGcRegion(false);
    }

    public void Dispose()
    {
        if (!Holding)
        {
            return;
        }
        try
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
        catch (InvalidOperationException)
        {
            // The budget ran out just now, which ended the region already.
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        Volatile.Write(ref s_held, 0);
    }
}
