namespace Compliance.Engine.Tests;

/// <summary>What making one object costs on the heap, as the collector counts the calling thread's allocations.</summary>
internal static class AllocatedBytes
{
    /// <summary>
    /// Bytes allocated per call of <paramref name="make"/>, over a thousand calls whose results are kept (so that
    /// none is optimised away); <paramref name="make"/> should allocate nothing but its result.
    /// </summary>
    public static long Each<T>(Func<T> make)
    {
        var made = new T[1000];
        make();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < made.Length; i++)
        {
            made[i] = make();
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before) / made.Length;
    }
}
