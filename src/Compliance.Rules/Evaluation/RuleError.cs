namespace Compliance.Rules.Evaluation;

/// <summary>A rule that failed while it ran on a record: an error with file and rule name, never a finding.</summary>
public sealed record RuleError(string File, int Line, string Rule, string Subject, string Message)
{
    public override string ToString() => $"{File}:{Line}: rule {Rule} failed on {Subject}: {Message}";
}
