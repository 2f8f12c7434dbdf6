using Compliance.Engine.Evaluation;
using NRules.Fluent.Dsl;

namespace Compliance.Rules.CrossRecord;

/// <summary>checks.md step 9 (fee.duplicate): the same fee charged again on the same case.</summary>
[Name("fee.duplicate")]
public sealed class DuplicateChargeRule : Rule
{
    public override void Define()
    {
        IEnumerable<ChargeFacts> group = default!;

        When()
            .Query(() => group, q => q
                .Match<ChargeFacts>(c => c.CaseId != null)
                .GroupBy(c => c.CaseId + "\u001f" + c.FeeCode)
                .Where(g => g.Count() > 1)
                .Select(g => (IEnumerable<ChargeFacts>)g));

        Then()
            .Yield(_ => Order(group));
    }

    private static DuplicateChargeGroup Order(IEnumerable<ChargeFacts> group)
    {
        var ordered = group
            .OrderBy(c => c.ChargedOn)
            .ThenBy(c => c.ChargeId, StringComparer.Ordinal)
            .ToList();
        return new DuplicateChargeGroup(ordered[0].CaseId!, ordered[0].FeeCode, ordered);
    }
}
