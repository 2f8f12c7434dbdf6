using System.Runtime.CompilerServices;
using Compliance.Engine.Catalog;

namespace Compliance.Engine.Findings;

/// <summary>
/// Findings counted by severity, code and unit: the figures summary.json and the console summary share.
/// Every map is sorted ordinally; <see cref="BySeverity"/> names all three severities, zeros included.
/// </summary>
public sealed class FindingCounts
{
    /// <summary>How a finding without a unit is counted in <see cref="ByUnit"/>.</summary>
    public const string NoUnit = "(none)";

    private FindingCounts(int total)
    {
        Total = total;
    }

    public int Total { get; }

    public SortedDictionary<string, int> BySeverity { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> ByCode { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> ByUnit { get; } = new(StringComparer.Ordinal);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FindingCounts Of(IReadOnlyCollection<Finding> findings)
    {
        var counts = new FindingCounts(findings.Count);
        foreach (var severity in Enum.GetValues<Severity>())
        {
            counts.BySeverity[severity.ToCode()] = 0;
        }
        foreach (var f in findings)
        {
            Increment(counts.BySeverity, f.Severity.ToCode());
            Increment(counts.ByCode, f.Rule);
            Increment(counts.ByUnit, f.Unit.Length == 0 ? NoUnit : f.Unit);
        }
        return counts;
    }

    public int CountOf(Severity severity) => BySeverity[severity.ToCode()];

    private static void Increment(SortedDictionary<string, int> map, string key) =>
        map[key] = map.GetValueOrDefault(key) + 1;
}
