using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    // One counter per severity, indexed by its value: taken from the enum, so that a severity added there is counted.
    private static readonly int SeveritySlots = (int)Enum.GetValues<Severity>().Max() + 1;

    /// <remarks>
    /// Counted in hash tables keyed by the findings' own strings, then sorted once: a large run has a hundred
    /// thousand findings over a few dozen codes and units, and sorted maps would compare strings per finding.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FindingCounts Of(IReadOnlyCollection<Finding> findings)
    {
        var counts = new FindingCounts(findings.Count);
        Span<int> bySeverity = stackalloc int[SeveritySlots];
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var byUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (!Enum.IsDefined(f.Severity))
            {
                throw new ArgumentOutOfRangeException(nameof(findings), f.Severity, $"Finding {f.Subject} has no known severity.");
            }
            bySeverity[(int)f.Severity]++;
            CollectionsMarshal.GetValueRefOrAddDefault(byCode, f.Rule, out _)++;
            CollectionsMarshal.GetValueRefOrAddDefault(byUnit, f.Unit.Length == 0 ? NoUnit : f.Unit, out _)++;
        }
        foreach (var severity in Enum.GetValues<Severity>())
        {
            counts.BySeverity[severity.ToCode()] = bySeverity[(int)severity];
        }
        Fill(counts.ByCode, byCode);
        Fill(counts.ByUnit, byUnit);
        return counts;
    }

    public int CountOf(Severity severity) => BySeverity[severity.ToCode()];

    private static void Fill(SortedDictionary<string, int> sorted, Dictionary<string, int> counted)
    {
        foreach (var (key, count) in counted)
        {
            sorted.Add(key, count);
        }
    }
}
