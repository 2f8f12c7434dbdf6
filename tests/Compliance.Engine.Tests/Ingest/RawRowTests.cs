using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class RawRowTests
{
    [Fact]
    public void Start_RowsSharingText_EachKeepsItsValuesAfterTheBufferGrew()
    {
        var text = new RowText(4, 1);
        var first = new RawRow(text);
        var second = new RawRow(text);

        first.Start(2);
        first.Add("a,b");
        first.Add("");
        second.Start(3);
        second.SetText("长一些的第二行,x");
        second.SetSlices(2, out var starts, out var lengths);
        (starts[0], lengths[0], starts[1], lengths[1]) = (0, 7, 8, 1);

        Values(first).Should().Equal("a,b", "");
        Values(second).Should().Equal("长一些的第二行", "x");
        first.Line.Should().Be(2);
        second.Line.Should().Be(3);
    }

    [Fact]
    public void Start_TheRowWrittenLastAgain_WritesOverItselfOnly()
    {
        var text = new RowText(64, 4);
        var kept = new RawRow(text);
        var reused = new RawRow(text);
        kept.Start(1);
        kept.Add("keep");
        reused.Start(2);
        reused.Add("  ");

        reused.Start(3);
        reused.BeginValue();
        reused.Append('"');
        reused.Append('q');
        reused.EndValue();

        Values(kept).Should().Equal("keep");
        Values(reused).Should().Equal("\"q");
        text.Length.Should().Be(6);
        text.Fields.Should().Be(2);
    }

    [Fact]
    public void Indexer_ColumnPastTheRow_Empty()
    {
        var row = new RawRow();
        row.Start(1);
        row.Add("x");

        row[1].IsEmpty.Should().BeTrue();
        row.IsBlank().Should().BeFalse();
    }

    private static List<string> Values(RawRow row) => Enumerable.Range(0, row.Count).Select(i => row[i].ToString()).ToList();
}
