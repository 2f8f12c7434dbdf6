using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;
using Compliance.Host.Generation;
using Compliance.Rules.Evaluation;

namespace Compliance.Host.Tests.Generation;

/// <summary>
/// The generator plans with the rule set it is given: its warning days, severities, switched-off checks, talk
/// threshold, and a fee that comes into force within the data's span.
/// </summary>
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
        var rules = CopyOfShippedRules(Settings, ProofFeeFrom2025);
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

    [Fact]
    public void Generate_FeeWithAGapInTheDataSpan_ChargesItInTheGapOnACase()
    {
        var rules = CopyOfShippedRules(Settings, ProofFeeFrom2025);
        var options = new GeneratorOptions { RuleSet = rules, OutputDirectory = _scratch.Sub("data"), AsOf = new DateOnly(2025, 11, 3), Cases = 300 };

        var summary = DataGenerator.Generate(options);
        var data = FeedReader.ReadFolder(options.OutputDirectory, rules.Stages);

        var notInForce = summary.Breaches.Where(b => b.Kind == BreachKind.FeeNotInForce).Select(b => b.Subject["charge:".Length..]).ToHashSet();
        var charges = data.Charges.Where(c => notInForce.Contains(c.ChargeId)).ToList();
        charges.Should().NotBeEmpty().And.OnlyContain(c => c.FeeCode == "F0205" && c.ChargedOn < new DateOnly(2025, 3, 1) && c.ChargedOn >= new DateOnly(2024, 1, 11));
        charges.Should().OnlyContain(c => data.Cases.Any(k => k.CaseId == c.CaseId && k.AcceptedOn <= c.ChargedOn));
    }

    /// <summary>不动产权属证书工本费 (F0205) in force only from 2025-03-01: before that, within the data's span, it is not in force.</summary>
    private static string ProofFeeFrom2025(string fees) =>
        fees.Replace("\"from\": \"2017-03-15\", \"max\": 10.00,", "\"from\": \"2025-03-01\", \"max\": 10.00,", StringComparison.Ordinal);

    private RuleSet CopyOfShippedRules(string settings, Func<string, string> fees)
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
        var catalogue = File.ReadAllText(Path.Combine(folder, "fees.json"));
        var changed = fees(catalogue);
        changed.Should().NotBe(catalogue, "the fee catalogue edit must apply to the shipped fees.json");
        File.WriteAllText(Path.Combine(folder, "fees.json"), changed);
        return RuleSetLoader.Load(folder);
    }
}
