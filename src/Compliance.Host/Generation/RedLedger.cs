namespace Compliance.Host.Generation;

/// <summary>
/// Counts, per unit, the planted red findings that occur within the warning-talk window ending at the as-of
/// date, so that the summary can say which units the check must propose for a 效能告诫谈话.
/// </summary>
internal sealed class RedLedger
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly CheckPolicy _policy;

    public RedLedger(CheckPolicy policy, DateOnly windowFrom, DateOnly asOf)
    {
        _policy = policy;
        WindowFrom = windowFrom;
        AsOf = asOf;
    }

    public DateOnly WindowFrom { get; }
    public DateOnly AsOf { get; }

    public bool InWindow(DateOnly d) => d >= WindowFrom && d <= AsOf;

    public void Note(string unit, IReadOnlyList<string> codes, DateOnly occurredOn)
    {
        if (unit.Length == 0 || !InWindow(occurredOn))
        {
            return;
        }
        foreach (var code in codes)
        {
            if (_policy.IsRed(code))
            {
                _counts[unit] = _counts.GetValueOrDefault(unit) + 1;
            }
        }
    }

    public IEnumerable<string> UnitsReaching(int threshold) => _counts.Where(kv => kv.Value >= threshold).Select(kv => kv.Key);
}
