using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class TextCursorTests
{
    [Theory]
    [InlineData("a\nb\n  -1e400,", 3, 8)]
    [InlineData("a\r\nb\r\n  -1e400,", 3, 8)]
    [InlineData("a\rb\r  -1e400,", 3, 8)]
    [InlineData("a\r\n\r\n\n\r  -1e400,", 5, 8)]
    public void NumberEndingAt_AfterAnyLineBreaks_IsTheNumbersText(string text, int line, int position)
    {
        using var cursor = new TextCursor(() => new StringReader(text));

        cursor.NumberEndingAt(line, position).Should().Be("-1e400");
    }

    [Fact]
    public void NumberEndingAt_SeveralInTurn_EachOnlyItsOwnChars()
    {
        using var cursor = new TextCursor(() => new StringReader("[1e400, 0x1F]\n[\"12\"3e999]"));

        cursor.NumberEndingAt(1, 6).Should().Be("1e400");
        cursor.NumberEndingAt(1, 12).Should().Be("0x1F");
        cursor.NumberEndingAt(2, 5).Should().Be("");
        cursor.NumberEndingAt(2, 10).Should().Be("3e999");
    }

    [Fact]
    public void NumberEndingAt_NaNOrInfinity_IsTheLiteral()
    {
        using var cursor = new TextCursor(() => new StringReader("[NaN, Infinity,\n\"a\":-Infinity]"));

        cursor.NumberEndingAt(1, 4).Should().Be("NaN");
        cursor.NumberEndingAt(1, 14).Should().Be("Infinity");
        cursor.NumberEndingAt(2, 13).Should().Be("-Infinity");
    }

    [Fact]
    public void NumberEndingAt_NeverAsked_DoesNotOpenTheText()
    {
        var opened = 0;
        using var cursor = new TextCursor(() =>
        {
            opened++;
            return new StringReader("1");
        });

        opened.Should().Be(0);
    }

    [Fact]
    public void EndCapture_TextBetweenTwoPoints_AsWrittenOverLines()
    {
        using var cursor = new TextCursor(() => new StringReader("[\r\n  [1,\r\n   2], {}]"));

        cursor.StartCapture(2, 2, 100);

        cursor.EndCapture(3, 5).Should().Be("[1,\r\n   2]");
    }

    [Fact]
    public void EndCapture_LongerThanTheLimit_CutWithAnEllipsisNotInsideAPair()
    {
        var text = "[" + new string('a', 7) + "😀" + "]";
        using var cursor = new TextCursor(() => new StringReader(text));

        cursor.StartCapture(1, 0, 9);

        cursor.EndCapture(1, text.Length).Should().Be("[aaaaaaa…");
    }

    [Fact]
    public void EndCapture_ExactlyTheLimit_NoEllipsis()
    {
        using var cursor = new TextCursor(() => new StringReader("[1,2]"));

        cursor.StartCapture(1, 0, 5);

        cursor.EndCapture(1, 5).Should().Be("[1,2]");
    }
}
