using System.Runtime;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

/// <summary>A no-GC region is the whole process's: these tests run alone, so that no other test ends it or is held in it.</summary>
[Collection(ProcessGcCollection.Name)]
public sealed class IngestGcRegionTests
{
    [Fact]
    public void Start_SmallInput_LeavesTheCollectorAlone()
    {
        using var region = IngestGcRegion.Start(IngestGcRegion.MinInputBytes - 1);

        region.Holding.Should().BeFalse();
        GCSettings.LatencyMode.Should().NotBe(GCLatencyMode.NoGCRegion);
    }

    [Fact]
    public void Dispose_LargeInput_EndsTheRegionWithFullCollections()
    {
        var fullCollections = GC.CollectionCount(2);
        var region = IngestGcRegion.Start(IngestGcRegion.MinInputBytes);
        region.Holding.Should().BeTrue();
        GCSettings.LatencyMode.Should().Be(GCLatencyMode.NoGCRegion);

        var kept = new object();

        region.Dispose();

        GCSettings.LatencyMode.Should().NotBe(GCLatencyMode.NoGCRegion);
        GC.CollectionCount(2).Should().BeGreaterThanOrEqualTo(fullCollections + 2);
        GC.GetGeneration(kept).Should().Be(GC.MaxGeneration, "what the read kept ends in the oldest generation");
    }

    [Fact]
    public void Start_LargeInput_PopulatesPagesAheadUntilDisposed()
    {
        HeapPrefault.Enabled.Should().BeFalse();

        var region = IngestGcRegion.StartRun(IngestGcRegion.MinInputBytes);
        region.Holding.Should().BeTrue();
        HeapPrefault.Enabled.Should().BeTrue("in a no-GC region every allocation lands on fresh pages");

        region.Dispose();

        HeapPrefault.Enabled.Should().BeFalse();
    }

    [Fact]
    public void Start_WhileAnotherReadHoldsIt_ReadsWithoutARegion()
    {
        using var first = IngestGcRegion.Start(IngestGcRegion.MinInputBytes);
        using var second = IngestGcRegion.Start(IngestGcRegion.MinInputBytes);

        first.Holding.Should().BeTrue();
        second.Holding.Should().BeFalse();
    }

    [Fact]
    public void Dispose_BudgetRanOut_EndsWithoutThrowing()
    {
        var region = IngestGcRegion.Start(IngestGcRegion.MinInputBytes);
        region.Holding.Should().BeTrue();
        for (var i = 0; i < 512; i++)
        {
            GC.KeepAlive(new byte[1 << 20]);
        }
        GCSettings.LatencyMode.Should().NotBe(GCLatencyMode.NoGCRegion, "allocating past the budget ends the region");

        var dispose = region.Dispose;

        dispose.Should().NotThrow();
        using var next = IngestGcRegion.Start(IngestGcRegion.MinInputBytes);
        next.Holding.Should().BeTrue("the region is free again");
    }

    [Fact]
    public void ReadDone_RunWithBudgetToSpare_KeepsTheRegionWithoutCollecting()
    {
        using var run = IngestGcRegion.StartRun(IngestGcRegion.MinInputBytes);
        run.Holding.Should().BeTrue();
        // Starting a region collects to make room; from then on nothing should.
        var collections = GC.CollectionCount(0);
        GC.KeepAlive(new byte[1 << 20]);

        run.ReadDone();

        GCSettings.LatencyMode.Should().Be(GCLatencyMode.NoGCRegion, "the run goes on judging in the region");
        GC.CollectionCount(0).Should().Be(collections);
    }

    [Fact]
    public void ReadDone_ReadingUsedMostOfTheRunsBudget_EndsTheRegionWithFullCollections()
    {
        var run = IngestGcRegion.StartRun(IngestGcRegion.MinInputBytes);
        run.Holding.Should().BeTrue();
        // 170 MiB of a budget of 4 × 64 MiB: what is left is less than judging's expected 0.6 of it.
        for (var i = 0; i < 170; i++)
        {
            GC.KeepAlive(new byte[1 << 20]);
        }
        var fullCollections = GC.CollectionCount(2);
        var kept = new object();

        run.ReadDone();

        GCSettings.LatencyMode.Should().NotBe(GCLatencyMode.NoGCRegion);
        GC.CollectionCount(2).Should().BeGreaterThanOrEqualTo(fullCollections + 2);
        GC.GetGeneration(kept).Should().Be(GC.MaxGeneration);
        run.Dispose();
        using var next = IngestGcRegion.Start(IngestGcRegion.MinInputBytes);
        next.Holding.Should().BeTrue("the region is free again");
    }

    [Fact]
    public void Dispose_Run_EndsTheRegionWithoutCollecting()
    {
        var run = IngestGcRegion.StartRun(IngestGcRegion.MinInputBytes);
        run.ReadDone();
        var collections = GC.CollectionCount(0);

        run.Dispose();

        GCSettings.LatencyMode.Should().NotBe(GCLatencyMode.NoGCRegion);
        GC.CollectionCount(0).Should().Be(collections, "a one-shot run ends without tracing what it is about to drop");
    }

    [Fact]
    public void Start_ReadInsideARun_ReadsWithoutARegionOfItsOwn()
    {
        using var run = IngestGcRegion.StartRun(IngestGcRegion.MinInputBytes);
        var collections = GC.CollectionCount(2);

        using (var read = IngestGcRegion.Start(IngestGcRegion.MinInputBytes))
        {
            read.Holding.Should().BeFalse();
        }

        GC.CollectionCount(2).Should().Be(collections, "the read inside a run does not collect when it ends");
        GCSettings.LatencyMode.Should().Be(GCLatencyMode.NoGCRegion);
    }
}
