using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Benchmarks;

/// <summary>The shipped rule set and synthetic records shared by the benchmarks (fixed seed, no clock).</summary>
public static class BenchData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static readonly Lazy<RuleSet> Shipped = new(() => RuleSetLoader.Load(Path.Combine(RepoRoot, "rules")));

    public static RuleSet RuleSet => Shipped.Value;

    public static DateOnly AsOf { get; } = new(2025, 11, 3);

    public static List<ChargeRecord> Charges(RuleSet rs, int n, int seed = 20251103)
    {
        var random = new Random(seed);
        var fees = rs.Fees.Keys.Order(StringComparer.Ordinal).ToArray();
        var list = new List<ChargeRecord>(n);
        for (var i = 0; i < n; i++)
        {
            list.Add(new ChargeRecord
            {
                ChargeId = $"C{i:0000000}",
                CaseId = $"XK-2025-{i % (n / 2 + 1):0000000}",
                FeeCode = random.Next(50) == 0 ? "F9999" : fees[random.Next(fees.Length)],
                Amount = random.Next(1, 100_000) / 100m,
                ChargedOn = AsOf.AddDays(-random.Next(0, 3000)),
                UnitCode = "U01",
            });
        }
        return list;
    }

    public static List<CaseRecord> Cases(RuleSet rs, int n, int seed = 20251103)
    {
        var random = new Random(seed);
        var items = rs.Items.Keys.Order(StringComparer.Ordinal).ToArray();
        var list = new List<CaseRecord>(n);
        for (var i = 0; i < n; i++)
        {
            var accepted = AsOf.AddDays(-random.Next(0, 200));
            var decided = random.Next(5) == 0 ? (DateOnly?)null : accepted.AddDays(random.Next(1, 40));
            list.Add(new CaseRecord
            {
                CaseId = $"XK-2025-{i:0000000}",
                ItemCode = items[random.Next(items.Length)],
                UnitCode = "U01",
                AcceptedOn = accepted,
                DecidedOn = decided,
                Status = decided is null ? CaseStatus.Open : CaseStatus.Decided,
            });
        }
        return list;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
