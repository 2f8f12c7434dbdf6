namespace Compliance.Host.Tests;

public class RulesCommandTests
{
    private static TempFolder CopyOfShippedRules()
    {
        var temp = new TempFolder();
        temp.CopyShippedRules();
        return temp;
    }

    private static TempFolder Data()
    {
        var temp = new TempFolder();
        temp.Write("data/cases.csv", """
            case_id,item_code,unit_code,accepted_at,decided_at,statutory_limit,promised_limit
            XK-2025-0001,X0107,U01,2025-09-26,2025-11-03,20,20
            """);
        temp.Write("data/charges.csv", """
            charge_id,case_id,fee_code,amount,charged_at
            JK-1,XK-2025-0001,F0102,280.00,2025-10-09
            """);
        return temp;
    }

    [Fact]
    public void Validate_ShippedRules_Exit0WithVersionHashAndWarnings()
    {
        var outcome = Cli.Run("rules", "validate", "--rules", Repository.Rules, "--as-of", "2026-11-26").ShouldExit(0);

        outcome.Stdout.Should().MatchRegex(@"规则集 2026-01\+[0-9a-f]{8}（版本 2026-01，内容哈希 [0-9a-f]{8}）：0 个错误");
        outcome.Stdout.Should().Contain("calendars/:1:1: warning: 没有2027年的日历");
    }

    [Fact]
    public void Validate_BrokenCopy_Exit2ListingFileLineColumnSeverity()
    {
        using var temp = CopyOfShippedRules();
        var settings = temp.Sub("rules/settings.json");
        File.WriteAllText(settings, "{\n  \"warnDays\": 2,\n  \"defaultStatutoryLimt\": 20\n}\n");
        temp.Write("rules/workflows/bad.json", "{ \"WorkflowName\": \"charges\", \"Rules\": [\n  { \"RuleName\": \"local.bad\", \"Expression\": \"charge.Amout > 0\" } ] }");

        var outcome = Cli.Run("rules", "validate", "--rules", temp.Sub("rules"), "--as-of", "2025-11-03").ShouldExit(2);

        outcome.Stdout.Should().Contain("settings.json:3:3: error:").And.Contain("defaultStatutoryLimit");
        outcome.Stdout.Should().Contain("workflows/bad.json:2:52: error: 规则 local.bad：Expression 无法编译：ChargeFacts 没有字段或属性 `Amout`，是否应为 `Amount`？");
        outcome.Stdout.Should().Contain("规则集被拒绝：2 个错误");
    }

    [Fact]
    public void Validate_BrokenCopyWithoutNextYearsCalendar_ListsTheCalendarWarningWithTheErrors()
    {
        using var temp = CopyOfShippedRules();
        File.Delete(temp.Sub("rules/calendars/2026.json"));
        File.WriteAllText(temp.Sub("rules/settings.json"), "{ \"warnDays\": -1 }");

        var outcome = Cli.Run("rules", "validate", "--rules", temp.Sub("rules"), "--as-of", "2025-11-03").ShouldExit(2);

        outcome.Stdout.Should().Contain("settings.json:1:15: error:");
        outcome.Stdout.Should().Contain("calendars/:1:1: warning: 没有2026年的日历");
    }

    [Fact]
    public void Validate_ExpressionErrorInCustomRule_NamesFileLineAndRule()
    {
        using var temp = CopyOfShippedRules();
        temp.Write("rules/workflows/bad.json", "{ \"WorkflowName\": \"charges\", \"Rules\": [\n  { \"RuleName\": \"local.bad\", \"Expression\": \"charge.Amout > 0\" } ] }");

        var outcome = Cli.Run("rules", "validate", "--rules", temp.Sub("rules"), "--as-of", "2025-11-03").ShouldExit(2);

        outcome.Stdout.Should().Contain("workflows/bad.json:2:").And.Contain("error: 规则 local.bad").And.Contain("Amout");
    }

    [Fact]
    public void Validate_UnreadableWorkflowFileInBrokenCopy_Exit2NamingTheFileInsteadOfCrashing()
    {
        using var temp = CopyOfShippedRules();
        File.WriteAllText(temp.Sub("rules/settings.json"), "{ \"warnDays\": -1 }");
        var loop = temp.Sub("rules/workflows/loop.json");
        File.CreateSymbolicLink(loop, loop);

        var outcome = Cli.Run("rules", "validate", "--rules", temp.Sub("rules"), "--as-of", "2025-11-03").ShouldExit(2);

        outcome.Stdout.Should().Contain("workflows/loop.json:1:1: error: 无法读取文件");
        outcome.Stdout.Should().Contain("settings.json:1:15: error:");
    }

    [Fact]
    public void Test_ShippedRules_PassWithClosingLine()
    {
        var outcome = Cli.Run("rules", "test", "--rules", Repository.Rules).ShouldExit(0);

        outcome.Stdout.Should().MatchRegex(@"\d+ passed, 0 failed");
    }

