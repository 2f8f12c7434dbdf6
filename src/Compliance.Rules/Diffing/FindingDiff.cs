using Compliance.Engine.Findings;

namespace Compliance.Rules.Diffing;

/// <summary>
/// What a rule change would do to one run's findings, matched by rule and subject (the fingerprint's identity): a
/// finding appears, disappears, changes severity, or, with the same severity, changes what it says.
/// </summary>
public sealed class FindingDiff
{
    private FindingDiff(IReadOnlyList<FindingChange> changes) => Changes = changes;

    public IReadOnlyList<FindingChange> Changes { get; }

    public static FindingDiff Compare(IEnumerable<Finding> before, IEnumerable<Finding> after)
    {
        var old = before.ToDictionary(f => (f.Rule, f.Subject));
        var changes = new List<FindingChange>();
        foreach (var f in after)
        {
            if (!old.Remove((f.Rule, f.Subject), out var was))
            {
                changes.Add(new FindingChange(FindingChange.Appears, null, f));
            }
            else if (was.Severity != f.Severity)
            {
                changes.Add(new FindingChange(FindingChange.SeverityChanged, was, f));
            }
            else if (was.Message != f.Message || was.Basis != f.Basis || was.Unit != f.Unit || was.OccurredOn != f.OccurredOn)
            {
                changes.Add(new FindingChange(FindingChange.ContentChanged, was, f));
            }
        }
        changes.AddRange(old.Values.Select(f => new FindingChange(FindingChange.Disappears, f, null)));
        changes.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Any.Rule, b.Any.Rule);
            return c != 0 ? c : string.CompareOrdinal(a.Any.Subject, b.Any.Subject);
        });
        return new FindingDiff(changes);
    }

    /// <summary>Counts by (kind, code), ordinal order.</summary>
    public IReadOnlyList<(string Kind, string Rule, int Count)> ByCode() =>
        Changes.GroupBy(c => (c.Kind, c.Any.Rule))
            .Select(g => (g.Key.Kind, g.Key.Rule, g.Count()))
            .OrderBy(x => x.Rule, StringComparer.Ordinal).ThenBy(x => x.Kind, StringComparer.Ordinal)
            .ToList();

    /// <summary>Counts by (kind, unit), ordinal order; unit "" when none is known.</summary>
    public IReadOnlyList<(string Kind, string Unit, int Count)> ByUnit() =>
        Changes.GroupBy(c => (c.Kind, c.Any.Unit))
            .Select(g => (g.Key.Kind, g.Key.Unit, g.Count()))
            .OrderBy(x => x.Unit, StringComparer.Ordinal).ThenBy(x => x.Kind, StringComparer.Ordinal)
            .ToList();
}
