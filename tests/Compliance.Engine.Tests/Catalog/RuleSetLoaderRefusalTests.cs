using Compliance.Engine.Catalog;

namespace Compliance.Engine.Tests.Catalog;

/// <summary>Each broken rule file is refused with the place to fix it, as <c>file:line:column: message</c>.</summary>
public sealed class RuleSetLoaderRefusalTests
{
    [Fact]
    public void Validate_MisspeltKey_ReportsUnknownKeyWithSuggestion()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101", "name": "企业设立登记", "statutoryLimt": 20 }
            ] }
            """);

        folder.Problems().Should().Equal("items.json:2:40: 未知的键 `statutoryLimt`，是否应为 `statutoryLimit`？");
        folder.Validate().IsValid.Should().BeFalse();
    }

    [Fact]
    public void Validate_KeyInWrongCase_ReportsItAsUnknown()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101", "name": "a", "StatutoryLimit": 20 }
            ] }
            """);

        folder.Problems().Should().Equal("items.json:2:35: 未知的键 `StatutoryLimit`，是否应为 `statutoryLimit`？");
    }

    [Fact]
    public void Validate_FarFromAnyKey_ReportsUnknownKeyWithoutSuggestion()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101", "name": "a", "colour": "red" }
            ] }
            """);

        folder.Problems().Should().Equal("items.json:2:35: 未知的键 `colour`");
    }

    [Fact]
    public void Validate_StringWhereIntegerExpected_ReportsWrongType()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101", "name": "a", "statutoryLimit": "20" }
            ] }
            """);

        folder.Problems().Should().Equal("items.json:2:53: `statutoryLimit` 应为整数，实际为字符串 \"20\"");
    }

    [Fact]
    public void Validate_FractionalLimit_ReportsWrongType()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101", "name": "a", "statutoryLimit": 20.5 }
            ] }
            """);

        folder.Problems().Should().Equal("items.json:2:53: `statutoryLimit` 应为整数，实际为小数 20.5");
    }

    [Fact]
    public void Validate_NegativeLimit_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101", "name": "a", "statutoryLimit": -5 }
            ] }
            """);

        folder.Problems().Should().Equal("items.json:2:53: `statutoryLimit` 不能为负数：-5");
    }

    [Fact]
    public void Validate_MissingRequiredKey_ReportsItAtTheObject()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101" }
            ] }
            """);

        folder.Problems().Should().Equal("items.json:2:3: 缺少必填键 `name`");
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025/01/01")]
    [InlineData("2025-1-01")]
    [InlineData("20250101")]
    public void Validate_BadDate_ReportsIt(string date)
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", $$"""
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "{{date}}" }
                ] }
            ] }
            """);

        folder.Problems().Should().Equal($"fees.json:4:17: `from` 不是有效日期：\"{date}\"（应为 YYYY-MM-DD）");
    }

    [Fact]
    public void Validate_ToBeforeFrom_ReportsItAtTo()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "2016-01-01", "to": "2015-12-31" }
                ] }
            ] }
            """);

        folder.Problems().Should().Equal("fees.json:4:37: `to` 2015-12-31 早于 `from` 2016-01-01");
    }

    [Fact]
    public void Validate_OverlappingPeriods_ReportsTheLaterPeriod()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "2015-01-01", "to": "2016-06-30" },
                  { "from": "2016-01-01" }
                ] }
            ] }
            """);

        folder.Problems().Should().Equal(
            "fees.json:5:7: 收费 `F0101` 自 2016-01-01 起的期间与前一期间（2015-01-01 至 2016-06-30，fees.json:4:7）重叠");
    }

    [Fact]
    public void Validate_OverlapWrittenOutOfOrder_ReportsThePeriodThatStartsLater()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "2016-01-01" },
                  { "from": "2015-01-01" }
                ] }
            ] }
            """);

        folder.Problems().Should().Equal(
            "fees.json:4:7: 收费 `F0101` 自 2016-01-01 起的期间与前一期间（2015-01-01 起，fees.json:5:7）重叠");
    }

    [Fact]
    public void Validate_PeriodEndingOnTheDayTheNextStarts_ReportsOverlapBecauseToIsInclusive()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "2015-01-01", "to": "2015-10-15" },
                  { "from": "2015-10-15" }
                ] }
            ] }
            """);

        folder.Problems().Should().Equal(
            "fees.json:5:7: 收费 `F0101` 自 2015-10-15 起的期间与前一期间（2015-01-01 至 2015-10-15，fees.json:4:7）重叠");
    }

    [Fact]
    public void Validate_PeriodsMeetingDayAfterDay_NoProblem()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "2015-01-01", "to": "2015-10-14" },
                  { "from": "2015-10-15", "to": "2017-03-31" },
                  { "from": "2017-04-01", "status": "abolished" }
                ] }
            ] }
            """);

        folder.Problems().Should().BeEmpty();
    }

    [Fact]
    public void Validate_DuplicateFeeCode_ReportsTheSecondWithTheFirst()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "a", "basis": "b", "periods": [ { "from": "2015-01-01" } ] },
              { "code": "F0101", "name": "c", "basis": "b", "periods": [ { "from": "2015-01-01" } ] }
            ] }
            """);

        folder.Problems().Should().Equal("fees.json:3:13: 收费代码 `F0101` 重复（首次出现于 fees.json:2:13）");
    }

    [Fact]
    public void Validate_DuplicateItemCode_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101", "name": "a" },
              { "code": "X0101", "name": "b" }
            ] }
            """);

        folder.Problems().Should().Equal("items.json:3:13: 事项代码 `X0101` 重复（首次出现于 items.json:2:13）");
    }

    [Fact]
    public void Validate_AmountWithThreeDecimals_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "2015-01-01", "max": 1.005 }
                ] }
            ] }
            """);

        folder.Problems().Should().Equal("fees.json:4:38: `max` 最多两位小数：1.005");
    }

    [Fact]
    public void Validate_NegativeAmount_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "2015-01-01", "max": -3 }
                ] }
            ] }
            """);

        folder.Problems().Should().Equal("fees.json:4:38: `max` 不能为负数：-3");
    }

    [Fact]
    public void Validate_UnknownStatus_ReportsAllowedValues()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "2015-01-01", "status": "abolish" }
                ] }
            ] }
            """);

        folder.Problems().Should().Equal(
            "fees.json:4:41: `status` 的值 \"abolish\" 无效，应为 active、abolished、suspended、exempt 之一，是否应为 `abolished`？");
    }

    [Fact]
    public void Validate_ExemptPayersWithoutExemptStatus_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("fees.json", """
            { "fees": [
              { "code": "F0101", "name": "测试费", "basis": "b",
                "periods": [
                  { "from": "2015-01-01", "exemptPayers": ["小微企业"] }
                ] }
            ] }
            """);

        folder.Problems().Should().Equal("fees.json:4:31: `exemptPayers` 只能用于 `status` 为 exempt 的期间");
    }

    [Fact]
    public void Validate_JsonSyntaxError_ReportsTheReadersPosition()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101" "name": "a" }
            ] }
            """);

        folder.Problems().Should().Equal("items.json:2:20: JSON 语法错误：值后面出现意外的字符 \"，是否缺少逗号？");
    }

    [Fact]
    public void Validate_UnclosedArray_ReportsTheEndOfTheFile()
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", """
            { "items": [
              { "code": "X0101", "name": "a" }
            """);

        folder.Problems().Should().ContainSingle().Which.Should().StartWith("items.json:2:").And.Contain("文件意外结束");
    }

    [Theory]
    [InlineData("{ \"warnDays\": 2", "settings.json:1:15: JSON 语法错误：文件意外结束，是否有括号或引号没有闭合？")]
    [InlineData("{ \"warnDays\": \"2 }", "settings.json:1:18: JSON 语法错误：字符串没有闭合的引号")]
    public void Validate_SyntaxErrorWithEnglishTail_WholeMessageInChinese(string json, string expected)
    {
        using var folder = TempRuleFolder.Valid().Write("settings.json", json);

        folder.Problems().Should().Equal(expected);
    }

    [Theory]
    [InlineData("010")]
    [InlineData("0x10")]
    public void Validate_NumberTheReaderAcceptsButJsonDoesNot_ReportsIt(string literal)
    {
        using var folder = TempRuleFolder.Valid().Write("items.json", $$"""
            { "items": [
              { "code": "X0101", "name": "a", "statutoryLimit": {{literal}} }
            ] }
            """);

        folder.Problems().Should().Equal($"items.json:2:53: `statutoryLimit` 不是标准的 JSON 数字：{literal}（不能有前导 0 或十六进制）");
    }

    [Fact]
    public void Validate_DuplicateJsonKey_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("settings.json", """
            { "warnDays": 2,
              "warnDays": 3 }
            """);

        folder.Problems().Should().ContainSingle().Which.Should().StartWith("settings.json:2:").And.EndWith("JSON 语法错误：键 `warnDays` 重复");
    }

    [Fact]
    public void Validate_FileNotUtf8_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid()
            .WriteBytes("items.json", [.. "{ \"items\": [ { \"code\": \"X0101\", \"name\": \""u8, 0xC6, 0xF3, .. "\" } ] }"u8]);

        folder.Problems().Should().Equal("items.json:1:42: 文件不是有效的 UTF-8 编码：此处的字节 0xC6 无法解码（规则文件须保存为 UTF-8）");
    }

    [Fact]
    public void Validate_GbkBytesOnALaterLine_ReportsTheLineAndColumnWhereDecodingFails()
    {
        using var folder = TempRuleFolder.Valid()
            .WriteBytes("items.json", [.. "{ \"items\": [\r\n  { \"code\": \"X0101\", \"name\": \"企业"u8, 0xC9, 0xE8, .. "\" } ] }"u8]);

        folder.Problems().Should().Equal("items.json:2:33: 文件不是有效的 UTF-8 编码：此处的字节 0xC9 无法解码（规则文件须保存为 UTF-8）");
    }

    [Fact]
    public void Validate_FileCutInsideAMultiByteCharacter_ReportsWhereTheCharacterStarts()
    {
        using var folder = TempRuleFolder.Valid()
            .WriteBytes("items.json", [.. "{ \"items\": [ { \"name\": \""u8, 0xE4, 0xBC]);

        folder.Problems().Should().Equal("items.json:1:25: 文件不是有效的 UTF-8 编码：此处的字节 0xE4 无法解码（规则文件须保存为 UTF-8）");
    }

    [Fact]
    public void Validate_JsonNestedDeeperThanTheReaderAllows_RefusedInChinese()
    {
        using var folder = TempRuleFolder.Valid().Write("settings.json", new string('[', 100) + new string(']', 100));

        folder.Problems().Should().Equal("settings.json:1:65: JSON 语法错误：嵌套超过 64 层");
    }

    [Fact]
    public void Validate_Utf8WithBom_IsAccepted()
    {
        using var folder = TempRuleFolder.Valid()
            .WriteBytes("items.json", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(TempRuleFolder.ItemsJson)]);

        folder.Problems().Should().BeEmpty();
    }

    [Fact]
    public void Validate_UnknownStageInPrerequisites_ReportsItWithSuggestion()
    {
        using var folder = TempRuleFolder.Valid().Write("stages.json", """
            { "prerequisites": {
                "建设": ["立项", "规化"]
              } }
            """);

        folder.Problems().Should().Equal(
            "stages.json:2:18: `prerequisites.建设` 中的未知环节 `规化`，应为 立项、规划、环评、用地、建设 或其英文名，是否应为 `规划`？");
    }

    [Fact]
    public void Validate_AliasToUnknownStage_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("stages.json", """
            { "aliases": {
                "施工许可": "施工"
              } }
            """);

        folder.Problems().Should().ContainSingle().Which.Should().StartWith("stages.json:2:13: 别名 `施工许可` 指向未知环节 `施工`");
    }

    [Fact]
    public void Validate_PrerequisitesInACycle_ReportsEachStageOfIt()
    {
        using var folder = TempRuleFolder.Valid().Write("stages.json", """
            { "prerequisites": {
                "建设": ["立项"],
                "approval": ["construction"]
              } }
            """);

        folder.Problems().Should().HaveCount(2).And.OnlyContain(p => p.Contains("成环", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateStageAndType_ReportsTheSecond()
    {
        using var folder = TempRuleFolder.Valid().Write("stages.json", """
            { "stages": [
                { "stage": "环评", "type": "报告书", "limit": 60, "unit": "calendar" },
                { "stage": "eia", "type": "报告书", "limit": 30 }
              ] }
            """);

        folder.Problems().Should().Equal("stages.json:3:5: 环节时限 `环评` / `报告书` 重复（首次出现于 stages.json:2:5）");
    }

    [Fact]
    public void Validate_UnknownLimitUnit_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("stages.json", """
            { "stages": [
                { "stage": "建设", "limit": 7, "unit": "days" }
              ] }
            """);

        folder.Problems().Should().Equal("stages.json:2:42: `unit` 的值 \"days\" 无效，应为 working、calendar 之一");
    }

    [Fact]
    public void Validate_UnknownCheckCodeInSettings_ReportsItWithSuggestion()
    {
        using var folder = TempRuleFolder.Valid().Write("settings.json", """
            { "checks": {
                "fee.duplicat": { "severity": "red" }
              } }
            """);

        folder.Problems().Should().Equal("settings.json:2:5: `checks` 中的 `fee.duplicat` 不是内置检查代码，是否应为 `fee.duplicate`？");
    }

    [Fact]
    public void Validate_UnknownSeverityName_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("settings.json", """
            { "checks": {
                "fee.duplicate": { "severity": "orange" }
              } }
            """);

        folder.Problems().Should().Equal("settings.json:2:36: `severity` 的值 \"orange\" 无效，应为 warning、yellow、red 之一");
    }

    [Fact]
    public void Validate_NegativeWarnDays_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("settings.json", """{ "warnDays": -1 }""");

        folder.Problems().Should().Equal("settings.json:1:15: `warnDays` 不能为负数：-1");
    }

    [Fact]
    public void Validate_RequiredFileThatCannotBeRead_ReportedOnceAsUnreadable()
    {
        using var folder = TempRuleFolder.Valid();
        var fees = System.IO.Path.Combine(folder.Directory, "fees.json");
        File.Delete(fees);
        File.CreateSymbolicLink(fees, fees);

        folder.Problems().Should().ContainSingle().Which.Should().StartWith("fees.json:1:1: 无法读取文件");
    }

    [Theory]
    [InlineData("fees.json")]
    [InlineData("settings.json")]
    [InlineData("workflows/local.json")]
    public void Validate_FolderWhereARuleFileBelongs_RefusedSayingItIsAFolder(string name)
    {
        using var folder = TempRuleFolder.Valid();
        var path = System.IO.Path.Combine(folder.Directory, name);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        System.IO.Directory.CreateDirectory(path);

        folder.Problems().Should().Equal($"{name}:1:1: 应为文件，却是文件夹");
    }

    [Fact]
    public void Validate_DuplicateUnitCode_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("units.json", """
            { "units": [
              { "code": "U01", "name": "a" },
              { "code": "U01", "name": "b" }
            ] }
            """);

        folder.Problems().Should().Equal("units.json:3:13: 单位代码 `U01` 重复（首次出现于 units.json:2:13）");
    }

    [Fact]
    public void Validate_UnitsInACycleAtTheEndOfAChain_ReportsEachUnitOfTheCycleOnly()
    {
        using var folder = TempRuleFolder.Valid().Write("units.json", """
            { "units": [
              { "code": "U01", "name": "a", "parent": "U02" },
              { "code": "U02", "name": "b", "parent": "U03" },
              { "code": "U03", "name": "c", "parent": "U04" },
              { "code": "U04", "name": "d", "parent": "U02" }
            ] }
            """);

        folder.Problems().Should().Equal(
            "units.json:3:43: 单位 `U02` 的上级关系成环",
            "units.json:4:43: 单位 `U03` 的上级关系成环",
            "units.json:5:43: 单位 `U04` 的上级关系成环");
    }

    [Fact]
    public void Validate_HundredThousandUnitsInOneParentChain_IsCheckedInLinearTime()
    {
        var units = string.Join(",\n", Enumerable.Range(0, 100_000).Select(i => $$"""{ "code": "U{{i}}", "name": "n", "parent": "U{{i + 1}}" }"""));
        using var folder = TempRuleFolder.Valid().Write("units.json", $"{{ \"units\": [\n{units}\n] }}");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var problems = folder.Problems();
        watch.Stop();

        problems.Should().Equal("units.json:100001:44: 单位 `U99999` 的上级 `U100000` 不在 units.json 中");
        // Quadratic cycle detection took minutes here; linear takes well under a second.
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Validate_MissingFeesAndItems_ReportsBoth()
    {
        using var folder = TempRuleFolder.Valid().Delete("fees.json").Delete("items.json");

        folder.Problems().Should().Equal("fees.json:1:1: 缺少必需的文件 fees.json", "items.json:1:1: 缺少必需的文件 items.json");
    }

    [Fact]
    public void Validate_NoCalendar_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Delete("calendars/2025.json");

        folder.Problems().Should().ContainSingle().Which.Should().StartWith("calendars/:1:1: 没有日历文件");
    }

    [Fact]
    public void Validate_MissingFolder_ReportsIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "compliance-catalog-tests", "does-not-exist");

        RuleSetLoader.Validate(missing).Errors.Should().ContainSingle().Which.Message.Should().Be("规则目录不存在");
    }

    [Fact]
    public void Validate_WorkflowFileNotJson_ReportsItWithItsPath()
    {
        using var folder = TempRuleFolder.Valid().Write("workflows/custom.json", "[ { \"WorkflowName\": \"charges\", ] ");

        folder.Problems().Should().ContainSingle().Which.Should().StartWith("workflows/custom.json:1:").And.Contain("JSON 语法错误");
    }

    [Fact]
    public void Validate_WorkflowFileOfWrongShape_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("workflows/custom.json", "[ 1 ]");

        folder.Problems().Should().Equal("workflows/custom.json:1:3: 工作流应为对象，实际为整数");
    }

    [Fact]
    public void Validate_SeveralProblemsInSeveralFiles_ListsEveryOneInFileOrder()
    {
        using var folder = TempRuleFolder.Valid()
            .Write("items.json", """
                { "items": [
                  { "code": "X0101", "name": "a", "statutoryLimt": 20, "promisedLimit": -1 }
                ] }
                """)
            .Write("fees.json", """
                { "fees": [
                  { "code": "F0101", "name": "测试费", "basis": "b",
                    "periods": [
                      { "from": "2015-13-01" }
                    ] }
                ] }
                """)
            .Write("calendars/2025.json", """
                { "year": 2025, "papers": [],
                  "days": [ { "name": "国庆节", "date": "2025-10-01", "isOffDay": "yes" } ] }
                """);

        var validation = folder.Validate();

        validation.RuleSet.Should().BeNull();
        validation.Errors.Select(p => p.ToString()).Should().Equal(
            "calendars/2025.json:2:64: `isOffDay` 应为布尔值（true 或 false），实际为字符串 \"yes\"",
            "fees.json:4:17: `from` 不是有效日期：\"2015-13-01\"（应为 YYYY-MM-DD）",
            "items.json:2:35: 未知的键 `statutoryLimt`，是否应为 `statutoryLimit`？",
            "items.json:2:73: `promisedLimit` 不能为负数：-1");
    }

    [Fact]
    public void Load_BrokenRuleSet_ThrowsWithEveryError()
    {
        using var folder = TempRuleFolder.Valid()
            .Write("items.json", """
                { "items": [
                  { "code": "X0101", "name": "a", "statutoryLimt": 20, "promisedLimit": -1 }
                ] }
                """)
            .Delete("fees.json");

        var load = () => folder.Load();

        var thrown = load.Should().Throw<RuleSetException>().Which;
        thrown.Problems.Select(p => p.ToString()).Should().Equal(
            "fees.json:1:1: 缺少必需的文件 fees.json",
            "items.json:2:35: 未知的键 `statutoryLimt`，是否应为 `statutoryLimit`？",
            "items.json:2:73: `promisedLimit` 不能为负数：-1");
        thrown.Message.Should().Contain("items.json:2:73: `promisedLimit` 不能为负数：-1");
    }
}
