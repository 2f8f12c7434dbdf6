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
}
