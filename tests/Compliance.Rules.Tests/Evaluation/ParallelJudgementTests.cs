using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class ParallelJudgementTests
{
    [Fact]
    public void Check_ManySlicesOnFourThreads_SameBytesAsOneThread()
    {
        var rules = Path.Combine(Some.RepoRoot, "rules");
        var ruleSet = RuleSetLoader.Load(rules);
        var data = FeedReader.ReadFolder(Path.Combine(Some.RepoRoot, "samples"), ruleSet.Stages);
        // Repeat the samples under new ids so that every feed spans several slices.
        var big = new FeedData();
        for (var copy = 0; copy < 60; copy++)
        {
            var suffix = "-" + copy;
            big.Cases.AddRange(data.Cases.Select(c => c with { CaseId = c.CaseId + suffix }));
            big.Procedures.AddRange(data.Procedures.Select(p => p with { CaseId = p.CaseId + suffix }));
            big.Charges.AddRange(data.Charges.Select(c => c with { ChargeId = c.ChargeId + suffix, CaseId = c.CaseId is null ? null : c.CaseId + suffix }));
            big.Stages.AddRange(data.Stages.Select(s => s with { ProjectCode = s.ProjectCode + suffix }));
        }
        var checker = Checker.Create(ruleSet);
        var asOf = Some.Date("2025-11-03");

        var one = checker.Check(big, asOf, threads: 1);
        var four = checker.Check(big, asOf, threads: 4);

        big.Charges.Count.Should().BeGreaterThan(16_384 * 2);
        Bytes(four.Findings).Should().Equal(Bytes(one.Findings));
        four.OrphanCharges.Should().Equal(one.OrphanCharges);
        four.OrphanCharges.Should().NotBeEmpty().And.BeInAscendingOrder(StringComparer.Ordinal);
        four.UnknownUnits.Should().Equal(one.UnknownUnits);
        four.Judged.Should().Equal(one.Judged);
    }

    private static byte[] Bytes(IReadOnlyList<Finding> findings)
    {
        using var stream = new MemoryStream();
        FindingsWriter.Write(stream, findings);
        return stream.ToArray();
    }
}
