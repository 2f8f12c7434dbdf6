using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A hash of short text for the ingest tables (string pools, keys): eight bytes per step, where the general
/// string hash goes two chars at a time, which shows across tens of millions of values. Seeded per process, like
/// <see cref="string.GetHashCode()"/>, so that a feed cannot be made to collide on purpose; nothing that is
/// written depends on it.
/// </summary>
internal static class TextHash
{
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Of(ReadOnlySpan<char> text)
    {
        var bytes = MemoryMarshal.AsBytes(text);
        var h = Seed ^ ((ulong)bytes.Length * 0x9E3779B97F4A7C15);
        while (bytes.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCD;
            h ^= h >> 32;
            bytes = bytes[8..];
        }
        if (bytes.Length >= 4)
        {
            h = (h ^ BinaryPrimitives.ReadUInt32LittleEndian(bytes)) * 0xFF51AFD7ED558CCD;
            h ^= h >> 32;
            bytes = bytes[4..];
        }
        if (bytes.Length >= 2)
        {
            h = (h ^ BinaryPrimitives.ReadUInt16LittleEndian(bytes)) * 0xFF51AFD7ED558CCD;
        }
        // Final mix (MurmurHash3's), so that the low bits a table masks depend on every input bit.
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        h ^= h >> 33;
        return (int)h;
    }
}
