using System.Text;
using Compliance.Host.Bench;

namespace Compliance.Host.Tests.Bench;

public class RecordShuffleTests
{
    private const string Header = "缴款单号,办件编号,收费项目名称\r\n";

    private static readonly string[] Rows = [.. Enumerable.Range(1, 40).Select(i => $"JK{i:D4},XK{i / 3:D4},收费{i}\r\n")];

    [Fact]
    public void Apply_GeneratedFile_SameRecordsInAnotherOrderHeaderFirst()
    {
        using var folder = new TempFolder();
        var path = Write(folder, Header + string.Concat(Rows));

        RecordShuffle.Apply(path, seed: 7);

        var text = Read(path);
        text.Should().StartWith("\uFEFF" + Header);
        var records = Lines(text[(1 + Header.Length)..]);
        records.Should().BeEquivalentTo(Rows).And.NotEqual(Rows);
    }

    [Fact]
    public void Apply_SameSeed_SameBytes()
    {
        using var folder = new TempFolder();
        var first = Write(folder, Header + string.Concat(Rows), "a.csv");
        var second = Write(folder, Header + string.Concat(Rows), "b.csv");

        RecordShuffle.Apply(first, seed: 7);
        RecordShuffle.Apply(second, seed: 7);

        File.ReadAllBytes(first).Should().Equal(File.ReadAllBytes(second));
    }

    [Fact]
    public void Apply_QuotedLineBreak_RecordStaysWhole()
    {
        using var folder = new TempFolder();
        const string multiLine = "JK9999,XK9999,\"第一行\r\n第二行\"\r\n";
        var path = Write(folder, Header + string.Concat(Rows.Take(10)) + multiLine + string.Concat(Rows.Skip(10)));

        RecordShuffle.Apply(path, seed: 3);

        Read(path).Should().Contain(multiLine);
    }

    [Fact]
    public void Apply_LastLineWithoutBreak_Throws()
    {
        using var folder = new TempFolder();
        var path = Write(folder, Header + "JK0001,XK0001,收费1");

        var act = () => RecordShuffle.Apply(path, seed: 1);

        act.Should().Throw<InvalidDataException>().WithMessage("*after the last line break*");
    }

    private static string Write(TempFolder folder, string text, string name = "charges.csv")
    {
        var path = folder.Sub(name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private static string Read(string path) => Encoding.UTF8.GetString(File.ReadAllBytes(path));

    private static List<string> Lines(string text) =>
        [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\r\n")];
}
