using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class CaseFinderTests
{
    [Fact]
    public void Find_RowsInTheCasesOrder_KeepsLookingNearTheLastFound()
    {
        var lookups = new Lookups(positions: Enumerable.Range(0, 50).ToArray());

        lookups.FindAll();

        lookups.Near.Should().Equal(Enumerable.Range(-1, 50));
    }

    [Fact]
    public void Find_RowsInNoOrder_StopsLookingNearButNowAndThen()
    {
        // Each row names a case far from the one before.
        var lookups = new Lookups(positions: Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? i * 10 : 5000 - i * 10).ToArray());

        lookups.FindAll();

        var near = lookups.Near.Skip(1).Select(n => n >= 0).ToList();
        near.Take(8).Should().AllSatisfy(tried => tried.Should().BeTrue(), "the first misses lower the sense one by one");
        near.Skip(9).Count(tried => tried).Should().BeInRange(5, 7, "then one look in 32 is still made near");
    }

    [Fact]
    public void Find_RowsComingBackToTheCasesOrder_LooksNearAgain()
    {
        var positions = Enumerable.Range(0, 100).Select(i => i * 100).Concat(Enumerable.Range(10_000, 400)).ToArray();
        var lookups = new Lookups(positions);

        lookups.FindAll();

        lookups.Near.TakeLast(50).Should().OnlyContain(n => n >= 0);
    }

    [Fact]
    public void Find_UnknownCase_NextLookStartsFromTheLastFound()
    {
        var lookups = new Lookups(positions: [4, -1, 5]);

        lookups.FindAll();

        lookups.Near.Should().Equal(-1, 4, 4);
        lookups.Found.Should().Equal(4, -1, 5);
    }

    [Fact]
    public void LooksNear_BeforeAnyFindThenInOrderThenInNoOrder_NoYesNo()
    {
        var lookups = new Lookups(positions: [.. Enumerable.Range(0, 20), .. Enumerable.Range(1, 20).Select(i => i * 100)]);
        var finder = new CaseFinder(lookups.Lookup);
        var before = finder.LooksNear;

        lookups.FindSome(finder, 20);
        var inOrder = finder.LooksNear;
        lookups.FindSome(finder, 20);

        before.Should().BeFalse();
        inOrder.Should().BeTrue();
        finder.LooksNear.Should().BeFalse();
    }

    /// <summary>A case table where row i names the case at positions[i] (-1: unknown), recording what was asked.</summary>
    private sealed class Lookups(int[] positions)
    {
        private int _row;

        public List<int> Near { get; } = [];

        public List<int> Found { get; } = [];

        public void FindAll() => FindSome(new CaseFinder(Lookup), positions.Length);

        /// <summary>The next <paramref name="rows"/> rows.</summary>
        public void FindSome(CaseFinder finder, int rows)
        {
            for (var end = _row + rows; _row < end; _row++)
            {
                finder.Find("C", out var index);
                Found.Add(index);
            }
        }

        public string? Lookup(ReadOnlySpan<char> caseId, int near, out int index)
        {
            Near.Add(near);
            index = positions[_row];
            return index < 0 ? null : "C";
        }
    }
}
