using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

public class CheckResultTests
{
    [Fact]
    public void OrphanChargesInOrder_FilledOutOfOrder_SortedOnce()
    {
        var result = new CheckResult { Findings = [] };
        result.OrphanCharges.AddRange(["C2", "C10", "C1"]);

        var first = result.OrphanChargesInOrder;

        first.Should().Equal("C1", "C10", "C2");
        result.OrphanChargesInOrder.Should().BeSameAs(first, "the summary and the console share one ordering");
        result.OrphanCharges.Should().Equal("C2", "C10", "C1");
    }

    [Fact]
    public void OrphanChargesInOrder_MarkedOrdered_TheListItself()
    {
        var result = new CheckResult { Findings = [] };
        result.OrphanCharges.AddRange(["C1", "C2"]);

        result.OrphanChargesOrdered();

        result.OrphanChargesInOrder.Should().BeSameAs(result.OrphanCharges);
    }

    [Fact]
    public void OrphanKeysInOrder_GivenWithTheOrderedList_TheKeys()
    {
        var result = new CheckResult { Findings = [] };
        result.OrphanCharges.AddRange(["C1", "C2"]);
        OrdinalKey[] keys = [new("C1"), new("C2")];

        result.OrphanChargesOrdered(keys);

        result.OrphanKeysInOrder.Should().BeSameAs(keys);
    }

    [Fact]
    public void OrphanKeysInOrder_ListGrownSince_Null()
    {
        var result = new CheckResult { Findings = [] };
        result.OrphanCharges.AddRange(["C1", "C2"]);
        result.OrphanChargesOrdered([new("C1"), new("C2")]);

        result.OrphanCharges.Add("C3");

        result.OrphanKeysInOrder.Should().BeNull("the keys no longer say what the list holds");
    }

    [Fact]
    public void OrphanKeysInOrder_MarkedOrderedWithoutKeys_Null()
    {
        var result = new CheckResult { Findings = [] };
        result.OrphanCharges.Add("C1");

        result.OrphanChargesOrdered();

        result.OrphanKeysInOrder.Should().BeNull();
    }
}
