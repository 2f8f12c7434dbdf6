using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Catalog;

/// <summary>What a valid rule folder becomes: values, defaults, and warnings that do not refuse it.</summary>
public sealed class RuleSetLoaderReadingTests
{
    [Fact]
    public void Load_OnlyRequiredFiles_UsesDefaults()
    {
        using var folder = TempRuleFolder.Valid();

        var ruleSet = folder.Load();

        ruleSet.Settings.Should().BeEquivalentTo(new Settings());
        ruleSet.Settings.WarnDays.Should().Be(2);
        ruleSet.Settings.DefaultStatutoryLimit.Should().Be(20);
        ruleSet.Units.Should().BeEmpty();
        ruleSet.Stages.Limits.Should().BeEmpty();
        ruleSet.Stages.LimitFor("建设", null).Should().BeNull();
        ruleSet.Workflows.Should().BeEmpty();
        ruleSet.Version.Should().Be("t1");
        ruleSet.Directory.Should().Be(Path.GetFullPath(folder.Directory));
    }

    [Fact]
    public void Load_FeesWithoutVersion_IsUnversioned()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """{ "fees": [] }""");

        var ruleSet = folder.Load();

        ruleSet.Version.Should().Be("unversioned");
        ruleSet.Label.Should().Be("unversioned+" + ruleSet.Hash);
    }

    [Fact]
    public void Load_Settings_ReadsEveryValueAndOverride()
    {
        using var folder = TempRuleFolder.Valid().Write("settings.json", """
            { "warnDays": 3, "defaultStatutoryLimit": 15,
              "warningTalk": { "redFindings": 4, "windowDays": 30 },
              "checks": {
                "fee.duplicate": { "severity": "red" },
                "case.due-soon": { "enabled": false },
                "fee.over-standard": { "message": "超标准收费{over}元", "basis": "《价格法》" }
              } }
            """);

        var settings = folder.Load().Settings;

        settings.WarnDays.Should().Be(3);
        settings.DefaultStatutoryLimit.Should().Be(15);
        settings.WarningTalkRedFindings.Should().Be(4);
        settings.WarningTalkWindowDays.Should().Be(30);
        settings.Checks.Should().HaveCount(3);
        settings.Checks["fee.duplicate"].Should().Be(new CheckOverride { Severity = Severity.Red });
        settings.Checks["case.due-soon"].Should().Be(new CheckOverride { Enabled = false });
        settings.Checks["fee.over-standard"].Should().Be(new CheckOverride { Message = "超标准收费{over}元", Basis = "《价格法》" });
    }

    [Fact]
    public void Load_Items_ReadsLimitsAndFree()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101", "name": "企业设立登记", "statutoryLimit": 20, "promisedLimit": 5, "basis": "《行政许可法》第四十二条" },
              { "code": "X0301", "name": "环评审批", "free": true }
            ] }
            """);

        var items = folder.Load().Items;

        items["X0101"].Should().Be(new Item
        {
            Code = "X0101", Name = "企业设立登记", StatutoryLimit = 20, PromisedLimit = 5, Basis = "《行政许可法》第四十二条",
        });
        items["X0301"].Should().Be(new Item { Code = "X0301", Name = "环评审批", Free = true });
    }

    [Fact]
    public void Load_FeePeriods_AreSortedAndDefaultTheirBasis()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0301", "name": "受理商标注册费", "department": "知识产权局", "basis": "商标法",
                "periods": [
                  { "from": "2017-04-01", "max": 300, "basis": "财税〔2017〕20号" },
                  { "from": "2014-01-01", "to": "2017-03-31", "max": 600.00, "scope": ["X0101"], "collectors": ["U01"] }
                ] }
            ] }
            """);

        var fee = folder.Load().Fees["F0301"];

        fee.Department.Should().Be("知识产权局");
        fee.Periods.Select(p => p.From).Should().Equal(new DateOnly(2014, 1, 1), new DateOnly(2017, 4, 1));
        fee.Periods[0].Basis.Should().Be("商标法");
        fee.Periods[0].Max.Should().Be(600.00m);
        fee.Periods[0].Scope.Should().BeEquivalentTo(["X0101"]);
        fee.Periods[0].Collectors.Should().BeEquivalentTo(["U01"]);
        fee.Periods[1].Basis.Should().Be("财税〔2017〕20号");
        fee.Periods[1].To.Should().BeNull();
        fee.Periods[1].Scope.Should().BeNull();
    }

    [Fact]
    public void Load_Amounts_AreExactDecimals()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "a", "basis": "b", "periods": [ { "from": "2015-01-01", "to": "2015-12-31", "max": 0.30 } ] },
              { "code": "F0102", "name": "a", "basis": "b", "periods": [ { "from": "2015-01-01", "max": 99999999999999.99 } ] }
            ] }
            """);

        var fees = folder.Load().Fees;

        fees["F0101"].Periods[0].Max.Should().Be(0.30m);
        fees["F0102"].Periods[0].Max.Should().Be(99999999999999.99m);
    }

    [Fact]
    public void Load_ExemptPeriod_KeepsItsPayers()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "a", "basis": "b",
                "periods": [ { "from": "2015-01-01", "status": "exempt", "exemptPayers": ["小微企业"] } ] }
            ] }
            """);

        var period = folder.Load().Fees["F0101"].Periods[0];

        period.Status.Should().Be(FeeStatus.Exempt);
        period.ExemptsPayer("小微企业").Should().BeTrue();
        period.ExemptsPayer("企业").Should().BeFalse();
    }

    [Fact]
    public void Validate_WarningsOnly_BuildsTheRuleSet()
    {
        using var folder = TempRuleFolder.Valid()
            .Write("fees.json", """
                { "fees": [
                  { "code": "F0101", "name": "a", "basis": "b",
                    "periods": [
                      { "from": "2015-01-01", "to": "2015-12-31", "scope": ["X0999"], "collectors": ["U99"] },
                      { "from": "2016-03-01", "status": "exempt" }
                    ] },
                  { "code": "F0102", "name": "无依据费", "periods": [ { "from": "2015-01-01" } ] }
                ] }
                """)
            .Write("units.json", """
                { "units": [
                  { "code": "U01", "name": "市市场监督管理局", "parent": "U00" }
                ] }
                """)
            .Write("calendars/2023.json", """{ "year": 2023, "papers": [], "days": [] }""");

        var validation = folder.Validate();

        validation.IsValid.Should().BeTrue();
        validation.Errors.Should().BeEmpty();
        validation.Warnings.Should().OnlyContain(p => p.Severity == "warning");
        validation.Warnings.Select(p => p.ToString()).Should().Equal(
            "calendars/2025.json:1:11: 缺少 2024 年的日历：这些年份的日期无法判定工作日，涉及的时限将列为缺日历",
            "fees.json:4:61: `scope` 中的事项 `X0999` 不在 items.json 中",
            "fees.json:4:86: `collectors` 中的单位 `U99` 不在 units.json 中",
            "fees.json:5:7: 收费 `F0101` 在 2016-01-01 至 2016-02-29 没有期间，这段时间的收费将判为不在有效期",
            "fees.json:5:31: 收费 `F0101` 的免征期间未列 `exemptPayers`，视为对所有缴款人免征",
            "fees.json:7:3: 收费 `F0102` 有 1 个期间未写 `basis`，收费项目本身也没有，以收费名称代替",
            "units.json:2:50: 单位 `U01` 的上级 `U00` 不在 units.json 中");
        validation.RuleSet!.Fees["F0102"].Periods[0].Basis.Should().Be("收费目录：F0102 无依据费");
        validation.RuleSet.Fees["F0101"].Periods[1].ExemptsPayer("个人").Should().BeTrue();
    }

    [Fact]
    public void Validate_MisspeltFileName_WarnsWithSuggestion()
    {
        using var folder = TempRuleFolder.Valid().Write("stage.json", "{}");

        var validation = folder.Validate();

        validation.IsValid.Should().BeTrue();
        validation.Warnings.Select(p => p.ToString()).Should().Equal("stage.json:1:1: 未知的规则文件 stage.json，已忽略，是否应为 `stages.json`？");
    }

    [Fact]
    public void Load_Stages_NormalisesNamesAndReadsLimits()
    {
        using var folder = TempRuleFolder.Valid().Write("stages.json", """
            { "stages": [
                { "stage": "approval", "type": "核准", "limit": 20, "unit": "working", "basis": "条例第十条" },
                { "stage": "立项", "type": "备案" },
                { "stage": "环评", "type": "报告书", "limit": 60, "unit": "calendar", "warnDays": 5 },
                { "stage": "Construction", "limit": 7, "unit": "calendar" }
              ],
              "prerequisites": { "construction": ["approval", "规划", "eia", "land"] },
              "aliases": { "施工许可": "建设", "project-approval": "approval" } }
            """);

        var stages = folder.Load().Stages;

        stages.LimitFor("立项", "核准").Should().Be(new StageLimit
        {
            Stage = "立项", Type = "核准", Limit = 20, Unit = LimitUnit.Working, Basis = "条例第十条",
        });
        stages.LimitFor("立项", "备案")!.Limit.Should().BeNull();
        stages.LimitFor("立项", null).Should().BeNull();
        stages.LimitFor("环评", "报告书").Should().Be(new StageLimit
        {
            Stage = "环评", Type = "报告书", Limit = 60, Unit = LimitUnit.Calendar, WarnDays = 5,
        });
        stages.LimitFor("建设", "施工许可")!.Limit.Should().Be(7);
        stages.PrerequisitesOf("建设").Should().Equal("立项", "规划", "环评", "用地");
        stages.TryResolve("施工许可", out var construction).Should().BeTrue();
        construction.Should().Be("建设");
        stages.TryResolve("project-approval", out var approval).Should().BeTrue();
        approval.Should().Be("立项");
    }

    [Fact]
    public void Load_Units_ReadsContacts()
    {
        using var folder = TempRuleFolder.Valid().Write("units.json", """
            { "units": [
              { "code": "U00", "name": "市纪委监委效能监察室" },
              { "code": "U01", "name": "市市场监督管理局", "parent": "U00",
                "contacts": { "email": "xk@scjg.gov.example", "webhook": "https://im.gov.example/hooks/scjg" } }
            ] }
            """);

        var units = folder.Load().Units;

        units["U01"].Should().Be(new Unit
        {
            Code = "U01", Name = "市市场监督管理局", Parent = "U00",
            Email = "xk@scjg.gov.example", Webhook = "https://im.gov.example/hooks/scjg",
        });
        units["U00"].Parent.Should().BeNull();
    }

    [Fact]
    public void Load_Workflows_KeepsTheirTextAndPathInOrder()
    {
        const string single = """{ "WorkflowName": "charges", "Rules": [] }""";
        const string many = """[ { "WorkflowName": "cases", "Rules": [] } ]""";
        using var folder = TempRuleFolder.Valid()
            .Write("workflows/b.json", single)
            .Write("workflows/a.json", many)
            .Write("workflows/notes.txt", "not a workflow");

        var workflows = folder.Load().Workflows;

        workflows.Should().Equal(new WorkflowFile("workflows/a.json", many), new WorkflowFile("workflows/b.json", single));
    }

    [Fact]
    public void Load_CommentsAndNullOptionalValues_AreAccepted()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "version": "t2",
              // history of one fee
              "fees": [
                { "code": "F0101", "name": "a", "basis": "b", "department": null,
                  "periods": [ { "from": "2015-01-01", "to": null, "max": null } ] }
              ] }
            """);

        var period = folder.Load().Fees["F0101"].Periods.Should().ContainSingle().Subject;

        period.To.Should().BeNull();
        period.Max.Should().BeNull();
    }
}
