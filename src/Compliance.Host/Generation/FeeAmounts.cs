namespace Compliance.Host.Generation;

/// <summary>Plausible yuan amounts: standards charged in full, less now and then, and per-area fees.</summary>
internal static class FeeAmounts
{
    private static readonly decimal[] Typical = [20m, 30m, 50m, 80m, 100m, 150m, 200m, 300m, 500m];

    /// <summary>A lump sum for a fee with no standard to go by.</summary>
    public static decimal Lump(SeededRandom random) => random.Pick(Typical);

    /// <summary>At most <paramref name="max"/>: usually the standard itself, sometimes a reduced whole-yuan amount.</summary>
    public static decimal UpTo(decimal max, SeededRandom random)
    {
        if (max < 2m || random.Chance(0.85))
        {
            return max;
        }
        return Math.Max(1m, decimal.Floor(max * (decimal)(0.3 + 0.6 * random.Unit())));
    }

    /// <summary>A fee with no standard, charged by area (住房交易手续费: yuan per m²).</summary>
    public static decimal ByArea(SeededRandom random)
    {
        var rate = random.Pick([2m, 3m, 4m, 6m]);
        var area = random.Between(400, 2000) / 10m;
        return rate * area;
    }

    /// <summary>Above the standard: by one fen, or by a tenth to the whole of it.</summary>
    public static decimal Over(decimal max, bool byOneFen, SeededRandom random) =>
        byOneFen ? max + 0.01m : max + Math.Max(1m, decimal.Round(max * random.Pick([0.1m, 0.25m, 0.5m, 1m]), 0));
}
