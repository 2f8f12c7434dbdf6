namespace Compliance.Engine.Catalog;

/// <summary>One problem of a rule set, printed as <c>file:line:column: message</c>.</summary>
public sealed record RuleSetProblem(string File, int Line, int Column, string Message, string Severity = "error")
{
    public const string ErrorSeverity = "error";
    public const string WarningSeverity = "warning";

    /// <summary>An error refuses the rule set; a warning is reported and the rule set is still used.</summary>
    public bool IsError => Severity == ErrorSeverity;

    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
