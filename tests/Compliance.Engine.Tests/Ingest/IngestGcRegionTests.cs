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
}
