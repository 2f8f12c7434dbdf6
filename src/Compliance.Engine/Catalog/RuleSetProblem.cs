namespace Compliance.Engine.Catalog;

/// <summary>One problem of a rule set, printed as <c>file:line:column: message</c>.</summary>
public sealed record RuleSetProblem(string File, int Line, int Column, string Message, string Severity = "error")
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
