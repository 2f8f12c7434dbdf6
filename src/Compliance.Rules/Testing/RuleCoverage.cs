namespace Compliance.Rules.Testing;

/// <summary>Per rule: did some test make it fire, and did some test judge a record it stayed silent on.</summary>
public sealed record RuleCoverage(string Rule, bool Fired, bool Silent)
{
    public int Points => (Fired ? 1 : 0) + (Silent ? 1 : 0);
}
