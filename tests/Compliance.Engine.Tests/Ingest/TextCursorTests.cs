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
}
