using System.Text;
using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

public class Utf8LineBlocksTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(64, 1000)]
    public void Next_RandomText_SameLinesAndNumbersAsReadLine(int bufferSize, int linesPerBlock)
    {
        var random = new Random(bufferSize);
        string[] pieces = ["\n", "\r", "\r\n", "a", "办件", "😀", " ", "{\"x\":1}", new string('y', 100)];
        for (var round = 0; round < 50; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(60)).Select(_ => pieces[random.Next(pieces.Length)]));
            var bytes = Encoding.UTF8.GetBytes(text);

            Lines(bytes, bufferSize, linesPerBlock).Should().Equal(ReadLines(text), text);
        }
    }

    private static List<(int, string)> Lines(byte[] bytes, int bufferSize, int linesPerBlock)
    {
        var lines = new List<(int, string)>();
        using var blocks = new Utf8LineBlocks(new MemoryStream(bytes), linesPerBlock, bufferSize);
        while (blocks.Next() is { } block)
        {
            using (block)
            {
                block.Lines.Count.Should().BeLessThanOrEqualTo(linesPerBlock);
                lines.AddRange(block.Lines.Select(l => (l.Number, Encoding.UTF8.GetString(block.Bytes(l)))));
            }
        }
        return lines;
    }

    private static List<(int, string)> ReadLines(string text)
    {
        var lines = new List<(int, string)>();
        using var reader = new StringReader(text);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length > 0)
            {
                lines.Add((number, line));
            }
        }
        return lines;
    }
}
