using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class IncrementalJudgementTests
{
    private static readonly RuleSet Shipped = RuleSetLoader.Load(Path.Combine(Some.RepoRoot, "rules"));
    private static readonly FeedData Samples = FeedReader.ReadFolder(Path.Combine(Some.RepoRoot, "samples"), Shipped.Stages);

    [Theory]
    [InlineData("2025-11-03", "2025-11-03")]
    [InlineData("2025-11-03", "2025-11-04")]
    [InlineData("2025-10-01", "2025-11-20")]
    [InlineData("2025-11-03", "2026-03-02")]
    [InlineData("2024-06-30", "2027-01-10")]
    public void CheckSince_LaterDate_SameBytesAsAFullRun(string before, string after)
    {
        var checker = Checker.Create(Shipped);
        var baseline = Baseline(checker.Check(Samples, Some.Date(before)), Some.Date(before));

        var incremental = checker.CheckSince(Samples, Some.Date(after), baseline);
        var full = checker.Check(Samples, Some.Date(after));

        Bytes(incremental.Findings).Should().Equal(Bytes(full.Findings));
        incremental.Judged.Should().Equal(full.Judged);
        incremental.FutureDated.Should().Equal(full.FutureDated);
        incremental.OrphanCharges.Should().Equal(full.OrphanCharges);
        incremental.CalendarMissing.Keys.Should().Equal(full.CalendarMissing.Keys);
        incremental.CalendarMissing.Values.SelectMany(v => v).Should().Equal(full.CalendarMissing.Values.SelectMany(v => v));
    }

    [Fact]
    public void CheckSince_CustomRuleReadingAsOf_JudgesItsFeedWhole()
    {
        var rules = Some.RuleSet(
            fees: [Some.Fee("F0101")],
            workflows: [new WorkflowFile("workflows/t.json", """[{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.stale", "Expression": "cal.DaysBetween(charge.ChargedOn, asOf) < 30" } ] }]""")]);
        var data = Some.Feeds([Some.Case(decided: "2025-10-10")], charges: [Some.Charge(on: "2025-10-10")]);
        var checker = Checker.Create(rules);
        var baseline = Baseline(checker.Check(data, Some.Date("2025-10-20")), Some.Date("2025-10-20"));

        var incremental = checker.CheckSince(data, Some.Date("2025-11-20"), baseline);

        incremental.Findings.Should().ContainSingle(f => f.Rule == "local.stale");
        Bytes(incremental.Findings).Should().Equal(Bytes(checker.Check(data, Some.Date("2025-11-20")).Findings));
    }

    [Fact]
    public void CheckSince_EarlierDate_Refused()
    {
        var checker = Checker.Create(Shipped);
        var baseline = Baseline(checker.Check(Samples, Some.Date("2025-11-03")), Some.Date("2025-11-03"));

        var act = () => checker.CheckSince(Samples, Some.Date("2025-11-02"), baseline);

        act.Should().Throw<ArgumentException>();
    }

    private static Baseline Baseline(CheckResult result, DateOnly asOf)
    {
        // Through the file form, as `check --since` reads it.
        var path = Path.GetTempFileName();
        try
        {
            FindingsWriter.WriteFile(path, result.Findings);
            return new Baseline(asOf, FindingsReader.ReadFile(path), result.CalendarMissing);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Bytes(IReadOnlyList<Finding> findings)
    {
        using var stream = new MemoryStream();
        FindingsWriter.Write(stream, findings);
        return stream.ToArray();
    }
}
