using System.Runtime.InteropServices;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public sealed partial class HeapPrefaultTests
{
    private const nuint Page = 4096;
    private const nuint Region = 4 << 20;
    private const nuint Ahead = HeapPrefault.Ahead;

    // An address a little into a region, as the collector hands out: regions are aligned to their size.
    private static readonly nuint RegionStart = unchecked((nuint)0x7f00_0040_0000L);

    [Fact]
    public void NextRange_NothingPopulatedYet_RunsFromTheNextPageToAheadOfTheAddress()
    {
        var address = RegionStart + 100;

        var (from, to) = HeapPrefault.NextRange(address, 0);

        from.Should().Be(RegionStart + Page);
        to.Should().Be(RegionStart + Ahead);
    }

    [Fact]
    public void NextRange_HalfOfAheadStillPopulated_ReturnsNothing()
    {
        var address = RegionStart + Page;

        var (from, to) = HeapPrefault.NextRange(address, address + Ahead / 2);

        to.Should().Be(from);
    }

    [Fact]
    public void NextRange_LessThanHalfOfAheadLeft_ContinuesWherePopulatingStopped()
    {
        var address = RegionStart + Ahead / 2 + 8;
        var populatedTo = RegionStart + Ahead;

        var (from, to) = HeapPrefault.NextRange(address, populatedTo);

        from.Should().Be(populatedTo);
        to.Should().Be(RegionStart + Ahead + Ahead / 2, "Ahead past the address, rounded down to a page");
    }

    [Fact]
    public void NextRange_NearTheRegionsEnd_StopsThere()
    {
        var address = RegionStart + Region - Ahead / 4 + 40;

        var (from, to) = HeapPrefault.NextRange(address, 0);

        from.Should().Be(RegionStart + Region - Ahead / 4 + Page);
        to.Should().Be(RegionStart + Region);
    }

    [Fact]
    public void NextRange_PopulatedToTheRegionsEnd_ReturnsNothing()
    {
        var address = RegionStart + Region - 64;

        var (from, to) = HeapPrefault.NextRange(address, RegionStart + Region);

        to.Should().Be(from);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void NextRange_PopulatedMarkInAnotherRegion_StartsAfreshAtTheAddress(int regionsAway)
    {
        var address = RegionStart + 8 * Page + 16;
        var elsewhere = (nuint)((nint)RegionStart + regionsAway * (nint)Region + (nint)Ahead);

        var (from, to) = HeapPrefault.NextRange(address, elsewhere);

        from.Should().Be(RegionStart + 9 * Page);
        to.Should().Be(RegionStart + 8 * Page + Ahead);
    }

    [Fact]
    public void Populate_FreshMemory_MapsItsPages()
    {
        using var memory = new Mapping(64 * Page, writable: true);
        memory.ResidentPages().Should().Be(0, "an anonymous mapping has no pages until it is touched");

        var populated = HeapPrefault.Populate(memory.Start + 16 * Page, memory.Start + 48 * Page);

        populated.Should().BeTrue();
        memory.ResidentPages().Should().Be(32);
    }

    [Fact]
    public unsafe void Populate_WrittenPages_KeepsTheirBytes()
    {
        using var memory = new Mapping(8 * Page, writable: true);
        var bytes = new Span<byte>((void*)memory.Start, (int)(8 * Page));
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 7 + 3);
        }

        HeapPrefault.Populate(memory.Start, memory.Start + 8 * Page).Should().BeTrue();

        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i].Should().Be((byte)(i * 7 + 3));
        }
    }

    [Fact]
    public void Populate_MemoryNotCommitted_FailsWithoutMappingIt()
    {
        using var memory = new Mapping(16 * Page, writable: false);

        var populated = HeapPrefault.Populate(memory.Start, memory.Start + 16 * Page);

        populated.Should().BeFalse();
        memory.ResidentPages().Should().Be(0);
    }

    /// <summary>An anonymous mapping of its own, so that which of its pages are resident depends on the test alone.</summary>
    private sealed partial class Mapping : IDisposable
    {
        private const int ProtNone = 0;
        private const int ProtReadWrite = 3;
        private const int MapPrivateAnonymous = 0x02 | 0x20;

        private readonly nuint _length;

        public Mapping(nuint length, bool writable)
        {
            _length = length;
            var start = Mmap(0, length, writable ? ProtReadWrite : ProtNone, MapPrivateAnonymous, -1, 0);
            if (start == -1)
            {
                throw new InvalidOperationException("mmap failed");
            }
            Start = (nuint)start;
        }

        public nuint Start { get; }

        public int ResidentPages()
        {
            var pages = new byte[(int)(_length / Page)];
            if (Mincore((nint)Start, _length, pages) != 0)
            {
                throw new InvalidOperationException("mincore failed");
            }
            return pages.Count(p => (p & 1) != 0);
        }

        public void Dispose() => _ = Munmap((nint)Start, _length);

        [LibraryImport("libc", EntryPoint = "mmap")]
        private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

        [LibraryImport("libc", EntryPoint = "munmap")]
        private static partial int Munmap(nint address, nuint length);

        [LibraryImport("libc", EntryPoint = "mincore")]
        private static partial int Mincore(nint address, nuint length, [Out] byte[] pages);
    }
}
