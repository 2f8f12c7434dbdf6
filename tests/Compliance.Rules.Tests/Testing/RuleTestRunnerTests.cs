using Compliance.Engine.Catalog;
using Compliance.Rules.Evaluation;
using Compliance.Rules.Testing;

namespace Compliance.Rules.Tests.Testing;

public class RuleTestRunnerTests
{
    private static readonly string Rules = Path.Combine(Some.RepoRoot, "rules");

    [Fact]
    public void Run_ShippedRuleTests_AllPass()
    {
        var problems = new List<RuleSetProblem>();
        var tests = RuleTestReader.ReadFolder(Rules, problems);
        var report = RuleTestRunner.Run(Checker.Create(RuleSetLoader.Load(Rules)), tests);

        problems.Should().BeEmpty();
        tests.Should().NotBeEmpty();
        report.Results.Where(r => !r.Passed).Select(r => r.Test.Name + ": " + string.Join(" | ", r.Failures)).Should().BeEmpty();
    }

    [Fact]
    public void Run_WrongExpectation_FailsShowingExpectedAndGot()
    {
        const string json = """
            { "tests": [ { "name": "wrong", "asOf": "2025-11-03",
              "records": { "cases": [ { "case_id": "A", "item_code": "X0101", "unit_code": "U01", "accepted_at": "2025-09-26", "decided_at": "2025-11-03", "statutory_limit": 20, "promised_limit": 20 } ] },
              "expect": [ { "rule": "case.overdue-statutory", "subject": "case:A", "occurredOn": "2025-10-30", "evidence": { "over": 3 } } ] } ] }
            """;
        var problems = new List<RuleSetProblem>();
        var tests = RuleTestReader.Read("tests/wrong.json", json, problems);

        var result = RuleTestRunner.Run(Checker.Create(RuleSetLoader.Load(Rules)), tests).Results.Single();

        result.Passed.Should().BeFalse();
        result.Failures.Should().Contain(f => f.Contains("期望 occurredOn 为 2025-10-30，实际为 2025-10-31"));
        result.Failures.Should().Contain(f => f.Contains("期望 evidence.over 为 3，实际为 2"));
    }

    [Fact]
    public void Read_BrokenTestFile_ProblemsWithLineAndColumn()
    {
        const string json = "{ \"tests\": [\n  { \"name\": \"x\", \"asof\": \"2025-11-03\", \"records\": {}, \"expect\": [] } ] }";
        var problems = new List<RuleSetProblem>();

        RuleTestReader.Read("tests/bad.json", json, problems);

        problems.Should().Contain(p => p.Line == 2 && p.Message.Contains("asof"));
        problems.Should().Contain(p => p.Message.Contains("没有任何期望"));
    }
    [Fact]
    public void Read_MisspeltTestKey_ChineseProblemWhereTheKeyStartsWithSuggestion()
    {
        const string json = "{ \"tests\": [\n  { \"name\": \"x\", \"asof\": \"2025-11-03\", \"records\": {}, \"expect\": [ { \"rule\": \"a\", \"subject\": \"case:A\", \"sevrity\": \"red\" } ] } ] }";
        var problems = new List<RuleSetProblem>();

        RuleTestReader.Read("tests/bad.json", json, problems);

        problems.Select(p => p.ToString()).Should().Equal(
            "tests/bad.json:2:3: 测试 \"x\" 缺少 \"asOf\" 日期（YYYY-MM-DD）",
            "tests/bad.json:2:18: 未知的测试键 `asof`，是否应为 `asOf`？",
            "tests/bad.json:2:103: 未知的期望键 `sevrity`，是否应为 `severity`？");
    }

    [Fact]
    public void Read_TestFileNotJson_ChineseSyntaxError()
    {
        var problems = new List<RuleSetProblem>();

        RuleTestReader.Read("tests/bad.json", "{ \"tests\": [ { \"name\": \"x\" ", problems);

        problems.Should().ContainSingle().Which.Message.Should().StartWith("JSON 语法错误：文件意外结束");
    }

    [Theory]
    [InlineData("case.overdue-statutry", "case:A", "case.overdue-statutry", "case.overdue-statutory")]
    [InlineData("case.overdue-promised", "case:B", "case:B", "case:A")]
    [InlineData("fee.unknown", "case:A", "fee.unknown", "charge:")]
    public void Run_ExpectNotThatCouldNeverMatch_FailsNamingTheMistake(string rule, string subject, string named, string hint)
    {
        var json = $$"""
            { "tests": [ { "name": "永远通过的否定期望", "asOf": "2025-11-03",
              "records": { "cases": [ { "case_id": "A", "item_code": "X0101", "unit_code": "U01", "accepted_at": "2025-10-27", "decided_at": "2025-10-28" } ] },
              "expectNot": [ { "rule": "{{rule}}", "subject": "{{subject}}" } ] } ] }
            """;
        var tests = RuleTestReader.Read("tests/never.json", json, []);

        var result = RuleTestRunner.Run(Checker.Create(RuleSetLoader.Load(Rules)), tests).Results.Single();

        result.Passed.Should().BeFalse();
        result.Failures.Should().ContainSingle().Which.Should().Contain(named).And.Contain(hint);
    }

    [Fact]
    public void Run_ExpectOnUnknownRule_FailsWithSuggestionInsteadOfGot()
    {
        const string json = """
            { "tests": [ { "name": "规则代码写错", "asOf": "2025-11-03",
              "records": { "cases": [ { "case_id": "A", "item_code": "X0101", "unit_code": "U01", "accepted_at": "2025-09-26", "decided_at": "2025-11-03", "statutory_limit": 20, "promised_limit": 20 } ] },
              "expect": [ { "rule": "case.overdue-statutry", "subject": "case:A" } ] } ] }
            """;
        var tests = RuleTestReader.Read("tests/typo.json", json, []);

        var result = RuleTestRunner.Run(Checker.Create(RuleSetLoader.Load(Rules)), tests).Results.Single();

        result.Failures.Should().ContainSingle().Which.Should().Contain("case.overdue-statutry").And.Contain("是否应为 `case.overdue-statutory`");
    }
}
