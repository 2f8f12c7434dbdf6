using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;
using RulesEngine.Models;

namespace Compliance.Rules.Tests.Workflows;

/// <summary>
/// The compiled-delegate path must judge exactly as Microsoft RulesEngine itself would run the same workflow
/// JSON: here both run the built-in charge rules over a spread of charges and must agree rule by rule.
/// </summary>
public class RulesEngineParityTests
{
    [Fact]
    public async Task Check_BuiltInChargeRules_AgreeWithRulesEngineExecuteAllRules()
    {
        var fees = new[]
        {
            Some.Fee("F1", Some.Period(from: "2015-01-01", to: "2017-03-31", max: 600m, scope: ["X0101"], collectors: ["U01"]), Some.Period(from: "2017-04-01", status: FeeStatus.Abolished)),
            Some.Fee("F2", Some.Period(from: "2015-01-01", status: FeeStatus.Exempt, exemptPayers: ["小微企业"])),
            Some.Fee("F3", Some.Period(from: "2016-01-01", to: "2016-12-31")),
        };
        var ruleSet = Some.RuleSet(fees: fees, items: [Some.Item("X0101"), Some.Item("X0202", free: true)]);
        var cases = new[]
        {
            Some.Case("A", decided: "2025-10-10", item: "X0101", applicantType: "企业"),
            Some.Case("B", decided: "2025-10-10", item: "X0202", applicantType: "小微企业", unit: "U02"),
        };
        var charges = new List<ChargeRecord>();
        var n = 0;
        foreach (var fee in new[] { "F1", "F2", "F3", "F9" })
        {
            foreach (var caseId in new string?[] { "A", "B", null })
            {
                foreach (var on in new[] { "2016-06-01", "2017-04-01" })
                {
                    foreach (var amount in new[] { 600m, 600.01m })
                    {
                        charges.Add(Some.Charge($"C{++n:000}", caseId, fee, amount, on, unit: caseId is null ? "U09" : null));
                    }
                }
            }
        }
        var asOf = Some.Date("2025-12-31");

        var ours = Checker.Create(ruleSet).Check(Some.Feeds(cases, charges: charges), asOf).Findings
            .Where(f => f.Subject.StartsWith("charge:", StringComparison.Ordinal) && f.Rule != "fee.duplicate")
            .Select(f => (f.Subject, f.Rule))
            .ToHashSet();

        var json = File.ReadAllText(Path.Combine(Some.RepoRoot, "src", "Compliance.Rules", "BuiltIn", "charges.json"));
        var workflows = Newtonsoft.Json.JsonConvert.DeserializeObject<Workflow[]>(json)!;
        var engine = new RulesEngine.RulesEngine(workflows, new ReSettings
        {
            CustomTypes = [typeof(ChargeFacts), typeof(FeePeriod), typeof(Fee), typeof(Item), typeof(CaseRecord), typeof(CalendarHelpers), typeof(CatalogHelpers), typeof(Settings)],
            EnableExceptionAsErrorMessage = false,
        });
        var scope = new RuleScope(ruleSet, asOf);
        var byId = cases.ToDictionary(c => c.CaseId);
        var theirs = new HashSet<(string, string)>();
        foreach (var ch in charges)
        {
            var c = ch.CaseId is not null && byId.TryGetValue(ch.CaseId, out var k) ? k : null;
            var facts = new ChargeFacts(ch, c, c is null ? null : ruleSet.Items.GetValueOrDefault(c.ItemCode), ruleSet.Fees.GetValueOrDefault(ch.FeeCode));
            var results = await engine.ExecuteAllRulesAsync("charges",
                new RuleParameter("charge", facts),
                new RuleParameter("cal", scope.Cal),
                new RuleParameter("catalog", scope.Catalog),
                new RuleParameter("settings", scope.Settings),
                new RuleParameter("asOf", scope.AsOf));
            foreach (var r in results)
            {
                r.ExceptionMessage.Should().BeNullOrEmpty();
                if (!r.IsSuccess)
                {
                    theirs.Add(("charge:" + ch.ChargeId, r.Rule.RuleName));
                }
            }
        }

        theirs.Should().NotBeEmpty();
        ours.Should().BeEquivalentTo(theirs);
    }
}
