using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// An earlier judgement of the same inputs under the same rule set, as of an earlier date: what an incremental
/// run starts from. Its per-record findings are indexed by record key, so a record whose verdict cannot have
/// changed takes them over without being judged again.
/// </summary>
public sealed class Baseline
{
    private static readonly HashSet<string> CrossRecordCodes = new(StringComparer.Ordinal)
    {
        BuiltInChecks.FeeDuplicate, BuiltInChecks.StageOutOfOrder, BuiltInChecks.UnitWarningTalk,
    };

    public Baseline(DateOnly asOf, IEnumerable<Finding> findings, IReadOnlyDictionary<int, List<string>> calendarMissing)
    {
        AsOf = asOf;
        foreach (var f in findings)
        {
            if (CrossRecordCodes.Contains(f.Rule))
            {
                continue;
            }
            var colon = f.Subject.IndexOf(':', StringComparison.Ordinal);
            var index = f.Subject[..colon] switch
            {
                "case" => Cases,
                "stage" => Stages,
                "charge" => Charges,
                _ => null,
            };
            if (index is null)
            {
                continue;
            }
            var id = f.Subject[(colon + 1)..];
            if (!index.TryGetValue(id, out var list))
            {
                list = [];
                index[id] = list;
            }
            list.Add(f);
        }
        foreach (var (year, subjects) in calendarMissing)
        {
            foreach (var s in subjects)
            {
                Missing[s] = year;
            }
        }
    }

    public DateOnly AsOf { get; }

    internal Dictionary<string, List<Finding>> Cases { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, List<Finding>> Stages { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, List<Finding>> Charges { get; } = new(StringComparer.Ordinal);

    /// <summary>Subject → the uncovered year that kept it from being judged.</summary>
    internal Dictionary<string, int> Missing { get; } = new(StringComparer.Ordinal);
}
