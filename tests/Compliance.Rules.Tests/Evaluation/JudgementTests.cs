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
    public void FactsOf_ChargeWhoseReadPositionHoldsAnotherCase_ItsOwnCase()
    {
        var ruleSet = RuleSetLoader.Load(Path.Combine(Some.RepoRoot, "rules"));
        var data = FeedReader.ReadFolder(Path.Combine(Some.RepoRoot, "samples"), ruleSet.Stages);
        var own = data.Cases[1];
        // The position is a hint: here it names the first case, while the id is the second's.
        var charge = Some.Charge(id: "JK-MOVED-1", caseId: own.CaseId) with { Case = new CasePosition(0) };
        data.Charges.Add(charge);
        var judgement = new Judgement(Checker.Create(ruleSet), data, Some.Date("2025-11-03"));

        var result = judgement.Execute();

        judgement.FactsOf(charge).Case.Should().BeSameAs(own);
        result.OrphanCharges.Should().NotContain("JK-MOVED-1");
    }

    [Fact]
    public void ProceduresOf_ReadFromFiles_SameAsById()
    {
        var ruleSet = RuleSetLoader.Load(Path.Combine(Some.RepoRoot, "rules"));
        var data = FeedReader.ReadFolder(Path.Combine(Some.RepoRoot, "samples"), ruleSet.Stages);
        var judgement = new Judgement(Checker.Create(ruleSet), data, Some.Date("2025-11-03"));

        judgement.Execute();

        data.Procedures.Should().NotBeEmpty();
        for (var i = 0; i < data.Cases.Count; i++)
        {
            var id = data.Cases[i].CaseId;
            judgement.ProceduresOf(i, id).Should().Equal(data.Procedures.Where(p => p.CaseId == id), id);
        }
    }

    [Fact]
    public void ProceduresOf_ProcedureWhoseReadPositionHoldsAnotherCase_StillItsCases()
    {
        var ruleSet = RuleSetLoader.Load(Path.Combine(Some.RepoRoot, "rules"));
        var data = FeedReader.ReadFolder(Path.Combine(Some.RepoRoot, "samples"), ruleSet.Stages);
        var target = data.Cases.FindIndex(c => data.Procedures.All(p => p.CaseId != c.CaseId));
        var moved = Some.Extension(data.Cases[target].CaseId, "2025-10-01") with { Case = new CasePosition(target == 0 ? 1 : 0) };
        data.Procedures.Add(moved);
        var judgement = new Judgement(Checker.Create(ruleSet), data, Some.Date("2025-11-03"));

        judgement.Execute();

        judgement.ProceduresOf(target, data.Cases[target].CaseId).Should().Equal(moved);
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
