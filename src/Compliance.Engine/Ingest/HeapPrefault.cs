using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Maps the pages just ahead of where a thread allocates, a couple of megabytes per system call, while a no-GC
/// region is held (<see cref="IngestGcRegion"/>). There every object lands on memory the process has never
/// touched, and on a virtual machine the first touch of a page is dear: on the machine this was measured on, about
/// 12 µs, a third of a 1M-case check's processor time. About 7 µs of it is the page fault, which leaves the guest;
/// the rest is the hypervisor mapping the page on its first write, which nothing here avoids. Asking the kernel to
/// populate the pages ahead (<c>madvise(MADV_POPULATE_WRITE)</c>, Linux 5.14) maps them in one call without a
/// fault each: a C test there touched 600 MiB of fresh memory in 1.78 s page by page and in 0.90 s populated first.
/// </summary>
/// <remarks>
/// <para>
/// Populating changes no byte: the pages read as zeros, as the first touch would have made them. It only moves
/// when the kernel maps them. A wrong guess costs memory, not correctness: populated pages the collector never
/// uses stay resident. So a thread populates at most <see cref="Ahead"/> past the object it allocated last, and
/// never past the end of the collector's region that holds it (regions are aligned to their size, 4 MiB unless
/// configured otherwise; a smaller configured size only lets a guess run into the next region). A range the
/// collector has not committed fails the call (EINVAL) without harm; so does everything on a kernel without the
/// advice, at one cheap call per megabyte.
/// </para>
/// <para>
/// The address of an object is only a hint here, read and dropped at once, so a collection that moves the object
/// meanwhile does no harm either. Nor does populating after the collector ended a region itself (its budget ran
/// out) and before <see cref="IngestGcRegion"/> notices: pages the collector reuses are mapped already, and the call
/// then costs a walk of their page table.
/// </para>
/// </remarks>
internal static partial class HeapPrefault
{
    /// <summary>How far past the last allocated object a thread's pages are populated.</summary>
    internal const int Ahead = 2 << 20;

    private const int MadvPopulateWrite = 23;
    private const nuint PageSize = 4096;
    private const nuint RegionSize = 4 << 20;

    private static volatile bool s_enabled;
    private static volatile bool s_unavailable;

    // End of the range this thread populated last; pages below it, down to where the thread allocates, are mapped.
    [ThreadStatic]
    private static nuint t_populatedTo;

    /// <summary>Whether threads populate ahead; set while a no-GC region is held, and only on Linux.</summary>
    public static bool Enabled
    {
        get => s_enabled;
        set => s_enabled = value && OperatingSystem.IsLinux() && !s_unavailable;
    }

    /// <summary>
    /// Call now and then (every few kilobytes of allocation) with an object the calling thread has just allocated:
    /// populates the pages ahead of it when fewer than half of <see cref="Ahead"/> are mapped already.
    /// </summary>
    public static void After(object justAllocated)
    {
        if (!s_enabled)
        {
            return;
        }
        var (from, to) = NextRange((nuint)Unsafe.As<object, nint>(ref justAllocated), t_populatedTo);
        if (to > from)
        {
            Populate(from, to);
            t_populatedTo = to;
        }
    }

    /// <summary>
    /// Populates an array's whole pages before it is first written. Meant for large arrays, which the collector
    /// places on pages of their own; a small one's pages are its neighbours', populated or not by <see cref="After"/>.
    /// </summary>
    public static unsafe void Array<T>(T[] array)
    {
        if (!s_enabled || array.Length == 0)
        {
            return;
        }
        var start = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        var end = start + (nuint)array.Length * (nuint)Unsafe.SizeOf<T>();
        Populate(AlignUp(start), AlignDown(end));
    }

    /// <summary>
    /// The pages to populate for a thread that allocated at <paramref name="address"/> and populated up to
    /// <paramref name="populatedTo"/> before: empty (<c>From == To</c>) while at least half of <see cref="Ahead"/> is
    /// mapped; otherwise from where populating stopped (or the next page, when that was in another region) to
    /// <see cref="Ahead"/> past the address, but not past the end of its region.
    /// </summary>
    internal static (nuint From, nuint To) NextRange(nuint address, nuint populatedTo)
    {
        var regionEnd = RegionEnd(address);
        var from = populatedTo > address && populatedTo <= regionEnd ? populatedTo : AlignUp(address);
        var to = Math.Min(regionEnd, AlignDown(address + Ahead));
        return from - address >= Ahead / 2 || to <= from ? (from, from) : (from, to);
    }

    /// <summary>Populates whole pages from <paramref name="from"/> to <paramref name="to"/>; false when the kernel refused.</summary>
    internal static bool Populate(nuint from, nuint to)
    {
        if (to <= from)
        {
            return true;
        }
        if (s_unavailable)
        {
            return false;
        }
        try
        {
            // A refusal (memory the collector has not committed, or an older kernel) leaves the pages to be faulted in.
            return Madvise((nint)from, to - from, MadvPopulateWrite) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library this runtime cannot bind by that name: the run goes on, faulting its pages in.
            s_unavailable = true;
            Enabled = false;
            return false;
        }
    }

    private static nuint RegionEnd(nuint address) => (address | (RegionSize - 1)) + 1;

    private static nuint AlignUp(nuint address) => (address + PageSize - 1) & ~(PageSize - 1);

    private static nuint AlignDown(nuint address) => address & ~(PageSize - 1);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
