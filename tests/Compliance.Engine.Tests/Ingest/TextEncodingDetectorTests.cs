using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class TextEncodingDetectorTests
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;

    [Fact]
    public void Detect_Utf8Bom_IsUtf8WithPreamble()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Gb18030.GetBytes("办件编号")).ToArray();

        var detected = TextEncodingDetector.Detect(new MemoryStream(bytes));

        // The BOM decides, even though the rest is not UTF-8.
        detected.Name.Should().Be(DetectedEncoding.Utf8BomName);
        detected.PreambleLength.Should().Be(3);
    }

    [Fact]
    public void Detect_StrictUtf8WithoutBom_IsUtf8()
    {
        var detected = TextEncodingDetector.Detect(new MemoryStream(Encoding.UTF8.GetBytes("办件编号,受理时间\n")));

        detected.Name.Should().Be(DetectedEncoding.Utf8Name);
        detected.PreambleLength.Should().Be(0);
    }

    [Fact]
    public void Detect_Gb18030Chinese_IsGb18030()
    {
        var detected = TextEncodingDetector.Detect(new MemoryStream(Gb18030.GetBytes("办件编号,受理时间\n")));

        detected.Name.Should().Be(DetectedEncoding.Gb18030Name);
        detected.Encoding!.GetString(Gb18030.GetBytes("受理单位")).Should().Be("受理单位");
    }

    [Fact]
    public void Detect_Gb18030AfterLongAsciiPrefix_LooksAtTheWholeFile()
    {
        var prefix = Encoding.ASCII.GetBytes(new string('a', 200_000) + "\n");
        var bytes = prefix.Concat(Gb18030.GetBytes("北京市")).ToArray();

        TextEncodingDetector.Detect(new MemoryStream(bytes)).Name.Should().Be(DetectedEncoding.Gb18030Name);
    }

    [Fact]
    public void Detect_Utf8SequenceAcrossChunkBoundary_IsUtf8()
    {
        // 65535 ASCII bytes put the three bytes of 办 across the 64 KiB chunk boundary.
        var bytes = Encoding.ASCII.GetBytes(new string('a', 65_535)).Concat(Encoding.UTF8.GetBytes("办件")).ToArray();

        TextEncodingDetector.Detect(new MemoryStream(bytes)).Name.Should().Be(DetectedEncoding.Utf8Name);
    }

    [Fact]
    public void Detect_BytesValidInNeither_IsUndecodable()
    {
        var detected = TextEncodingDetector.Detect(new MemoryStream([0x61, 0xFF, 0x62, 0x80]));

        detected.Name.Should().Be(DetectedEncoding.UndecodableName);
        detected.Encoding.Should().BeNull();
    }

    [Fact]
    public void Detect_Stream_RestoresPosition()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("xx办件"));
        stream.Position = 2;

        TextEncodingDetector.Detect(stream);

        stream.Position.Should().Be(2);
    }
}
