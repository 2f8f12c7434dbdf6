namespace Compliance.Engine.Ingest;

/// <summary>
/// A large zeroed array whose memory is written once before it is used. A fresh array of the garbage collector's
/// large-object heap lies on pages the process has never touched; if the first touch is a read (a probe of an empty
/// hash table), the kernel maps its shared zero page there, and the first write then costs a second fault that
/// copies the page and flushes the other core's TLB by interrupt. Writing the zeros first makes it one fault per
/// page. On a 1M-case check the hash tables' copy-on-write faults were about 2.5% of the processor time. In a
/// run's no-GC region the pages are populated before they are written (<see cref="HeapPrefault.Array{T}"/>), which
/// takes even that one fault away.
/// </summary>
internal static class WrittenArray
{
    public static T[] Of<T>(int length)
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        HeapPrefault.Array(array);
        array.AsSpan().Clear();
        return array;
    }
}
