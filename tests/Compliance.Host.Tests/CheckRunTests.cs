using System.Text.RegularExpressions;
using Compliance.Engine.Findings;

namespace Compliance.Host.Tests;

/// <summary>
/// Exit statuses and failure handling of one run. The data folders here are tiny and written by the tests; the rules
/// are the shipped <c>rules/</c>, except where a broken rule set is the point.
/// </summary>
public sealed class CheckRunTests : IDisposable
{
    private const string CaseHeader = "case_id,item_code,unit_code,accepted_at,decided_at,statutory_limit,promised_limit\n";

    // Accepted 2025-09-26, decided 2025-11-03: 22 working days used (checks.md worked example).
    private const string RedCase = "XK-T-1,X-TEST,U-TEST,2025-09-26,2025-11-03,20,20\n";

    // Same clock with 30 statutory and 5 promised days: past the promise only.
    private const string YellowCase = "XK-T-2,X-TEST,U-TEST,2025-09-26,2025-11-03,30,5\n";

    private const string BadDateCase = "XK-T-3,X-TEST,U-TEST,2025-13-45,,20,20\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_RulesFolderMissing_Exits2NamingIt()
    {
        var outcome = Cli.Run("check", "--rules", _temp.Sub("no-rules"), "--data", _temp.Path, "--out", _temp.Sub("out"));

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("规则目录不存在").And.Contain("no-rules");
        Directory.Exists(_temp.Sub("out")).Should().BeFalse();
    }

    [Fact]
    public void Run_DataFolderMissing_Exits2NamingIt()
    {
        var outcome = Cli.Run("check", "--rules", _temp.Path, "--data", _temp.Sub("no-data"), "--out", _temp.Sub("out"));

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("数据目录不存在").And.Contain("no-data");
        Directory.Exists(_temp.Sub("out")).Should().BeFalse();
    }

    [Fact]
    public void Run_RuleSetRefused_Exits2ListingEveryProblemAsFileLineColumn()
    {
        _temp.Write("rules/settings.json", "{\n  \"warnDays\": 2,\n  \"statutoryLimt\": 20\n}\n");
        _temp.Write("rules/items.json", "{\n  \"itemz\": []\n}\n");
        _temp.Write("rules/fees.json", "{ \"version\": \"t\", \"fees\": [] }\n");
        _temp.Write("rules/calendars/2025.json", "{ \"year\": 2025, \"papers\": [], \"days\": [] }\n");
        _temp.Write("data/cases.csv", CaseHeader + RedCase);

        var outcome = Cli.Run("check", "--rules", _temp.Sub("rules"), "--data", _temp.Sub("data"), "--out", _temp.Sub("out"));

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().MatchRegex(@"settings\.json:3:\d+: \S");
        outcome.Stderr.Should().MatchRegex(@"items\.json:2:\d+: \S");
        outcome.Stdout.Should().BeEmpty();
        Directory.Exists(_temp.Sub("out")).Should().BeFalse();
    }

    [Fact]
    public void Run_RuleSetRefusedWhileStagesAreRead_Exits2ListingTheRuleSetProblems()
    {
        // The rule set loads while the feeds are read; the stages feed is where reading needs it.
        _temp.Write("rules/settings.json", "{\n  \"statutoryLimt\": 20\n}\n");
        _temp.Write("data/cases.csv", CaseHeader + RedCase);
        _temp.Write("data/stages.csv", "project_code,stage,unit_code,started_at\nP1,立项,U-TEST,2025-10-08\n");

        var outcome = Cli.Run("check", "--rules", _temp.Sub("rules"), "--data", _temp.Sub("data"), "--out", _temp.Sub("out"));

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("规则集被拒绝").And.MatchRegex(@"settings\.json:2:\d+: \S");
        outcome.Stderr.Should().NotContain("数据目录");
        Directory.Exists(_temp.Sub("out")).Should().BeFalse();
    }

    [Fact]
    public void Run_OutIsAFile_Exits2NamingIt()
    {
        _temp.Write("data/cases.csv", CaseHeader + RedCase);
        var blocker = _temp.Write("out-file", "not a folder");

        var outcome = Cli.Run(
            "check", "--rules", Repository.Rules, "--data", _temp.Sub("data"), "--as-of", "2025-11-03", "--out", blocker);

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("无法写入输出目录").And.Contain("out-file");
    }

    [Fact]
    public void Run_FindingsFileCannotBeWritten_Exits2WithoutTheSummary()
    {
        _temp.Write("data/cases.csv", CaseHeader + RedCase);
        // A folder where findings.jsonl should go: that one file cannot be written, the other two can.
        Directory.CreateDirectory(_temp.Sub("out/findings.jsonl"));

        var outcome = Cli.Run(
            "check", "--rules", Repository.Rules, "--data", _temp.Sub("data"), "--as-of", "2025-11-03", "--out", _temp.Sub("out"));

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("无法写入输出目录");
        outcome.Stdout.Should().BeEmpty("the console summary is printed only once every file is written");
        File.Exists(_temp.Sub("out/summary.json")).Should().BeFalse("no summary may claim a run whose findings were not written");
        File.Exists(_temp.Sub("out/rejects.csv")).Should().BeFalse();
        Directory.GetFiles(_temp.Sub("out")).Should().BeEmpty("no partial file is left behind");
    }

