namespace Compliance.Engine.Catalog;

/// <summary>A catalogue entry: one fee with its period history, periods sorted by <see cref="FeePeriod.From"/>.</summary>
public sealed record Fee
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? Department { get; init; }
    public string? Basis { get; init; }
    public required IReadOnlyList<FeePeriod> Periods { get; init; }

    /// <summary>The period in force on <paramref name="d"/>, or null; periods never overlap (validated at load).</summary>
    public FeePeriod? PeriodOn(DateOnly d)
    {
        var periods = Periods;
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].Covers(d))
            {
                return periods[i];
            }
        }
        return null;
    }
}
