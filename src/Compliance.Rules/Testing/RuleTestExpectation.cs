using Newtonsoft.Json.Linq;

namespace Compliance.Rules.Testing;

/// <summary>A finding a rule test expects (or must not get): code and subject, optionally severity, day and evidence fields.</summary>
public sealed record RuleTestExpectation(string Rule, string Subject, string? Severity, string? OccurredOn, JObject? Evidence, int Line)
{
    public override string ToString() => $"{Rule} {Subject}" + (Severity is null ? "" : $" {Severity}") + (OccurredOn is null ? "" : $" {OccurredOn}");
}
