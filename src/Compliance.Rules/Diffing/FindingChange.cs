using Compliance.Engine.Findings;

namespace Compliance.Rules.Diffing;

/// <summary>One finding that a rule change makes appear, disappear or change severity (Before/After null when absent).</summary>
public sealed record FindingChange(string Kind, Finding? Before, Finding? After)
{
    public const string Appears = "appears";
    public const string Disappears = "disappears";
    public const string SeverityChanged = "severity";

    public Finding Any => After ?? Before!;
}
