using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class JudgementTests
{
    [Fact]
    public void Check_CaseAddedAfterReading_ItsChargeFindsIt()
    {
        var ruleSet = RuleSetLoader.Load(Path.Combine(Some.RepoRoot, "rules"));
        var data = FeedReader.ReadFolder(Path.Combine(Some.RepoRoot, "samples"), ruleSet.Stages);
        var orphansAsRead = Checker.Create(ruleSet).Check(data, Some.Date("2025-11-03")).OrphanCharges.ToList();
        // Reading's index of case ids no longer covers every case: judging must not trust it.
        data.Cases.Add(Some.Case(id: "XK-ADDED-1"));
        data.Charges.Add(Some.Charge(id: "JK-ADDED-1", caseId: "XK-ADDED-1"));

        var result = Checker.Create(ruleSet).Check(data, Some.Date("2025-11-03"));

        result.OrphanCharges.Should().Equal(orphansAsRead);
        result.OrphanCharges.Should().NotContain("JK-ADDED-1");
    }

    [Fact]
    public void Check_ReadFromFiles_OrphansAreTheChargesWhoseCaseWasNotRead()
    {
        var ruleSet = RuleSetLoader.Load(Path.Combine(Some.RepoRoot, "rules"));
        var data = FeedReader.ReadFolder(Path.Combine(Some.RepoRoot, "samples"), ruleSet.Stages);
        var caseIds = data.Cases.Select(c => c.CaseId).ToHashSet(StringComparer.Ordinal);

        var result = Checker.Create(ruleSet).Check(data, Some.Date("2025-11-03"));

        result.OrphanCharges.Should().NotBeEmpty().And.Equal(data.Charges
            .Where(c => c.ChargedOn <= Some.Date("2025-11-03") && (c.CaseId is null || !caseIds.Contains(c.CaseId)))
            .Select(c => c.ChargeId)
            .Order(StringComparer.Ordinal));
    }
}
