using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

public class OrdinalOrderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(100_003)]
    public void Of_ShuffledStrings_SameAsOneOrdinalSort(int count)
    {
        var random = new Random(count);
        var text = new VariedFindings(seed: count);
        var values = Enumerable.Range(0, count)
            .Select(i => random.Next(3) switch
            {
                0 => $"JK{random.Next(1_000_000):D12}",
                1 => text.Text(2),
                _ => i % 7 == 0 ? "B" : "a",
            })
            .ToList();

        OrdinalOrder.Of(values).Should().Equal(values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_AlreadyOrdered_KeepsTheOrder()
    {
        string[] values = ["A", "B", "a", "b", "办件"];

        OrdinalOrder.Of(values).Should().Equal(values);
    }

    [Fact]
    public void Of_AlreadyOrderedList_ThatListNotACopy()
    {
        List<string> values = ["JK01", "JK02", "JK10"];

        OrdinalOrder.Of(values).Should().BeSameAs(values, "hundreds of thousands of orphan ids are not copied to be written");
    }

    [Fact]
    public void Merge_SortedRuns_SameAsOneOrdinalSort()
    {
        var random = new Random(7);
        var runs = Enumerable.Range(0, 9)
            .Select(r => Enumerable.Range(0, r * 37).Select(_ => $"JK{random.Next(1_000_000):D12}").Order(StringComparer.Ordinal).ToList())
            .Append(["办件", "B", "a"])
            .ToList();
        runs[^1].Sort(StringComparer.Ordinal);

        OrdinalOrder.Merge(Keys(runs)).Select(k => k.Text).Should().Equal(runs.SelectMany(r => r).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Merge_RunsFollowingEachOtherOrOverlappingAtTheEdge_SameAsOneOrdinalSort()
    {
        // Runs in sequence (ids issued in order), and runs whose last and first ids are equal or cross by one.
        List<List<string>> runs =
        [
            ["JK01", "JK02", "JK03"],
            ["JK04", "JK05"],
            ["JK05", "JK06"],
            ["JK055", "JK07"],
            [],
            ["JK08"],
            ["JK00", "JK09"],
        ];

        OrdinalOrder.Merge(Keys(runs)).Select(k => k.Text).Should().Equal(runs.SelectMany(r => r).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Merge_NoRunsOrEmptyRuns_Empty()
    {
        OrdinalOrder.Merge([]).Should().BeEmpty();
        OrdinalOrder.Merge([[], []]).Should().BeEmpty();
    }

    private static OrdinalKey[][] Keys(IEnumerable<List<string>> runs) => [.. runs.Select(r => r.Select(s => new OrdinalKey(s)).ToArray())];
}
