using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Findings;

public class RejectsWriterTests
{
    [Fact]
    public void Write_NoRejects_WritesHeaderOnly()
    {
        OutputBytes.Text(s => RejectsWriter.Write(s, [])).Should().Be("feed,file,line,column,value,reason,message\n");
    }

    [Fact]
    public void Write_PlainValues_WritesThemUnquoted()
    {
        var text = OutputBytes.Text(s => RejectsWriter.Write(s, [Some.Reject()]));

        text.Should().Be(
            "feed,file,line,column,value,reason,message\n" +
            "cases,cases.csv,2,受理时间,2025-13-01,bad-date,日期无法识别\n");
    }

    [Fact]
    public void Write_ValuesWithCommaQuoteAndLineBreak_QuotesPerRfc4180()
    {
        var reject = Some.Reject(value: "a,b", message: "他说\"不行\"\r\n第二行") with { Column = "x\ny" };

        var text = OutputBytes.Text(s => RejectsWriter.Write(s, [reject]));

        text.Should().EndWith("cases,cases.csv,2,\"x\ny\",\"a,b\",bad-date,\"他说\"\"不行\"\"\r\n第二行\"\n");
    }

    [Fact]
    public void Write_ControlCharactersInAnyField_WrittenAsTheirControlPictures()
    {
        var reject = Some.Reject(value: "C\u00001\u001b\u007f", message: "“受理时间”的值“2025\u0007”无法识别") with { File = "cases\u0001.csv", Column = "\u0000" };

        var text = OutputBytes.Text(s => RejectsWriter.Write(s, [reject]));

        text.Should().EndWith("\ncases,cases\u2401.csv,2,\u2400,C\u24001\u241b\u2421,bad-date,“受理时间”的值“2025\u2407”无法识别\n");
    }

    [Fact]
    public void Write_ControlCharactersBesideQuotesAndLineBreaks_PicturedInsideTheQuotedField()
    {
        var reject = Some.Reject(value: "a\u0000\"b\r\n\u0000");

        var text = OutputBytes.Text(s => RejectsWriter.Write(s, [reject]));

        text.Should().Contain(",\"a\u2400\"\"b\r\n\u2400\",");
    }

    [Fact]
    public void Write_TabsAndOtherText_WrittenAsBefore()
    {
        var reject = Some.Reject(value: "a\tb ␀ \u0085 \u00a0 \\u0000 😀");

        var text = OutputBytes.Text(s => RejectsWriter.Write(s, [reject]));

        text.Should().Contain(",a\tb ␀ \u0085 \u00a0 \\u0000 😀,");
    }

    [Fact]
    public void Write_WholeFileReject_WritesLineZeroAndEmptyColumn()
    {
        var reject = new Reject("stages", "stages.csv", 0, "", "", RejectReason.MissingColumn, "缺少必需列：环节");

        var text = OutputBytes.Text(s => RejectsWriter.Write(s, [reject]));

        text.Should().EndWith("\nstages,stages.csv,0,,,missing-column,缺少必需列：环节\n");
    }

    [Fact]
    public void Write_RejectsOutOfOrder_SortsByFileThenLineKeepingTiesInOrder()
    {
        var rejects = new[]
        {
            Some.Reject(file: "stages.csv", line: 3),
            Some.Reject(file: "cases.csv", line: 9, column: "first"),
            Some.Reject(file: "cases.csv", line: 4),
            Some.Reject(file: "cases.csv", line: 9, column: "second"),
        };

        var lines = OutputBytes.Text(s => RejectsWriter.Write(s, rejects)).Split('\n');

        lines[1..5].Select(l => string.Join(',', l.Split(',')[1..4])).Should().Equal(
            "cases.csv,4,受理时间",
            "cases.csv,9,first",
            "cases.csv,9,second",
            "stages.csv,3,受理时间");
    }

    [Fact]
    public void Write_Output_HasNoByteOrderMark()
    {
        var bytes = OutputBytes.Of(s => RejectsWriter.Write(s, [Some.Reject()]));

        bytes[0].Should().Be((byte)'f');
    }
}
