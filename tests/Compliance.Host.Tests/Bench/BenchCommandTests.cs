namespace Compliance.Host.Tests.Bench;

public class BenchCommandTests
{
    [Fact]
    public void Run_DirHoldingOtherFiles_Exits2AndLeavesThemAlone()
    {
        using var folder = new TempFolder();
        var cases = folder.Write("cases.csv", "办件编号\nXK-MINE-1\n");

        var outcome = Cli.Run("bench", "--rules", Repository.Rules, "--dir", folder.Path, "--cases", "10", "--runs", "1");

        outcome.ShouldExit(ExitCode.NothingJudged);
        outcome.Stderr.Should().Contain("bench.marker").And.Contain("不会覆盖");
        File.ReadAllText(cases).Should().Be("办件编号\nXK-MINE-1\n");
        Directory.GetFileSystemEntries(folder.Path).Should().HaveCount(1);
    }
}
