using Compliance.Host.Tests.Generation;

namespace Compliance.Host.Tests;

public class GenerateCommandTests
{
    [Fact]
    public void Run_GenerateIntoAFolderHoldingAFeedFile_Exits2AndLeavesTheFolderAsItWas()
    {
        using var folder = new ScratchFolder();
        var mine = folder.Sub("charges.csv");
        File.WriteAllText(mine, "缴款单号,收费项目编码\nMY-OWN,F01\n");

        var outcome = Cli.Run("generate", "--rules", Repository.Rules, "--out", folder.Path, "--cases", "20").ShouldExit(2);

        outcome.Stderr.Should().Contain("charges.csv").And.Contain("--force");
        File.ReadAllText(mine).Should().Be("缴款单号,收费项目编码\nMY-OWN,F01\n");
        Directory.GetFiles(folder.Path).Should().Equal(mine);
    }

    [Fact]
    public void Run_GenerateWithForceIntoAFolderHoldingAFeedFile_WritesTheSet()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.Sub("charges.csv"), "old");

        Cli.Run("generate", "--rules", Repository.Rules, "--out", folder.Path, "--cases", "20", "--force").ShouldExit(0);

        File.ReadAllText(folder.Sub("charges.csv")).Should().NotBe("old");
        Directory.GetFiles(folder.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["cases.csv", "procedures.csv", "charges.csv", "stages.csv"]);
    }

    [Fact]
    public void Run_GenerateIntoAFolderWithOtherFilesOnly_WritesTheSetBesideThem()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(folder.Sub("notes.txt"), "keep");

        Cli.Run("generate", "--rules", Repository.Rules, "--out", folder.Path, "--cases", "20").ShouldExit(0);

        File.ReadAllText(folder.Sub("notes.txt")).Should().Be("keep");
        File.Exists(folder.Sub("cases.csv")).Should().BeTrue();
    }
}
