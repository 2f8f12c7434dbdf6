using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Catalog;

/// <summary>The shipped <c>rules/</c>: it loads, and it holds what the contract and domain.md say it holds.</summary>
public sealed class ShippedRuleSetTests
{
    private static RuleSet Rules => ShippedRules.RuleSet;

    [Fact]
    public void Validate_ShippedRules_HasNoErrorsAndOnlyTheIntendedWarnings()
    {
        var validation = RuleSetLoader.Validate(ShippedRules.Directory);

        validation.Errors.Should().BeEmpty();
        // 财税〔2016〕42号 exempts every payer: the warning about an exemption without payers is meant here.
        validation.Warnings.Should().HaveCount(3).And.OnlyContain(w => w.Message.Contains("未列 `exemptPayers`", StringComparison.Ordinal));
        validation.Warnings.Select(w => w.Message[..9]).Should().Equal("收费 `F0103", "收费 `F1001", "收费 `F1002");
    }

    [Fact]
    public void Load_ShippedRules_IsVersionedAndHashed()
    {
        Rules.Version.Should().Be("2026-01");
        Rules.Hash.Should().MatchRegex("^[0-9a-f]{8}$");
        Rules.Label.Should().Be("2026-01+" + Rules.Hash);
    }

    [Fact]
    public void Settings_AreTheContractDefaults()
    {
        Rules.Settings.Should().BeEquivalentTo(new Settings());
    }

    [Fact]
    public void Items_AreARealisticCatalogueWithLimitsAndFreeItems()
    {
        Rules.Items.Count.Should().BeInRange(25, 40);
        Rules.Items["X0101"].Should().Be(new Item
        {
            Code = "X0101", Name = "企业设立登记", StatutoryLimit = 20, PromisedLimit = 5, Basis = "《中华人民共和国行政许可法》第四十二条",
        });
        Rules.Items.Values.Where(i => i.Free).Select(i => i.Code).Should().Equal("X0301", "X0302");
        Rules.Items.Values.Should().Contain(i => i.StatutoryLimit == null && i.PromisedLimit == null);
        Rules.Items.Values.Should().OnlyContain(i => !string.IsNullOrEmpty(i.Basis));
        Rules.Items.Values.Where(i => i.StatutoryLimit is not null && i.PromisedLimit is not null)
            .Should().OnlyContain(i => i.PromisedLimit <= i.StatutoryLimit);
    }

    [Fact]
    public void Units_HangUnderTheSupervisionOffice()
    {
        Rules.Units.Count.Should().BeInRange(15, 25);
        Rules.Units["U00"].Parent.Should().BeNull();
        Rules.Units.Values.Where(u => u.Code != "U00").Should().OnlyContain(u => u.Parent != null && Rules.Units.ContainsKey(u.Parent));
        Rules.Units["U0101"].Parent.Should().Be("U01");
        Rules.Units.Values.Should().OnlyContain(u =>
            u.Email!.EndsWith(".example", StringComparison.Ordinal)
            && new Uri(u.Webhook!).Host.EndsWith(".example", StringComparison.Ordinal));
    }

    [Fact]
    public void Fees_CarryTheHistoryOfTheReformNotices()
    {
        Rules.Fees["F0101"].PeriodOn(new DateOnly(2015, 1, 1))!.Status.Should().Be(FeeStatus.Abolished);
        Rules.Fees["F0201"].PeriodOn(new DateOnly(2015, 1, 1))!.Basis.Should().Contain("财税〔2014〕101号");
        Rules.Fees["F1101"].PeriodOn(new DateOnly(2015, 1, 1))!.IsStopped.Should().BeTrue();
        foreach (var code in new[] { "F0301", "F0401", "F0501", "F0704", "F0801", "F0901" })
        {
            var fee = Rules.Fees[code];
            fee.PeriodOn(new DateOnly(2017, 3, 31))!.IsStopped.Should().BeFalse(code);
            fee.PeriodOn(new DateOnly(2017, 4, 1))!.Status.Should().Be(FeeStatus.Abolished, code);
            fee.PeriodOn(new DateOnly(2017, 4, 1))!.Basis.Should().Contain("财税〔2017〕20号", code);
        }
        Rules.Fees["F1301"].PeriodOn(new DateOnly(2018, 8, 1))!.Status.Should().Be(FeeStatus.Suspended);
    }

