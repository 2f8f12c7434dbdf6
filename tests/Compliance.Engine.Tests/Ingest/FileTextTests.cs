using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class FileTextTests
{
    [Theory]
    [InlineData("a\nb\nc,", 3)]
    [InlineData("a\r\nb\r\nc,", 3)]
    [InlineData("a\rb\rc,", 3)]
    [InlineData("a\r\n\nb\r", 4)]
    [InlineData("", 1)]
    public void FirstUndecodable_AfterLineBreaksOfEveryKind_CountsPhysicalLines(string before, int line)
    {
        var bytes = Encoding.UTF8.GetBytes(before).Concat(new byte[] { 0xFF, 0x0A, 0x41 }).ToArray();
        var text = new FileText(new MemoryStream(bytes), 0, TextEncodingDetector.StrictUtf8);

        var check = text.CheckRest;

        check.Should().Throw<DecoderFallbackException>();
        text.FirstUndecodable().Should().Be((before.Length, line));
    }

    [Fact]
    public void FirstUndecodable_CrLfLinesPastSeveralBuffers_EachBreakCountedOnce()
    {
        // Three-byte lines put a \r\n across a 64 KiB boundary somewhere, whatever the buffer's alignment.
        var before = string.Concat(Enumerable.Repeat("x\r\n", 100_000));
        var bytes = Encoding.UTF8.GetBytes(before).Concat(new byte[] { 0xC3 }).ToArray();
        var text = new FileText(new MemoryStream(bytes), 0, TextEncodingDetector.StrictUtf8);

        var check = text.CheckRest;

        check.Should().Throw<DecoderFallbackException>();
        text.FirstUndecodable().Should().Be((300_000L, 100_001));
    }

    [Fact]
    public void FirstUndecodable_TextAfterAPreamble_PositionInTheStream()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n', 0xFF };
        var text = new FileText(new MemoryStream(bytes), 3, TextEncodingDetector.StrictUtf8);

        var check = text.CheckRest;

        check.Should().Throw<DecoderFallbackException>();
        text.FirstUndecodable().Should().Be((5L, 2));
    }

    [Fact]
    public void OpenAside_ReadFurtherThanTheLastReaderOpened_BytesReadStillThatReaders()
    {
        var text = new FileText(new MemoryStream(Encoding.UTF8.GetBytes(new string('a', 200_000))), 0, TextEncodingDetector.StrictUtf8);
        var last = text.Open();
        last.Read(new char[10], 0, 10);
        var before = text.BytesRead;

        text.OpenAside().ReadToEnd();

        text.BytesRead.Should().Be(before).And.BeLessThan(200_000);
    }

    [Fact]
    public void FirstUndecodable_FirstOfTwoReadersFailed_ItsFailureGiven()
    {
        var bytes = Encoding.UTF8.GetBytes("a\nb\n").Concat(new byte[] { 0xFF }).ToArray();
        var text = new FileText(new MemoryStream(bytes), 0, TextEncodingDetector.StrictUtf8);
        var first = text.Open();
        var read = () => first.ReadToEnd();
        read.Should().Throw<DecoderFallbackException>();
        text.Open();

        text.FirstUndecodable().Should().Be((4L, 3));
    }

    [Fact]
    public void FirstUndecodable_NothingFailed_Throws()
    {
        var text = new FileText(new MemoryStream("a\n"u8.ToArray()), 0, TextEncodingDetector.StrictUtf8);
        text.CheckRest();

        var ask = () => text.FirstUndecodable();

        ask.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(1, "a\nb\r\nc\rd\r")]
    [InlineData(2, "b\r\nc\rd\r")]
    [InlineData(3, "c\rd\r")]
    [InlineData(4, "d\r")]
    [InlineData(5, "")]
    [InlineData(9, "")]
    public void OpenAtLine_AfterLineBreaksOfEveryKind_ReadsFromThatLine(int line, string expected)
    {
        var bytes = "\uFEFFa\nb\r\nc\rd\r"u8.ToArray();
        var text = new FileText(new MemoryStream(bytes), 3, TextEncodingDetector.StrictUtf8);

        text.OpenAtLine(line).ReadToEnd().Should().Be(expected);
    }

    [Fact]
    public void OpenAtLine_CrLfAcrossReadsAndAnEarlierLineAfterALater_EachFromItsLine()
    {
        // Three-byte lines put a \r\n across every read size's boundary somewhere.
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 30_000).Select(i => $"{i % 10}\r\n")));
        var text = new FileText(new MemoryStream(bytes), 0, TextEncodingDetector.StrictUtf8);

        var lines = new[] { 1366, 1367, 20_001, 2, 29_999 }.Select(line => text.OpenAtLine(line).ReadLine()).ToList();

        lines.Should().Equal("5", "6", "0", "1", "8");
    }
}
