using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class FeeChecksTests
{
    private static IReadOnlyList<Finding> Judge(Fee fee, IEnumerable<ChargeRecord> charges, IEnumerable<CaseRecord>? cases = null, IEnumerable<Item>? items = null) =>
        Checker.Create(Some.RuleSet(fees: [fee], items: items))
            .Check(Some.Feeds(cases: cases ?? [Some.Case(decided: "2025-10-10")], charges: charges), Some.Date("2025-12-31"))
            .Findings;

    private static string[] Rules(IReadOnlyList<Finding> findings) => findings.Select(f => f.Rule).ToArray();

    [Fact]
    public void Check_FeeOutsideCatalogue_UnknownOnly()
    {
        var findings = Judge(Some.Fee("F0101"), [Some.Charge(fee: "F9999")]);

        Rules(findings).Should().Equal("fee.unknown");
        findings[0].OccurredOn.Should().Be(Some.Date("2025-10-10"));
        findings[0].Unit.Should().Be("U01");
    }

    [Theory]
    [InlineData("2017-03-31", new string[0])]
    [InlineData("2017-04-01", new[] { "fee.abolished" })]
    public void Check_ChargedAroundAbolitionDay_AbolishedFromItsFirstDay(string on, string[] expected)
    {
        var fee = Some.Fee("F0301", Some.Period(from: "2000-01-01", to: "2017-03-31", max: 600m), Some.Period(from: "2017-04-01", status: FeeStatus.Abolished, basis: "财税〔2017〕20号"));

        var findings = Judge(fee, [Some.Charge(fee: "F0301", on: on, amount: 600m)]);

        Rules(findings).Should().Equal(expected);
        if (expected.Length > 0)
        {
            findings[0].Basis.Should().Be("财税〔2017〕20号");
        }
    }

    [Fact]
    public void Check_DateInGapBetweenPeriods_NotInForce()
    {
        var fee = Some.Fee("F0101", Some.Period(from: "2020-01-01", to: "2020-12-31"), Some.Period(from: "2022-01-01"));

        Rules(Judge(fee, [Some.Charge(on: "2021-06-01")])).Should().Equal("fee.not-in-force");
    }

    [Fact]
    public void Check_SuspendedFee_Abolished()
    {
        var fee = Some.Fee("F0101", Some.Period(from: "2018-04-01", status: FeeStatus.Suspended));

        Rules(Judge(fee, [Some.Charge()])).Should().Equal("fee.abolished");
    }

    [Theory]
    [InlineData("小微企业", new[] { "fee.exempt-charged" })]
    [InlineData("企业", new string[0])]
    public void Check_ExemptForSmallFirmsOnly_OthersJudgedAsActive(string payer, string[] expected)
    {
        var fee = Some.Fee("F0101", Some.Period(from: "2015-01-01", status: FeeStatus.Exempt, exemptPayers: ["小微企业"]));

        Rules(Judge(fee, [Some.Charge(payer: payer)])).Should().Equal(expected);
    }

    [Fact]
    public void Check_ExemptWithoutPayerList_EveryPayerExempted()
    {
        var fee = Some.Fee("F0101", Some.Period(status: FeeStatus.Exempt));

        Rules(Judge(fee, [Some.Charge(payer: "个人")])).Should().Equal("fee.exempt-charged");
    }

    [Fact]
    public void Check_PayerFromCaseWhenChargeLeavesItEmpty()
    {
        var fee = Some.Fee("F0101", Some.Period(status: FeeStatus.Exempt, exemptPayers: ["小微企业"]));

        Rules(Judge(fee, [Some.Charge(payer: null)], [Some.Case(decided: "2025-10-10", applicantType: "小微企业")])).Should().Equal("fee.exempt-charged");
    }

    [Theory]
    [InlineData("600.00", new string[0])]
    [InlineData("600.01", new[] { "fee.over-standard" })]
    public void Check_AmountOneFenOverStandard_OverStandard(string amount, string[] expected)
    {
        var fee = Some.Fee("F0101", Some.Period(max: 600m));

        var findings = Judge(fee, [Some.Charge(amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))]);

        Rules(findings).Should().Equal(expected);
        if (expected.Length > 0)
        {
            findings[0].Message.Should().Contain("超收0.01元");
        }
    }

    [Fact]
    public void Check_ItemOutsideScopeAndOverStandardAndWrongCollector_EachItsOwnFinding()
    {
        var fee = Some.Fee("F0101", Some.Period(max: 50m, scope: ["X0201"], collectors: ["U02"]));

        Rules(Judge(fee, [Some.Charge(amount: 80m)])).Should().Equal("fee.out-of-scope", "fee.over-standard", "fee.unauthorized-collector");
    }

    [Fact]
    public void Check_ScopeWithUnknownCase_ScopeNotJudged()
    {
        var fee = Some.Fee("F0101", Some.Period(scope: ["X0201"]));

        var result = Checker.Create(Some.RuleSet(fees: [fee])).Check(Some.Feeds(charges: [Some.Charge(caseId: "NOPE", unit: "U01")]), Some.Date("2025-12-31"));

        result.Findings.Should().BeEmpty();
        result.OrphanCharges.Should().Equal("C0001");
    }

    [Fact]
    public void Check_FreeItemCharged_EvenAlongsideOtherFindings()
    {
        var findings = Judge(Some.Fee("F0101"), [Some.Charge(fee: "F9999")], items: [Some.Item(free: true)]);

        Rules(findings).Should().Equal("fee.free-item-charged", "fee.unknown");
        findings[0].Basis.Should().StartWith("《中华人民共和国行政许可法》第五十八条");
    }

    [Fact]
    public void Check_SameFeeTwiceOnOneCase_SecondByDateThenIdIsDuplicate()
    {
        var findings = Judge(Some.Fee("F0101"),
        [
            Some.Charge(id: "C0003", on: "2025-10-12"),
            Some.Charge(id: "C0002", on: "2025-10-10"),
            Some.Charge(id: "C0001", on: "2025-10-10"),
            Some.Charge(id: "C0009", fee: "F0102", on: "2025-10-10"),
        ]);

        var dups = findings.Where(f => f.Rule == "fee.duplicate").ToList();
        dups.Select(f => f.Subject).Should().Equal("charge:C0002", "charge:C0003");
        dups.Should().OnlyContain(f => f.Severity == Severity.Yellow);
        dups[1].Evidence.TryGet("firstCharge", out var first).Should().BeTrue();
        first.Should().Be("C0001");
    }

    [Fact]
    public void Check_ChargeAfterAsOf_NotJudgedAndCounted()
    {
        var result = Checker.Create(Some.RuleSet()).Check(Some.Feeds([Some.Case(decided: "2025-10-10")], charges: [Some.Charge(fee: "F9999", on: "2026-01-05")]), Some.Date("2025-12-31"));

        result.Findings.Should().BeEmpty();
        result.FutureDated["charges"].Should().Be(1);
    }

    [Fact]
    public void Check_PeriodLastAndFirstDay_JudgedAgainstTheRightPeriod()
    {
        var fee = Some.Fee("F0101", Some.Period(from: "2015-01-01", to: "2015-10-14", max: 800m), Some.Period(from: "2015-10-15", max: 600m));

        var findings = Judge(fee, [Some.Charge(id: "A", on: "2015-10-14", amount: 800m, caseId: null, unit: "U01"), Some.Charge(id: "B", on: "2015-10-15", amount: 800m, caseId: null, unit: "U01")]);

        findings.Should().ContainSingle().Which.Subject.Should().Be("charge:B");
    }

    [Fact]
    public void Check_ChargeUnitAndCaseUnitDiffer_ChargeUnitIsTheCollector()
    {
        var fee = Some.Fee("F0101", Some.Period(collectors: ["U01"]));

        var f = Judge(fee, [Some.Charge(unit: "U02")]).Single();

        f.Rule.Should().Be("fee.unauthorized-collector");
        f.Unit.Should().Be("U02");
        f.Message.Should().Contain("由单位U02收取");
    }

    [Fact]
    public void Check_MessageNamingEveryWordingValue_RendersEachFromTheCharge()
    {
        var fee = Some.Fee("F0101", Some.Period(from: "2020-01-01", max: 80m, scope: ["X0101"], collectors: ["U01"], basis: "价格依据"));
        var settings = new Settings
        {
            Checks = new Dictionary<string, CheckOverride>
            {
                ["fee.over-standard"] = new()
                {
                    Message = "{id}|{feeName}|{feeBasis}|{periodFrom}|{periodBasis}|{statusText}|{payerText}|{scopeText}|" +
                        "{collectorsText}|{itemName}|{itemBasis}|{max}|{over}|{nosuch}",
                },
            },
        };

        var f = Checker.Create(Some.RuleSet(fees: [fee], settings: settings))
            .Check(Some.Feeds([Some.Case(decided: "2025-10-10")], charges: [Some.Charge(amount: 100m, unit: "U01", payer: "企业")]), Some.Date("2025-12-31"))
            .Findings.Single();

        f.Rule.Should().Be("fee.over-standard");
        f.Message.Should().Be("C0001|测试收费|测试依据|2020-01-01|价格依据|正常|企业|X0101|U01|企业设立登记|" +
            "《中华人民共和国行政许可法》第五十八条；《中华人民共和国行政许可法》第四十二条|80.00|20.00|{nosuch}");
    }

    [Fact]
    public void Check_NoCollectorKnown_CollectorNotJudged()
    {
        var fee = Some.Fee("F0101", Some.Period(collectors: ["U02"]));

        Judge(fee, [Some.Charge(caseId: null, unit: null)]).Should().BeEmpty();
    }

    [Fact]
    public void Check_ItemInScope_NoFinding()
    {
        var fee = Some.Fee("F0101", Some.Period(scope: ["X0201", "X0101"]));

        Judge(fee, [Some.Charge()]).Should().BeEmpty();
    }

    [Fact]
    public void Check_ChargesOfCasesInTurn_EachJudgedAgainstItsOwnCase()
    {
        // Consecutive charges of one case share its id string, as reading gives them; then another case, an
        // orphan, and the first case again under an equal id that is another string.
        var sharedId = "XK-2025-0001";
        var fee = Some.Fee("F0101", Some.Period(scope: ["X0101"]));
        var cases = new[] { Some.Case(id: sharedId, item: "X0101", decided: "2025-10-10"), Some.Case(id: "XK-2025-0002", item: "X0201", decided: "2025-10-10") };
        var charges = new[]
        {
            Some.Charge(id: "C1", caseId: sharedId),
            Some.Charge(id: "C2", caseId: sharedId),
            Some.Charge(id: "C3", caseId: "XK-2025-0002"),
            Some.Charge(id: "C4", caseId: "XK-2025-9999"),
            Some.Charge(id: "C5", caseId: string.Concat("XK-2025-", "0001")),
            Some.Charge(id: "C6", caseId: "XK-2025-0002"),
        };

        var findings = Judge(fee, charges, cases, [Some.Item("X0101"), Some.Item("X0201")]);

        findings.Where(f => f.Rule == "fee.out-of-scope").Select(f => f.Subject).Should().Equal("charge:C3", "charge:C6");
    }

    [Fact]
    public void Check_ExemptedPayerOutsideScopeAndOverStandard_StopsAtExempt()
    {
        var fee = Some.Fee("F0101", Some.Period(status: FeeStatus.Exempt, exemptPayers: ["小微企业"], max: 50m, scope: ["X0201"], collectors: ["U02"]));

        Rules(Judge(fee, [Some.Charge(amount: 80m, payer: "小微企业")])).Should().Equal("fee.exempt-charged");
    }

    [Fact]
    public void Check_ExemptForOthersAndPayerTypeUnknown_JudgedAsActive()
    {
        var fee = Some.Fee("F0101", Some.Period(status: FeeStatus.Exempt, exemptPayers: ["小微企业"], max: 50m));

        var findings = Judge(fee, [Some.Charge(amount: 80m, payer: null)], [Some.Case(decided: "2025-10-10", applicantType: null)]);

        Rules(findings).Should().Equal("fee.over-standard");
    }

    [Fact]
    public void Check_PeriodNotCoveringTheDate_StopsBeforeTheStandard()
    {
        var fee = Some.Fee("F0101", Some.Period(from: "2026-01-01", max: 50m));

        var f = Judge(fee, [Some.Charge(amount: 80m)]).Single();

        f.Rule.Should().Be("fee.not-in-force");
        f.OccurredOn.Should().Be(Some.Date("2025-10-10"));
    }

    [Fact]
    public void Check_Finding_EvidenceNamesThePeriodJudgedAgainst()
    {
        var fee = Some.Fee("F0101", Some.Period(from: "2015-01-01", to: "2015-10-14", max: 800m), Some.Period(from: "2015-10-15", max: 600m, basis: "新标准"));

        var f = Judge(fee, [Some.Charge(amount: 700m, on: "2015-10-15")]).Single();

        f.Rule.Should().Be("fee.over-standard");
        f.Basis.Should().EndWith("新标准");
        f.Evidence.TryGet("period", out var period).Should().BeTrue();
        var p = period.Should().BeOfType<Evidence>().Subject;
        p.TryGet("from", out var from).Should().BeTrue();
        from.Should().Be(Some.Date("2015-10-15"));
        p.TryGet("max", out var max).Should().BeTrue();
        max.Should().Be(600m);
    }

    [Fact]
    public void Check_FreeItemOfUnknownCase_NotJudged()
    {
        var findings = Judge(Some.Fee("F0101"), [Some.Charge(caseId: "NOPE", unit: "U01")], items: [Some.Item(free: true)]);

        findings.Should().BeEmpty();
    }

    [Fact]
    public void Check_UnknownFeeChargedTwiceOnOneCase_BothUnknownAndSecondDuplicate()
    {
        var findings = Judge(Some.Fee("F0101"), [Some.Charge(id: "C0001", fee: "F9999", on: "2025-10-10"), Some.Charge(id: "C0002", fee: "F9999", on: "2025-10-11")]);

        findings.Select(f => (f.Subject, f.Rule)).Should().Equal(
            ("charge:C0001", "fee.unknown"),
            ("charge:C0002", "fee.duplicate"),
            ("charge:C0002", "fee.unknown"));
        var dup = findings[1];
        dup.OccurredOn.Should().Be(Some.Date("2025-10-11"));
        dup.Unit.Should().Be("U01");
    }

    [Fact]
    public void Check_SameFeeOnDifferentCasesOrWithoutCase_NoDuplicate()
    {
        var findings = Judge(Some.Fee("F0101"),
        [
            Some.Charge(id: "C0001", caseId: "XK-2025-0001"),
            Some.Charge(id: "C0002", caseId: "XK-2025-0002"),
            Some.Charge(id: "C0003", caseId: null, unit: "U01"),
            Some.Charge(id: "C0004", caseId: null, unit: "U01"),
        ], [Some.Case(decided: "2025-10-10"), Some.Case(id: "XK-2025-0002", decided: "2025-10-10")]);

        findings.Should().BeEmpty();
    }
}
