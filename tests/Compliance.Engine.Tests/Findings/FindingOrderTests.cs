using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

public class FindingOrderTests
{
    [Fact]
    public void Compare_SubjectFirstThenRule_Ordinal()
    {
        var order = FindingOrder.Instance;

        order.Compare(Some.Finding(subject: "case:B", rule: "a"), Some.Finding(subject: "case:a", rule: "b")).Should().BeNegative("ordinal: upper case before lower");
        order.Compare(Some.Finding(subject: "case:A", rule: "case.due-soon"), Some.Finding(subject: "case:A", rule: "case.overdue")).Should().BeNegative();
        order.Compare(Some.Finding(subject: "case:A2"), Some.Finding(subject: "case:A10")).Should().BePositive();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Merge_SortedRuns_SameAsOneSortOfAll(int seed)
    {
        var random = new Random(seed);
        string[] rules = ["case.overdue-statutory", "case.due-soon", "fee.abolished", "fee.duplicate"];
        var runs = Enumerable.Range(0, 12)
            .Select(r => Enumerable.Range(0, random.Next(0, 300))
                .Select(_ => Some.Finding(subject: $"case:XK-{random.Next(5_000):D5}", rule: rules[random.Next(rules.Length)]))
                .DistinctBy(f => (f.Subject, f.Rule))
                .ToList())
            .ToList();
        var distinct = runs.SelectMany(r => r).DistinctBy(f => (f.Subject, f.Rule)).ToHashSet();
        foreach (var run in runs)
        {
            run.RemoveAll(f => !distinct.Remove(f));
            run.Sort(FindingOrder.Instance);
        }
        var expected = runs.SelectMany(r => r).ToList();
        expected.Sort(FindingOrder.Instance);
        var merged = new List<Finding>();

        FindingOrder.Merge(runs, merged);

        merged.Should().Equal(expected, (a, b) => ReferenceEquals(a, b));
    }

    [Fact]
    public void Merge_EqualFindingsInSeveralRuns_EarlierRunFirst()
    {
        var first = Some.Finding(subject: "case:A");
        var second = Some.Finding(subject: "case:A");
        var third = Some.Finding(subject: "case:A");
        var merged = new List<Finding>();

        FindingOrder.Merge([[Some.Finding(subject: "case:0"), third], [], [first], [second, Some.Finding(subject: "case:B")]], merged);

        merged.Select(f => f.Subject).Should().Equal("case:0", "case:A", "case:A", "case:A", "case:B");
        merged[1].Should().BeSameAs(third);
        merged[2].Should().BeSameAs(first);
        merged[3].Should().BeSameAs(second);
    }

    [Fact]
    public void Merge_IntoListWithFindings_Appends()
    {
        var kept = Some.Finding(subject: "case:Z");
        var merged = new List<Finding> { kept };

        FindingOrder.Merge([[Some.Finding(subject: "case:A")], []], merged);

        merged.Select(f => f.Subject).Should().Equal("case:Z", "case:A");
    }

    [Fact]
    public void Insert_FindingsIntoSortedList_EachInItsPlaceAfterEqualOnes()
    {
        var tieFirst = Some.Finding(subject: "case:B");
        var tieSecond = Some.Finding(subject: "case:B");
        var sorted = new List<Finding> { Some.Finding(subject: "case:A"), tieFirst, Some.Finding(subject: "case:D") };

        FindingOrder.Insert(sorted, Some.Finding(subject: "unit:U01"));
        FindingOrder.Insert(sorted, tieSecond);
        FindingOrder.Insert(sorted, Some.Finding(subject: "case:C"));
        FindingOrder.Insert(sorted, Some.Finding(subject: "case:0"));

        sorted.Select(f => f.Subject).Should().Equal("case:0", "case:A", "case:B", "case:B", "case:C", "case:D", "unit:U01");
        sorted[2].Should().BeSameAs(tieFirst);
        sorted[3].Should().BeSameAs(tieSecond);
    }

    [Fact]
    public void Insert_IntoEmptyList_TheOneFinding()
    {
        var sorted = new List<Finding>();

        FindingOrder.Insert(sorted, Some.Finding(subject: "unit:U01"));

        sorted.Select(f => f.Subject).Should().Equal("unit:U01");
    }
}