    [Fact]
    public void Fees_LegallyFreeChargesAreNeverAllowed()
    {
        Rules.Fees["F0302"].PeriodOn(new DateOnly(2025, 1, 1))!.Basis.Should().Contain("环境影响评价法》第二十二条");
        Rules.Fees["F0302"].PeriodOn(new DateOnly(2025, 1, 1))!.IsStopped.Should().BeTrue();
        Rules.Fees["F9901"].PeriodOn(new DateOnly(2025, 1, 1))!.Basis.Should().Contain("行政许可法》第五十八条");
        Rules.Fees["F9901"].PeriodOn(new DateOnly(2025, 1, 1))!.IsStopped.Should().BeTrue();
    }

    [Fact]
    public void Fees_GiveEveryFeeCheckSomethingToJudge()
    {
        var current = Rules.Fees.Values.Select(f => f.PeriodOn(new DateOnly(2025, 6, 30))).OfType<FeePeriod>().ToList();

        current.Should().Contain(p => p.Status == FeeStatus.Active && p.Max != null && p.Scope != null && p.Collectors != null);
        current.Should().Contain(p => p.Status == FeeStatus.Exempt && p.ExemptPayers != null && p.Max != null);
        current.Should().Contain(p => p.Status == FeeStatus.Abolished);
        current.Should().Contain(p => p.Status == FeeStatus.Suspended);
        Rules.Fees.Values.Should().Contain(f => f.PeriodOn(new DateOnly(2016, 1, 1)) == null);
    }

    [Fact]
    public void Fees_EveryPeriodHasABasisAndTwoDecimalStandards()
    {
        var periods = Rules.Fees.Values.SelectMany(f => f.Periods).ToList();

        periods.Should().OnlyContain(p => p.Basis.Length > 0);
        periods.Where(p => p.Max is not null).Should().OnlyContain(p => decimal.Round(p.Max!.Value, 2) == p.Max);
    }

    [Fact]
    public void Fees_UnverifiedFactsOfDomainMdAreMarked()
    {
        Rules.Fees["F0102"].PeriodOn(new DateOnly(2016, 1, 1))!.Basis.Should().Contain("[未核实");
        Rules.Fees["F0402"].PeriodOn(new DateOnly(2016, 1, 1))!.Basis.Should().Contain("[未核实");
        Rules.Stages.LimitFor("用地", null)!.Basis.Should().Contain("[未核实]");
        Rules.Items["X0201"].Basis.Should().Contain("[未核实]");
    }

    [Fact]
    public void Stages_HoldTheStatutoryLimits()
    {
        var stages = Rules.Stages;

        stages.LimitFor("立项", "核准").Should().BeEquivalentTo(new { Limit = 20, Unit = LimitUnit.Working });
        stages.LimitFor("立项", "备案")!.Limit.Should().BeNull();
        stages.LimitFor("环评", "报告书").Should().BeEquivalentTo(new { Limit = 60, Unit = LimitUnit.Calendar, WarnDays = 5 });
        stages.LimitFor("环评", "报告表").Should().BeEquivalentTo(new { Limit = 30, Unit = LimitUnit.Calendar });
        stages.LimitFor("环评", "登记表")!.Limit.Should().BeNull();
        stages.LimitFor("环评", null).Should().BeNull();
        stages.LimitFor("建设", "施工许可").Should().BeEquivalentTo(new { Limit = 7, Unit = LimitUnit.Calendar });
        stages.LimitFor("建设", "施工许可")!.Basis.Should().Contain("建筑法》第八条");
        stages.LimitFor("规划", null)!.Basis.Should().Contain("地方规定");
        stages.LimitFor("用地", null)!.Basis.Should().Contain("地方规定");
        stages.PrerequisitesOf("建设").Should().Equal("立项", "规划", "环评", "用地");
    }

    [Theory]
    [InlineData("施工许可", "建设")]
    [InlineData("用地预审", "用地")]
    [InlineData("规划许可", "规划")]
    [InlineData("eia", "环评")]
    [InlineData("Construction", "建设")]
    public void Stages_ResolveAliasesAndEnglishNames(string name, string stage)
    {
        Rules.Stages.TryResolve(name, out var resolved).Should().BeTrue();
        resolved.Should().Be(stage);
    }

    [Fact]
    public void Calendars_KeepTheirLicenceBeside()
    {
        File.Exists(Path.Combine(ShippedRules.Directory, "calendars", "LICENSE")).Should().BeTrue();
        File.ReadAllText(Path.Combine(ShippedRules.Directory, "calendars", "LICENSE")).Should().Contain("NateScarlet");
    }
}
