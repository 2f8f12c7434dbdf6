using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Rules.Evaluation;

/// <summary>Judges feeds against a compiled rule set, as of one date.</summary>
public sealed class Checker
{
    private Checker()
    {
    }

    /// <summary>Compiles every workflow of the rule set and the built-in rules; throws <see cref="RuleSetException"/> on any problem.</summary>
    public static Checker Create(RuleSet ruleSet) =>
        throw new NotImplementedException("Checker is being written (evaluation).");

    public CheckResult Check(FeedData data, DateOnly asOf) =>
        throw new NotImplementedException("Checker is being written (evaluation).");
}
