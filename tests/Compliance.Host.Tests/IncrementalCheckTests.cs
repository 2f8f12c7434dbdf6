namespace Compliance.Host.Tests;

public class IncrementalCheckTests
{
    [Fact]
    public void Check_SinceEarlierRunOfSameInputs_IncrementalAndSameFilesAsFullRun()
    {
        using var temp = new TempFolder();
        Cli.Run("check", "--rules", Repository.Rules, "--data", Repository.Samples, "--as-of", "2025-11-03", "--out", temp.Sub("day1")).ShouldExit(0);
        Cli.Run("check", "--rules", Repository.Rules, "--data", Repository.Samples, "--as-of", "2025-11-10", "--out", temp.Sub("full")).ShouldExit(0);

        var outcome = Cli.Run("check", "--rules", Repository.Rules, "--data", Repository.Samples, "--as-of", "2025-11-10", "--out", temp.Sub("day2"), "--since", temp.Sub("day1")).ShouldExit(0);

        outcome.Stdout.Should().Contain("为基础增量检查");
        File.ReadAllBytes(temp.Sub("day2/findings.jsonl")).Should().Equal(File.ReadAllBytes(temp.Sub("full/findings.jsonl")));
        File.ReadAllBytes(temp.Sub("day2/rejects.csv")).Should().Equal(File.ReadAllBytes(temp.Sub("full/rejects.csv")));
    }

    [Fact]
    public void Check_SinceRunOfOtherInputs_FullRunSayingWhy()
    {
        using var temp = new TempFolder();
        temp.Write("data/cases.csv", "case_id,item_code,unit_code,accepted_at\nA,X0101,U01,2025-10-09\n");
        Cli.Run("check", "--rules", Repository.Rules, "--data", Repository.Samples, "--as-of", "2025-11-03", "--out", temp.Sub("day1")).ShouldExit(0);

        var outcome = Cli.Run("check", "--rules", Repository.Rules, "--data", temp.Sub("data"), "--as-of", "2025-11-10", "--out", temp.Sub("day2"), "--since", temp.Sub("day1")).ShouldExit(0);

        outcome.Stdout.Should().Contain("未能增量检查：输入文件有变化（SHA-256 不同）；改为完整检查");
    }
}
