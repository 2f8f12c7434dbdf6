using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class StrictDecodingReaderTests
{
    // Chinese, a four-byte GB18030 character (a surrogate pair in UTF-16) and ASCII, repeated past a 64 KiB buffer.
    private static readonly string Text = string.Concat(Enumerable.Range(0, 9000).Select(i => $"办件{i},\U00020000,受理\n"));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(4096)]
    public void Read_Gb18030InAnyChunkSize_GivesTheText(int chunk)
    {
        var bytes = TextEncodingDetector.StrictGb18030.GetBytes(Text);

        ReadAll(new StrictDecodingReader(new MemoryStream(bytes), 0, TextEncodingDetector.StrictGb18030), chunk).Should().Be(Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(65536)]
    public void Read_Utf8AfterPreamble_GivesTheText(int chunk)
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Text)).ToArray();

        ReadAll(new StrictDecodingReader(new MemoryStream(bytes), 3, TextEncodingDetector.StrictUtf8), chunk).Should().Be(Text);
    }

    [Fact]
    public void ReadAndPeek_OneCharAtATime_GivesTheText()
    {
        var reader = new StrictDecodingReader(new MemoryStream(Encoding.UTF8.GetBytes("a\U00020000办")), 0, TextEncodingDetector.StrictUtf8);
        var chars = new List<int>();

        while (reader.Peek() >= 0)
        {
            chars.Add(reader.Read());
        }

        new string(chars.Select(c => (char)c).ToArray()).Should().Be("a\U00020000办");
        reader.Read().Should().Be(-1);
        reader.AtEnd.Should().BeTrue();
    }

    [Fact]
    public void Read_InvalidByteFarIn_ThrowsWhenReachingIt()
    {
        var bytes = Encoding.UTF8.GetBytes(Text).Concat(new byte[] { 0xFF }).ToArray();
        var reader = new StrictDecodingReader(new MemoryStream(bytes), 0, TextEncodingDetector.StrictUtf8);

        var read = () => ReadAll(reader, 1000);

        read.Should().Throw<DecoderFallbackException>();
    }

    [Fact]
    public void Read_SequenceCutAtTheEnd_Throws()
    {
        var bytes = Encoding.UTF8.GetBytes("abc办")[..^1];
        var reader = new StrictDecodingReader(new MemoryStream(bytes), 0, TextEncodingDetector.StrictUtf8);

        var read = () => ReadAll(reader, 100);

        read.Should().Throw<DecoderFallbackException>();
    }

    [Fact]
    public void Read_InvalidByteFarIn_FailedAtIsItsOffset()
    {
        var text = Encoding.UTF8.GetBytes(Text);
        var bytes = text.Concat(new byte[] { 0xFF, 0x41 }).ToArray();
        var reader = new StrictDecodingReader(new MemoryStream(bytes), 0, TextEncodingDetector.StrictUtf8);

        var read = () => ReadAll(reader, 1000);

        read.Should().Throw<DecoderFallbackException>();
        reader.FailedAt.Should().Be(text.Length);
    }

    [Fact]
    public void Read_SequenceBrokenAcrossTheByteBuffer_FailedAtIsWhereItStarts()
    {
        // 办 is E5 8A 9E: its first two bytes end the reader's first 64 KiB, then ASCII follows.
        var bytes = new byte[65534].Select(_ => (byte)'a').Concat(new byte[] { 0xE5, 0x8A, 0x41 }).ToArray();
        var reader = new StrictDecodingReader(new MemoryStream(bytes), 0, TextEncodingDetector.StrictUtf8);

        var read = () => ReadAll(reader, 4096);

        read.Should().Throw<DecoderFallbackException>();
        reader.FailedAt.Should().Be(65534);
    }

    [Fact]
    public void Read_Gb18030CutInTheMiddleOfACharacter_FailedAtIsItsLeadByte()
    {
        var bytes = TextEncodingDetector.StrictGb18030.GetBytes(Text)[..^2];
        var reader = new StrictDecodingReader(new MemoryStream(bytes), 0, TextEncodingDetector.StrictGb18030);

        var read = () => ReadAll(reader, 4096);

        read.Should().Throw<DecoderFallbackException>();
        reader.FailedAt.Should().Be(bytes.Length - 1);
    }

    [Fact]
    public void Read_TextThatDecodes_NoFailure()
    {
        var reader = new StrictDecodingReader(new MemoryStream(Encoding.UTF8.GetBytes(Text)), 0, TextEncodingDetector.StrictUtf8);

        ReadAll(reader, 4096);

        reader.FailedAt.Should().BeNull();
    }

    [Fact]
    public void ReadToEndOfStream_AfterAnotherReaderMovedTheStream_ReadsOnFromItsOwnPlace()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Text).Concat(new byte[] { 0xC3 }).ToArray());
        var first = new StrictDecodingReader(stream, 0, TextEncodingDetector.StrictUtf8);
        first.Read(new char[10]);
        ReadAll(new StrictDecodingReader(stream, 0, TextEncodingDetector.StrictUtf8), 100, stopBeforeEnd: true);

        var rest = first.ReadToEndOfStream;

        rest.Should().Throw<DecoderFallbackException>();
        first.AtEnd.Should().BeFalse();
    }

    private static string ReadAll(TextReader reader, int chunk, bool stopBeforeEnd = false)
    {
        var text = new StringBuilder();
        var buffer = new char[chunk];
        int read;
        while ((read = reader.Read(buffer, 0, chunk)) > 0)
        {
            text.Append(buffer, 0, read);
            if (stopBeforeEnd && text.Length > 1000)
            {
                break;
            }
        }
        return text.ToString();
    }
}
