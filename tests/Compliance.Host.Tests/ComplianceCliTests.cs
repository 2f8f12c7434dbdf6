namespace Compliance.Host.Tests;

public class ComplianceCliTests
{
    [Fact]
    public void Run_NoCommand_Exits2WithUsage()
    {
        var outcome = Cli.Run();

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("参数错误").And.Contain("compliance check --rules");
    }

    [Fact]
    public void Run_CheckWithoutRulesAndData_Exits2NamingBothOptions()
    {
        var outcome = Cli.Run("check");

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("--rules").And.Contain("--data");
        outcome.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void Run_ParseErrors_InChinese()
    {
        var missing = Cli.Run("check");
        var unknown = Cli.Run("check", "--rules", "r", "--data", "d", "--bogus");

        missing.Stderr.Should().Contain("参数错误：缺少必填选项 --rules").And.Contain("参数错误：缺少必填选项 --data");
        unknown.Stderr.Should().Contain("参数错误：未识别命令或参数").And.Contain("--bogus").And.NotContain("Unrecognized");
    }

    [Theory]
    [InlineData("2025/11/03")]
    [InlineData("20251103")]
    [InlineData("2025-02-30")]
    [InlineData("today")]
    public void Run_AsOfNotIsoDate_Exits2QuotingTheValue(string asOf)
    {
        var outcome = Cli.Run("check", "--rules", "r", "--data", "d", "--as-of", asOf);

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("--as-of").And.Contain(asOf).And.Contain("YYYY-MM-DD");
    }

    [Fact]
    public void Run_FailOnUnknownSeverity_Exits2ListingTheChoices()
    {
        var outcome = Cli.Run("check", "--rules", "r", "--data", "d", "--fail-on", "blue");

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("blue").And.Contain("warning").And.Contain("yellow").And.Contain("red");
    }

    [Theory]
    [InlineData("--rules", "")]
    [InlineData("--data", "")]
    [InlineData("--out", "")]
    [InlineData("--out", "  ")]
    [InlineData("--since", "")]
    public void Run_EmptyFolderOption_Exits2NamingIt(string option, string value)
    {
        // An unset shell variable ("--out $OUT") gives an empty path: a mistake in the arguments, not a crash.
        var args = new Dictionary<string, string> { ["--rules"] = "r", ["--data"] = "d", ["--out"] = "o" };
        args[option] = value;

        var outcome = Cli.Run(["check", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("参数错误").And.Contain(option);
        outcome.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void Run_UnknownOption_Exits2NamingIt()
    {
        var outcome = Cli.Run("check", "--rules", "r", "--data", "d", "--strcit");

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("--strcit");
    }

    [Fact]
    public void Run_CheckHelp_Exits0DescribingEveryOption()
    {
        var outcome = Cli.Run("check", "--help");

        outcome.ShouldExit(ExitCode.Completed);
        outcome.Stdout.Should().Contain("--rules").And.Contain("--data").And.Contain("--as-of").And.Contain("--out")
            .And.Contain("--fail-on").And.Contain("--strict");
    }
}
