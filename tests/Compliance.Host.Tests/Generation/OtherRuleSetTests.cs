using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;
using Compliance.Host.Generation;
using Compliance.Rules.Evaluation;

namespace Compliance.Host.Tests.Generation;

/// <summary>The generator plans with the rule set it is given: its warning days, severities, switched-off checks and talk threshold.</summary>
public sealed class OtherRuleSetTests : IDisposable
{
    private const string Settings = """
        {
          "warnDays": 4,
          "defaultStatutoryLimit": 15,
          "warningTalk": { "redFindings": 3, "windowDays": 60 },
          "checks": {
            "fee.duplicate": { "severity": "red" },
            "case.overdue-statutory": { "severity": "yellow" },
            "case.due-soon": { "enabled": false }
          }
        }
        """;

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Generate_ChangedSettings_PlantsExactlyWhatTheCheckFinds()
    {
        var rules = CopyOfShippedRules(Settings);
        var options = new GeneratorOptions
        {
            RuleSet = rules,
            OutputDirectory = _scratch.Sub("data"),
            AsOf = new DateOnly(2025, 11, 3),
            Cases = 1500,
            Seed = 3,
            BadRowsPerFeed = 2,
        };

        var summary = DataGenerator.Generate(options);
        var data = FeedReader.ReadFolder(options.OutputDirectory, rules.Stages);
        var result = Checker.Create(rules).Check(data, options.AsOf);

        var found = result.Findings.Where(f => !f.Subject.StartsWith("unit:", StringComparison.Ordinal))
            .GroupBy(f => f.Subject).ToDictionary(g => g.Key, g => string.Join(",", g.Select(f => f.Rule).Order(StringComparer.Ordinal)));
        var planted = summary.Breaches.ToDictionary(b => b.Subject, b => string.Join(",", b.Codes.Order(StringComparer.Ordinal)));
        found.Should().Equal(planted);
        result.Findings.Where(f => f.Rule == BuiltInChecks.UnitWarningTalk).Select(f => f.Unit).Should().BeEquivalentTo(summary.WarningTalkUnits);
        summary.NotPlanted.Should().Equal(BreachKind.CaseDueSoon);
        data.Rejects.Should().HaveCount(summary.Rejects.Count);
    }

    private RuleSet CopyOfShippedRules(string settings)
    {
        var folder = _scratch.Sub("rules");
        foreach (var file in Directory.EnumerateFiles(GenerationPaths.Rules, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(GenerationPaths.Rules, file);
            if (relative.StartsWith("tests", StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(folder, "settings.json"), settings);
        return RuleSetLoader.Load(folder);
    }
}
