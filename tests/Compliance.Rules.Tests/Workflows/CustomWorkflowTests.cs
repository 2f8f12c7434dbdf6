using Compliance.Engine.Catalog;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Workflows;

public class CustomWorkflowTests
{
    private static RuleSet With(string json) => Some.RuleSet(workflows: [new WorkflowFile("workflows/local.json", json)]);

    [Fact]
    public void Check_CustomChargeRuleBroken_FindingUnderItsOwnNameWithInterpolatedMessage()
    {
        const string json = """
            [{ "WorkflowName": "charges", "Rules": [
              { "RuleName": "local.big-cash", "Expression": "charge.Amount < 5000",
                "ErrorMessage": "缴款单$(charge.ChargeId)单笔收费$(charge.Amount)元，超过5000元须经审批",
                "Properties": { "severity": "yellow", "basis": "市财政局规定" } } ] }]
            """;

        var result = Checker.Create(With(json)).Check(
            Some.Feeds([Some.Case(decided: "2025-10-10")], charges: [Some.Charge(amount: 6000m), Some.Charge(id: "C0002", fee: "F0102", amount: 10m)]),
            Some.Date("2025-12-31"));

        var f = result.Findings.Single(x => x.Rule == "local.big-cash");
        f.Severity.Should().Be(Severity.Yellow);
        f.Subject.Should().Be("charge:C0001");
        f.Message.Should().Be("缴款单C0001单笔收费6000.00元，超过5000元须经审批");
        f.Basis.Should().Be("市财政局规定");
        f.OccurredOn.Should().Be(Some.Date("2025-10-10"));
        f.Evidence.TryGet("expression", out var expr).Should().BeTrue();
        expr.Should().Be("charge.Amount < 5000");
    }

    [Fact]
    public void Check_CaseRuleUsingHelpersAndLocalParams_Compiles()
    {
        const string json = """
            { "WorkflowName": "cases", "Rules": [
              { "RuleName": "local.quick", "LocalParams": [ { "Name": "days", "Expression": "cal.WorkingDaysBetween(case.Accepted, case.End)" } ],
                "Expression": "days <= 3 || catalog.Item(case.ItemCode) == null", "Properties": { "occurredOn": "case.End" } } ] }
            """;

        var result = Checker.Create(With(json)).Check(Some.Feeds([Some.Case(decided: "2025-10-10", statutory: 20, promised: 20)]), Some.Date("2025-12-31"));

        result.Findings.Should().ContainSingle(f => f.Rule == "local.quick").Which.OccurredOn.Should().Be(Some.Date("2025-10-10"));
    }

    [Fact]
    public void Check_CustomRuleWithoutSeverityOrBasis_RedWithEmptyBasis()
    {
        const string json = """{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.small", "Expression": "charge.Amount < 50" } ] }""";

        var result = Checker.Create(With(json)).Check(Some.Feeds(charges: [Some.Charge(caseId: null, unit: "U01", amount: 60m)]), Some.Date("2025-12-31"));

        var f = result.Findings.Single(x => x.Rule == "local.small");
        f.Severity.Should().Be(Severity.Red);
        f.Basis.Should().BeEmpty();
    }

    [Fact]
    public void Create_UnknownField_RefusedWithFileLineAndRule()
    {
        const string json = "[{ \"WorkflowName\": \"charges\", \"Rules\": [\n  { \"RuleName\": \"local.typo\", \"Expression\": \"charge.Amout > 0\" } ] }]";

        var act = () => Checker.Create(With(json));

        var problem = act.Should().Throw<RuleSetException>().Which.Problems.Single();
        problem.File.Should().Be("workflows/local.json");
        problem.Line.Should().Be(2);
        problem.Message.Should().Contain("local.typo").And.Contain("Amout").And.Contain("第 8 个字符处");
    }

