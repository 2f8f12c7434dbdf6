using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>
/// What <see cref="DataGenerator.Generate"/> wrote and planted: enough to know, without running a check, which
/// findings, rejects and counted-once duplicates the files must give.
/// </summary>
public sealed class GenerationSummary
{
    private readonly SortedDictionary<string, int> _dataRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _variants = new(StringComparer.Ordinal);

    internal GenerationSummary(GeneratorOptions options)
    {
        Seed = options.Seed;
        AsOf = options.AsOf;
        BreachRate = options.BreachRate;
    }

    public int Seed { get; }
    public DateOnly AsOf { get; }
    public double BreachRate { get; }

    /// <summary>Per feed: rows meant to be accepted (bad rows and identical duplicates not included).</summary>
    public IReadOnlyDictionary<string, int> DataRows => _dataRows;

    public IReadOnlyList<GeneratedFile> Files => FileList;

    /// <summary>Every planted breach, in the order written.</summary>
    public IReadOnlyList<PlantedBreach> Breaches => BreachList;

    /// <summary>Units whose planted red findings in the warning-talk window reach the rule set's threshold.</summary>
    public IReadOnlyCollection<string> WarningTalkUnits => WarningTalkSet;

    public IReadOnlyList<PlantedReject> Rejects => RejectList;

    public IReadOnlyList<PlantedDuplicate> Duplicates => DuplicateList;

    /// <summary>Compliant shapes worth knowing about (cases rescued by a suspension or an extension, orphan charges, …), counted.</summary>
    public IReadOnlyDictionary<string, int> Variants => new SortedDictionary<string, int>(_variants, StringComparer.Ordinal);

    /// <summary>
    /// Kinds of breach nothing was planted of, with a breach rate above zero: the rule set cannot host them (e.g. no
    /// fee with a standard for an over-standard charge, a switched-off check), or there were too few cases for all.
    /// </summary>
    public IReadOnlyCollection<BreachKind> NotPlanted => NotPlantedSet;

    /// <summary>Cases, charges and stages written to be accepted: the records a check judges one by one.</summary>
    public int Records => Count("cases") + Count("charges") + Count("stages");

    internal List<GeneratedFile> FileList { get; } = [];
    internal List<PlantedBreach> BreachList { get; } = [];
    internal SortedSet<string> WarningTalkSet { get; } = new(StringComparer.Ordinal);
    internal List<PlantedReject> RejectList { get; } = [];
    internal List<PlantedDuplicate> DuplicateList { get; } = [];
    internal SortedSet<BreachKind> NotPlantedSet { get; } = [];

    /// <summary>The findings the files must give, by code: one per planted code, plus the warning talks.</summary>
    public SortedDictionary<string, int> FindingCounts()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in BreachList.SelectMany(b => b.Codes))
        {
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }
        if (WarningTalkSet.Count > 0)
        {
            counts[BuiltInChecks.UnitWarningTalk] = WarningTalkSet.Count;
        }
        return counts;
    }

    /// <summary>The rejects the files must give, by reason.</summary>
    public SortedDictionary<string, int> RejectCounts()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in RejectList)
        {
            counts[r.Reason] = counts.GetValueOrDefault(r.Reason) + 1;
        }
        return counts;
    }

    internal void SetRows(string feed, int rows) => _dataRows[feed] = rows;

    internal void AddVariant(string name) => _variants[name] = _variants.GetValueOrDefault(name) + 1;

    private int Count(string feed) => _dataRows.GetValueOrDefault(feed);
}
