namespace Compliance.Engine.Findings;

/// <summary>What one run judged: the sorted findings and the bookkeeping that goes into summary.json.</summary>
public sealed class CheckResult
{
    /// <summary>Sorted by subject, then rule (ordinal).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    private FindingCounts? _counts;

    /// <summary>The findings counted, once for summary.json and the console summary both; read only after judging.</summary>
    internal FindingCounts Counts => _counts ??= FindingCounts.Of(Findings);

    /// <summary>Year → subjects whose clock touches that uncovered year, sorted.</summary>
    public SortedDictionary<int, List<string>> CalendarMissing { get; } = [];

    /// <summary>Unit codes met in the feeds but absent from units.json.</summary>
    public SortedSet<string> UnknownUnits { get; } = new(StringComparer.Ordinal);

    private IReadOnlyList<string>? _orphanChargesInOrder;

    /// <summary>Charge ids whose case id is empty or unknown; in ordinal order as the checker gives them.</summary>
    public List<string> OrphanCharges { get; } = [];

    /// <summary>
    /// <see cref="OrphanCharges"/> in ordinal order, for summary.json and the console: worked out once, and not at
    /// all for the checker's own list, which is in order already (checking that costs a pass over hundreds of
    /// thousands of ids, each a cache miss).
    /// </summary>
    internal IReadOnlyList<string> OrphanChargesInOrder => _orphanChargesInOrder ??= OrdinalOrder.Of(OrphanCharges);

    private IReadOnlyList<OrdinalKey>? _orphanKeys;

    /// <summary>
    /// Says that <see cref="OrphanCharges"/>, complete, is in ordinal order; <paramref name="keys"/>, given, are the
    /// same ids as packed keys, from which summary.json writes them without reading each id's text.
    /// </summary>
    internal void OrphanChargesOrdered(IReadOnlyList<OrdinalKey>? keys = null)
    {
        _orphanChargesInOrder = OrphanCharges;
        _orphanKeys = keys;
    }

    /// <summary>
    /// <see cref="OrphanChargesInOrder"/> as the checker's packed keys; null when it gave none, or when the list has
    /// changed in length since.
    /// </summary>
    internal IReadOnlyList<OrdinalKey>? OrphanKeysInOrder => _orphanKeys is { } keys && keys.Count == OrphanCharges.Count ? keys : null;

    /// <summary>Feed → rows dated after the as-of date (not judged).</summary>
    public SortedDictionary<string, int> FutureDated { get; } = new(StringComparer.Ordinal);

    /// <summary>Subjects judged per feed.</summary>
    public SortedDictionary<string, int> Judged { get; } = new(StringComparer.Ordinal);
}
