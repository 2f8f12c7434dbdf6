using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class WrittenArrayTests
{
    [Fact]
    public void Of_MemoryReusedFromDroppedArrays_IsAllZero()
    {
        // Uninitialised arrays of this size may come back on memory a dropped array left full of ones.
        for (var round = 0; round < 20; round++)
        {
            Litter();
            GC.Collect();
            var array = WrittenArray.Of<long>(4096);

            array.Should().HaveCount(4096).And.OnlyContain(x => x == 0);
        }
    }

    private static void Litter()
    {
        for (var i = 0; i < 64; i++)
        {
            GC.AllocateUninitializedArray<long>(4096).AsSpan().Fill(-1);
        }
    }
}