    [Fact]
    public void Run_OutputCannotBeWritten_LeavesThePreviousRunsFilesAsTheyWere()
    {
        Run(CaseHeader + RedCase).ShouldExit(ExitCode.Completed);
        var before = Directory.GetFiles(_temp.Sub("out")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        // Blocks the second run's findings where they are written before being moved into place.
        Directory.CreateDirectory(_temp.Sub("out/" + FindingsWriter.FileName + OutputFiles.PartialSuffix));

        var outcome = Run(CaseHeader + YellowCase);

        outcome.ShouldExit(ExitCode.NothingJudged);
        Directory.GetFiles(_temp.Sub("out")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).Should()
            .BeEquivalentTo(before, o => o.WithStrictOrdering(), "a run that exits 2 judged nothing and must not replace any file");
    }

    [Fact]
    public void Run_EmptyDataFolder_WritesAllThreeFilesAndExits0EvenWithStrict()
    {
        Directory.CreateDirectory(_temp.Sub("data"));

        var outcome = Cli.Run(
            "check", "--rules", Repository.Rules, "--data", _temp.Sub("data"), "--as-of", "2025-11-03", "--out", _temp.Sub("out"),
            "--strict", "--fail-on", "warning");

        outcome.ShouldExit(ExitCode.Completed);
        File.ReadAllBytes(_temp.Sub("out/findings.jsonl")).Should().BeEmpty();
        File.ReadAllText(_temp.Sub("out/rejects.csv")).Should().Be(RejectsWriter.Header + "\n");
        File.ReadAllText(_temp.Sub("out/summary.json")).Should().Contain("\"total\": 0").And.Contain("\"rejects\": 0");
        outcome.Stdout.Should().Contain("问题共 0 条").And.Contain("拒收：无");
    }

    [Fact]
    public void Run_RedFindingWithoutFailOn_Exits0()
    {
        Run(CaseHeader + RedCase).ShouldExit(ExitCode.Completed);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("yellow")]
    [InlineData("warning")]
    public void Run_RedFindingAtOrAboveFailOn_Exits1(string failOn)
    {
        var outcome = Run(CaseHeader + RedCase, "--fail-on", failOn);

        outcome.ShouldExit(ExitCode.FailOnReached);
        File.ReadAllText(_temp.Sub("out/findings.jsonl")).Should().Contain("\"rule\":\"case.overdue-statutory\"");
    }

    [Fact]
    public void Run_YellowFindingBelowFailOnRed_Exits0()
    {
        var outcome = Run(CaseHeader + YellowCase, "--fail-on", "red");

        outcome.ShouldExit(ExitCode.Completed);
        File.ReadAllText(_temp.Sub("out/findings.jsonl")).Should().Contain("\"rule\":\"case.overdue-promised\"");
    }

    [Fact]
    public void Run_YellowFindingWithFailOnYellow_Exits1()
    {
        Run(CaseHeader + YellowCase, "--fail-on", "yellow").ShouldExit(ExitCode.FailOnReached);
    }

    [Fact]
    public void Run_RejectedRowWithoutStrict_Exits0AndStillJudgesTheRest()
    {
        var outcome = Run(CaseHeader + BadDateCase + YellowCase);

        outcome.ShouldExit(ExitCode.Completed);
        File.ReadAllText(_temp.Sub("out/rejects.csv")).Should().Contain("cases,cases.csv,2,").And.Contain(",bad-date,");
        File.ReadAllText(_temp.Sub("out/findings.jsonl")).Should().Contain("case:XK-T-2");
    }

    [Fact]
    public void Run_RejectedRowWithStrict_Exits3()
    {
        Run(CaseHeader + BadDateCase + YellowCase, "--strict").ShouldExit(ExitCode.StrictRejected);
    }

    [Fact]
    public void Run_RejectedRowAndRedFindingWithStrictAndFailOn_Exits3()
    {
        Run(CaseHeader + BadDateCase + RedCase, "--strict", "--fail-on", "red").ShouldExit(ExitCode.StrictRejected);
    }

    [Fact]
    public void Run_CleanDataWithStrict_Exits0()
    {
        Run(CaseHeader + YellowCase, "--strict").ShouldExit(ExitCode.Completed);
    }

    [Fact]
    public void Run_WithoutAsOf_JudgesAsOfTodayInShanghai()
    {
        _temp.Write("data/cases.csv", CaseHeader + YellowCase);

        // 2025-11-03 02:30 in Shanghai, still 2025-11-02 in UTC.
        var outcome = Cli.RunAt(
            new DateTimeOffset(2025, 11, 2, 18, 30, 0, TimeSpan.Zero),
            "check", "--rules", Repository.Rules, "--data", _temp.Sub("data"), "--out", _temp.Sub("out"));

        outcome.ShouldExit(ExitCode.Completed);
        File.ReadAllText(_temp.Sub("out/summary.json")).Should().Contain("\"asOf\": \"2025-11-03\"");
        outcome.Stdout.Should().Contain("基准日期：2025-11-03");
    }

    [Fact]
    public void Run_Completed_PrintsChineseSummaryAndWhereTheFilesWent()
    {
        var outcome = Run(CaseHeader + BadDateCase + RedCase);

        outcome.Stdout.Should().Contain("基准日期：2025-11-03")
            .And.Contain("规则集：")
            .And.Contain("红牌 1")
            .And.Contain("case.overdue-statutory  1")
            .And.Contain("bad-date（日期无法识别）  1")
            .And.Contain(Path.Combine(_temp.Sub("out"), "findings.jsonl"))
            .And.Contain(Path.Combine(_temp.Sub("out"), "rejects.csv"))
            .And.Contain(Path.Combine(_temp.Sub("out"), "summary.json"));
        Regex.IsMatch(outcome.Stdout, "问题共 1 条").Should().BeTrue();
    }

    private CliOutcome Run(string casesCsv, params string[] extra)
    {
        _temp.Write("data/cases.csv", casesCsv);
        string[] args =
        [
            "check", "--rules", Repository.Rules, "--data", _temp.Sub("data"), "--as-of", "2025-11-03",
            "--out", _temp.Sub("out"), .. extra,
        ];
        return Cli.Run(args);
    }
}
