using Compliance.Engine.Findings;
using Compliance.Engine.Storage;

namespace Compliance.Engine.Alerts;

/// <summary>
/// What an incremental run stores: its findings against its base run's, compared per alert key. A key whose
/// findings are the same in both, the as-of date aside, is not stored again; a key with any difference (new,
/// another rule or severity, message, figures…) stores all of its findings; a key the base run had and this run
/// has not stores the base's findings marked gone.
/// </summary>
public sealed class FindingDelta
{
    private FindingDelta(List<Finding> current, List<Finding> gone, HashSet<string> keys, List<string> goneKeys)
    {
        Current = current;
        Gone = gone;
        Keys = keys;
        GoneKeys = goneKeys;
    }

    /// <summary>This run's findings under keys that are new or changed, in the run's order.</summary>
    public IReadOnlyList<Finding> Current { get; }

    /// <summary>The base run's findings under keys this run no longer has.</summary>
    public IReadOnlyList<Finding> Gone { get; }

    /// <summary>Every key with a difference: new, changed or gone.</summary>
    public IReadOnlySet<string> Keys { get; }

    /// <summary>The keys this run no longer has, in the base run's order.</summary>
    public IReadOnlyList<string> GoneKeys { get; }

    /// <summary>The rows an incremental run writes.</summary>
    public int Count => Current.Count + Gone.Count;

    public static FindingDelta Between(IReadOnlyList<Finding> before, IReadOnlyList<Finding> after)
    {
        var previous = GroupByKey(before);
        var now = GroupByKey(after);
        var current = new List<Finding>();
        var gone = new List<Finding>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var goneKeys = new List<string>();
        foreach (var (key, findings) in now)
        {
            if (previous.TryGetValue(key, out var was) && Same(was, findings))
            {
                continue;
            }
            keys.Add(key);
            current.AddRange(findings);
        }
        foreach (var (key, findings) in previous)
        {
            if (!now.ContainsKey(key))
            {
                keys.Add(key);
                goneKeys.Add(key);
                gone.AddRange(findings);
            }
        }
        return new FindingDelta(current, gone, keys, goneKeys);
    }

    private static Dictionary<string, List<Finding>> GroupByKey(IReadOnlyList<Finding> findings)
    {
        var groups = new Dictionary<string, List<Finding>>(findings.Count, StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var key = AlertKey.Of(f);
            if (!groups.TryGetValue(key, out var list))
            {
                list = new List<Finding>(1);
                groups[key] = list;
            }
            list.Add(f);
        }
        return groups;
    }

    private static bool Same(List<Finding> a, List<Finding> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!Same(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    // Everything a stored row carries but the as-of date; the evidence by its stored text, unless it is the very
    // same object (a verdict the incremental judgement took over from the base run).
    private static bool Same(Finding a, Finding b) =>
        a.Rule == b.Rule
        && a.Severity == b.Severity
        && a.Subject == b.Subject
        && a.Unit == b.Unit
        && a.OccurredOn == b.OccurredOn
        && a.Message == b.Message
        && a.Basis == b.Basis
        && a.RuleSet == b.RuleSet
        && a.Fingerprint == b.Fingerprint
        && (ReferenceEquals(a.Evidence, b.Evidence) || EvidenceJson.Text(a.Evidence) == EvidenceJson.Text(b.Evidence));
}
