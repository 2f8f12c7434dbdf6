namespace Compliance.Host.Tests.Bench;

public class BenchLedgerCommandTests
{
    [Fact]
    public void Run_MissingDataFolder_Exits2AndNamesIt()
    {
        using var folder = new TempFolder();

        var outcome = Cli.Run("bench-ledger", "--data", folder.Sub("no-data"), "--rules", Repository.Rules, "--work", folder.Sub("work"));

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("数据目录不存在").And.Contain("no-data");
        Directory.Exists(folder.Sub("work")).Should().BeFalse();
    }

    [Fact]
    public void Run_BrokenRuleSet_Exits2WithItsProblemsBeforeAnyRound()
    {
        using var folder = new TempFolder();
        var rules = folder.CopyShippedRules();
        File.WriteAllText(Path.Combine(rules, "settings.json"), "{ \"bad\":\n");

        var outcome = Cli.Run("bench-ledger", "--data", Repository.Samples, "--rules", rules, "--work", folder.Sub("work"));

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("规则集被拒绝，共 1 个问题").And.Contain("settings.json:2:1");
        outcome.Stdout.Should().NotContain("round 1");
        Directory.Exists(folder.Sub("work")).Should().BeFalse();
    }
}