    [Fact]
    public void Test_FailingRuleTest_Exit1ShowingExpectedVsGot()
    {
        using var temp = CopyOfShippedRules();
        temp.Write("rules/tests/zz-wrong.json", """
            { "tests": [ { "name": "故意写错的期望", "asOf": "2025-11-03",
              "records": { "cases": [ { "case_id": "A", "item_code": "X0101", "unit_code": "U01", "accepted_at": "2025-09-26", "decided_at": "2025-11-03", "statutory_limit": 20, "promised_limit": 20 } ] },
              "expect": [ { "rule": "case.overdue-statutory", "subject": "case:A", "severity": "yellow" } ] } ] }
            """);

        var outcome = Cli.Run("rules", "test", "--rules", temp.Sub("rules")).ShouldExit(1);

        outcome.Stdout.Should().Contain("FAIL  tests/zz-wrong.json:1  故意写错的期望");
        outcome.Stdout.Should().Contain("case.overdue-statutory case:A：期望级别为 yellow，实际为 red");
        outcome.Stdout.Should().MatchRegex(@"\d+ passed, 1 failed");
    }

    [Fact]
    public void Explain_CaseAcrossNationalDay_DayByDayInChinese()
    {
        using var data = Data();

        var outcome = Cli.Run("explain", "--rules", Repository.Rules, "--data", data.Sub("data"), "--as-of", "2025-11-03", "case:XK-2025-0001").ShouldExit(0);

        outcome.Stdout.Should().Contain("2025-10-01 周三  不计    法定节假日（");
        outcome.Stdout.Should().Contain("✗ case.overdue-statutory（红牌，发生于2025-10-31）");
    }

    [Theory]
    [InlineData("case:XK-2099-9999", "数据中没有该办件")]
    [InlineData("XK-2025-0001", "主体格式应为")]
    public void Explain_SubjectNotInDataOrMalformed_Exits2SayingWhy(string subject, string why)
    {
        using var data = Data();

        var outcome = Cli.Run("explain", "--rules", Repository.Rules, "--data", data.Sub("data"), "--as-of", "2025-11-03", subject).ShouldExit(ExitCode.NothingJudged);

        outcome.Stdout.Should().Contain("未判定：" + why);
    }

    [Fact]
    public void Diff_StandardCutUnderAnOverchargeAlreadyFound_ShowsItsContentChange()
    {
        using var rules = CopyOfShippedRules();
        using var data = Data();
        data.Write("data/charges.csv", """
            charge_id,case_id,fee_code,amount,charged_at
            JK-2,XK-2025-0001,F0102,320.00,2025-10-09
            """);
        var fees = rules.Sub("rules/fees.json");
        File.WriteAllText(fees, File.ReadAllText(fees).Replace("\"max\": 300.00", "\"max\": 250.00", StringComparison.Ordinal));

        var outcome = Cli.Run("rules", "diff", "--base", Repository.Rules, "--rules", rules.Sub("rules"), "--data", data.Sub("data"), "--as-of", "2025-11-03").ShouldExit(0);

        outcome.Stdout.Should().Contain("内容改变 1").And.Contain("改内容  fee.over-standard  1");
        outcome.Stdout.Should().MatchRegex(@"改内容  fee\.over-standard  charge:JK-2  红牌  .*超收70\.00元");
        outcome.Stdout.Should().MatchRegex(@"改动前：.*超收20\.00元");
    }

    [Fact]
    public void Diff_StandardCut_ShowsAppearingOverStandardByCodeAndUnit()
    {
        using var rules = CopyOfShippedRules();
        using var data = Data();
        var fees = rules.Sub("rules/fees.json");
        var text = File.ReadAllText(fees);
        File.WriteAllText(fees, text.Replace("\"max\": 300.00", "\"max\": 250.00", StringComparison.Ordinal));

        var outcome = Cli.Run("rules", "diff", "--base", Repository.Rules, "--rules", rules.Sub("rules"), "--data", data.Sub("data"), "--as-of", "2025-11-03").ShouldExit(0);

        outcome.Stdout.Should().Contain("新出现  fee.over-standard  1");
        outcome.Stdout.Should().Contain("charge:JK-1");
    }
}

public class CheckRuleErrorTests
{
    [Fact]
    public void Check_CustomRuleThrowingAtRunTime_Exit2NamingFileRuleAndSubject()
    {
        using var temp = new TempFolder();
        foreach (var file in Directory.GetFiles(Repository.Rules, "*", SearchOption.AllDirectories))
        {
            var target = temp.Sub(Path.Combine("rules", Path.GetRelativePath(Repository.Rules, file)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        temp.Write("rules/workflows/npe.json", """[{ "WorkflowName": "charges", "Rules": [ { "RuleName": "local.npe", "Expression": "charge.Case.ItemCode != \"X\"" } ] }]""");
        temp.Write("data/charges.csv", "charge_id,fee_code,amount,charged_at,unit_code\nJK-1,F0205,10,2025-10-09,U0201\n");

        var outcome = Cli.Run("check", "--rules", temp.Sub("rules"), "--data", temp.Sub("data"), "--as-of", "2025-11-03", "--out", temp.Sub("out")).ShouldExit(2);

        outcome.Stderr.Should().Contain("workflows/npe.json:1: 规则 local.npe 在 charge:JK-1 上运行出错：取了空值（null）的成员");
        File.Exists(temp.Sub("out/findings.jsonl")).Should().BeFalse();
    }
}
