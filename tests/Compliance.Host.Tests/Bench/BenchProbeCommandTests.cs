namespace Compliance.Host.Tests.Bench;

public class BenchProbeCommandTests
{
    [Fact]
    public void Floor_MissingDataFolder_Exits2AndNamesIt()
    {
        using var folder = new TempFolder();

        var outcome = Cli.Run("bench-probe", "floor", folder.Sub("no-data"));

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("数据目录不存在").And.Contain("no-data");
        outcome.Stdout.Should().NotContain("rows=");
    }

    [Fact]
    public void Phases_MissingRulesFolder_Exits2AndNamesIt()
    {
        using var folder = new TempFolder();

        var outcome = Cli.Run("bench-probe", "phases", Repository.Samples, "--rules", folder.Sub("no-rules"));

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("规则目录不存在").And.Contain("no-rules");
    }

    [Fact]
    public void Load_BrokenRuleSet_Exits2WithEachProblemsPosition()
    {
        using var folder = new TempFolder();
        var rules = folder.CopyShippedRules();
        File.WriteAllText(Path.Combine(rules, "settings.json"), "{ \"bad\":\n");

        var outcome = Cli.Run("bench-probe", "load", rules);

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("规则集被拒绝，共 1 个问题").And.Contain("settings.json:2:1");
    }
}