    [Theory]
    [InlineData("charge.GetType().Name == \"x\"")]
    [InlineData("charge.Amount.GetType() != null")]
    [InlineData("Enumerable.Range(0, 2147483647).Count() > 0")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") != null")]
    [InlineData("Activator.CreateInstance(\"x\", \"y\") != null")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null")]
    [InlineData("new System.Net.Http.HttpClient() != null")]
    [InlineData("charge.Fee.GetType().Assembly != null")]
    [InlineData("Enumerable.Repeat(1, 100000000).Sum() > 0")]
    public void Create_ExpressionReachingOutsideTheFacts_Refused(string expression)
    {
        var json = $$"""[{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.evil", "Expression": {{Newtonsoft.Json.JsonConvert.ToString(expression)}} } ] }]""";

        var act = () => Checker.Create(With(json));

        act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle(p => p.Message.Contains("local.evil"));
    }

    [Theory]
    [InlineData("(", "true", ")")]
    [InlineData("new[]{", "1", "}.Length > 0 && true")]
    [InlineData("Math.Abs(", "1", ") > 0")]
    public void Create_ExpressionNestedThousandsDeep_RefusedAtTheFirstTooDeepBracketInsteadOfOverflowingTheStack(string open, string inner, string close)
    {
        var expression = string.Concat(Enumerable.Repeat(open, 20_000)) + inner + string.Concat(Enumerable.Repeat(close, 20_000));
        var json = $$"""{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.deep", "Expression": "{{expression}}" } ] }""";

        var act = () => Checker.Create(With(json));

        var problem = act.Should().Throw<RuleSetException>().Which.Problems.Single();
        problem.Message.Should().Contain("local.deep").And.Contain("括号嵌套超过 100 层");
        problem.Line.Should().Be(1);
        problem.Column.Should().Be(84 + (open.Length * 100) + open.IndexOfAny(['(', '[', '{']));
    }

    [Fact]
    public void Create_BracketsInsideStringLiterals_DoNotCountAsNesting()
    {
        var brackets = new string('(', 150);
        var json = $$"""{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.text", "Expression": "charge.FeeCode != \"{{brackets}}\"" } ] }""";

        var act = () => Checker.Create(With(json));

        act.Should().NotThrow();
    }

    [Fact]
    public void Check_RuleFailingAtRunTime_ErrorNamingFileRuleAndSubjectNotAFinding()
    {
        const string json = """[{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.npe", "Expression": "charge.Case.ItemCode != \"X\"" } ] }]""";
        var checker = Checker.Create(With(json));

        var act = () => checker.Check(Some.Feeds(charges: [Some.Charge(caseId: null, unit: "U01")]), Some.Date("2025-12-31"));

        var error = act.Should().Throw<RuleEvaluationException>().Which.Errors.Single();
        error.File.Should().Be("workflows/local.json");
        error.Rule.Should().Be("local.npe");
        error.Subject.Should().Be("charge:C0001");
    }

    [Fact]
    public void Check_RuleFailingOnEveryRecord_KeepsTheFirstFiftyInOrderAndCountsAll()
    {
        const string json = """[{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.npe", "Expression": "charge.Case.ItemCode != \"X\"" } ] }]""";
        var checker = Checker.Create(With(json));
        var charges = Enumerable.Range(0, 40_000).Select(i => Some.Charge(id: $"C{i:D6}", caseId: null, unit: "U01")).ToList();

        var act = () => checker.Check(Some.Feeds(charges: charges), Some.Date("2025-12-31"));

        var thrown = act.Should().Throw<RuleEvaluationException>().Which;
        thrown.Count.Should().Be(40_000);
        thrown.Errors.Select(e => e.Subject).Should().Equal(Enumerable.Range(0, 50).Select(i => $"charge:C{i:D6}"));
        thrown.Errors[0].ToString().Should().Be("workflows/local.json:1: 规则 local.npe 在 charge:C000000 上运行出错：取了空值（null）的成员（NullReferenceException）");
        thrown.Message.Should().Contain("……另有 39950 处");
    }

    [Theory]
    [InlineData("""{ "WorkflowName": "payments", "Rules": [ { "RuleName": "a", "Expression": "true" } ] }""", "WorkflowName")]
    [InlineData("""{ "WorkflowName": "charges", "Rules": [ { "RuleName": "a", "Expresion": "true" } ] }""", "Expresion")]
    [InlineData("""{ "WorkflowName": "charges", "Rules": [ { "RuleName": "fee.unknown", "Expression": "true" } ] }""", "内置检查")]
    [InlineData("""{ "WorkflowName": "charges", "Rules": [ { "RuleName": "a", "Expression": "true", "Properties": { "severity": "purple" } } ] }""", "severity")]
    [InlineData("""{ "WorkflowName": "charges", "Rules": [ { "RuleName": "a", "Expression": "charge.Amount" } ] }""", "a")]
    [InlineData("""{ "WorkflowName": "charges", "Rules": [ { "RuleName": "a", "Expression": "true" ] }""", "JSON 语法错误")]
    public void Create_BrokenWorkflowFile_Refused(string json, string mentioned)
    {
        var act = () => Checker.Create(With(json));

        act.Should().Throw<RuleSetException>().Which.Problems.Should().Contain(p => p.File == "workflows/local.json" && p.Message.Contains(mentioned));
    }

    [Fact]
    public void Create_MisspeltPropertiesKey_RefusedNamingTheKeyAtItsLine()
    {
        const string json = "{ \"WorkflowName\": \"charges\", \"Rules\": [\n  { \"RuleName\": \"a\", \"Expression\": \"true\",\n    \"Properties\": { \"severty\": \"yellow\" } } ] }";

        var act = () => Checker.Create(With(json));

        var problem = act.Should().Throw<RuleSetException>().Which.Problems.Single();
        problem.File.Should().Be("workflows/local.json");
        problem.Line.Should().Be(3);
        problem.Message.Should().Contain("severty").And.Contain("severity");
    }

    [Fact]
    public void Create_TwoRulesWithTheSameName_Refused()
    {
        const string json = """{ "WorkflowName": "charges", "Rules": [ { "RuleName": "a", "Expression": "true" }, { "RuleName": "a", "Expression": "true" } ] }""";

        var act = () => Checker.Create(With(json));

        act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle(p => p.Message.Contains("重复"));
    }
    [Theory]
    [InlineData("""{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.later", "Enabled": false, "Expression": "charge.Amout > 0" } ] }""")]
    [InlineData("""{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.later", "Operator": "And", "Rules": [ { "RuleName": "on", "Expression": "true" }, { "RuleName": "off", "Enabled": false, "Expression": "charge.Amout > 0" } ] } ] }""")]
    public void Create_DisabledRuleWithUnknownField_RefusedAllTheSame(string json)
    {
        var act = () => Checker.Create(With(json));

        act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle(p => p.Message.Contains("local.later") && p.Message.Contains("Amout"));
    }

    [Fact]
    public void Check_DisabledRule_CompiledButNeverJudges()
    {
        const string json = """{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.off", "Enabled": false, "Expression": "charge.Amount < 0" } ] }""";

        var checker = Checker.Create(With(json));
        var result = checker.Check(Some.Feeds(charges: [Some.Charge(caseId: null, unit: "U01", amount: 60m)]), Some.Date("2025-12-31"));

        result.Findings.Should().NotContain(f => f.Rule == "local.off");
        checker.Rules.Should().NotContain(r => r.Rule == "local.off");
    }
    [Fact]
    public void Create_UnknownField_PointsAtItsCharacterInChineseWithSuggestion()
    {
        const string json = "[{ \"WorkflowName\": \"charges\", \"Rules\": [\n  { \"RuleName\": \"local.typo\", \"Expression\": \"charge.Amout > 0\" } ] }]";

        var act = () => Checker.Create(With(json));

        var problem = act.Should().Throw<RuleSetException>().Which.Problems.Single();
        problem.ToString().Should().StartWith("workflows/local.json:2:53: ");
        problem.Message.Should().Contain("Expression").And.Contain("ChargeFacts 没有字段或属性 `Amout`，是否应为 `Amount`？").And.NotContain("No property");
    }

    [Theory]
    [InlineData("\"ErrorMessage\": \"金额$(charge.Amout)元\"", "ErrorMessage", 33)]
    [InlineData("\"Properties\": { \"occurredOn\": \"charge.ChargedOm\" }", "occurredOn", 43)]
    [InlineData("\"LocalParams\": [ { \"Name\": \"a\", \"Expression\": \"charge.Amout\" } ]", "LocalParams", 59)]
    public void Create_UnknownFieldOutsideExpression_NamesTheFieldAndPointsAtIt(string field, string named, int column)
    {
        var json = "[{ \"WorkflowName\": \"charges\", \"Rules\": [\n  { \"RuleName\": \"local.typo\", \"Expression\": \"true\",\n    " + field + " } ] }]";

        var act = () => Checker.Create(With(json));

        var problem = act.Should().Throw<RuleSetException>().Which.Problems.Single();
        problem.Line.Should().Be(3);
        problem.Column.Should().Be(column);
        problem.Message.Should().Contain("local.typo").And.Contain(named).And.Contain("是否应为");
    }

    [Theory]
    [InlineData("cal.WorkingDays(charge.ChargedOn, asOf) > 0", "CalendarHelpers 没有方法 `WorkingDays`")]
    [InlineData("chrge.Amount > 0", "未知的名称 `chrge`，是否应为 `charge`？")]
    [InlineData("charge.Amount > ", "表达式不完整")]
    [InlineData("charge.Amount", "结果应为 true 或 false")]
    [InlineData("charge.ChargeId > 5", "String 与 Int32 类型的值不能这样比较")]
    [InlineData("charge.Amount + \"x\" == 1", "运算符")]
    public void Create_ExpressionThatDoesNotCompile_ExplainedInChinese(string expression, string explained)
    {
        var json = $$"""[{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.x", "Expression": {{Newtonsoft.Json.JsonConvert.ToString(expression)}} } ] }]""";

        var act = () => Checker.Create(With(json));

        act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Which.Message.Should().Contain(explained);
    }

    [Fact]
    public void Create_MisspeltPropertiesKey_ColumnIsWhereTheKeyStarts()
    {
        const string json = "{ \"WorkflowName\": \"charges\", \"Rules\": [\n  { \"RuleName\": \"a\", \"Expression\": \"true\",\n    \"Properties\": { \"severty\": \"yellow\" } } ] }";

        var act = () => Checker.Create(With(json));

        act.Should().Throw<RuleSetException>().Which.Problems.Single().Column.Should().Be(21);
    }

    [Fact]
    public void Create_UnknownSeverity_ReportedOnceAtTheValue()
    {
        const string json = "{ \"WorkflowName\": \"charges\", \"Rules\": [\n  { \"RuleName\": \"a\", \"Expression\": \"true\", \"Properties\": { \"severity\": \"orange\" } } ] }";

        var act = () => Checker.Create(With(json));

        var problem = act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle().Which;
        problem.Column.Should().Be(72);
        problem.Message.Should().Contain("orange");
    }

    [Fact]
    public void Create_WorkflowFileWithSyntaxError_MessageInChinese()
    {
        const string json = "{ \"WorkflowName\": \"charges\", \"Rules\": [ { \"RuleName\": \"a\", \"Expression\": \"true\" ] }";

        var act = () => Checker.Create(With(json));

        act.Should().Throw<RuleSetException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().StartWith("JSON 语法错误：").And.NotContainAny("Unexpected", "Path", "line ");
    }
}
