using Compliance.Engine.Findings;

namespace Compliance.Rules.Diffing;

/// <summary>
/// One finding that a rule change makes appear, disappear, change severity, or keep its severity but say something
/// else (its message, basis, unit or date: a lowered standard changes the overcharge of every breach already found).
/// Before/After are null when absent.
/// </summary>
public sealed record FindingChange(string Kind, Finding? Before, Finding? After)
{
    public const string Appears = "appears";
    public const string Disappears = "disappears";
    public const string SeverityChanged = "severity";
    public const string ContentChanged = "content";

    public Finding Any => After ?? Before!;
}
