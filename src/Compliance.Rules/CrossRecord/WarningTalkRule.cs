using NRules.Fluent.Dsl;

namespace Compliance.Rules.CrossRecord;

/// <summary>unit.warning-talk: at least N red findings that occurred in the window, per unit.</summary>
[Name("unit.warning-talk")]
public sealed class WarningTalkRule : Rule
{
    public override void Define()
    {
        WarningTalkPolicy policy = default!;
        IEnumerable<RedFinding> reds = default!;

        When()
            .Match(() => policy)
            .Query(() => reds, q => q
                .Match<RedFinding>(f => f.Unit != "", f => f.OccurredOn >= policy.WindowFrom, f => f.OccurredOn <= policy.AsOf)
                .GroupBy(f => f.Unit)
                .Where(g => g.Count() >= policy.RedFindings)
                .Select(g => (IEnumerable<RedFinding>)g));

        Then()
            .Yield(_ => new WarningTalkProposal(reds.First().Unit, reds.ToList()));
    }
}
