using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class TextEncodingDetectorTests
{
    [Fact]
    public void ReadBom_Utf8Bom_TrueAfterReadingIt()
    {
        var stream = new MemoryStream([0xEF, 0xBB, 0xBF, (byte)'a']);

        TextEncodingDetector.ReadBom(stream).Should().BeTrue();
        stream.Position.Should().Be(3);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBE, 0x41 })]
    [InlineData(new byte[0])]
    public void ReadBom_ShortOrOtherStart_False(byte[] bytes)
    {
        TextEncodingDetector.ReadBom(new MemoryStream(bytes)).Should().BeFalse();
    }

    [Fact]
    public void Candidates_Bom_Utf8AloneAfterThePreamble()
    {
        var candidates = TextEncodingDetector.Candidates(bom: true);

        candidates.Should().ContainSingle();
        candidates[0].Name.Should().Be(DetectedEncoding.Utf8BomName);
        candidates[0].PreambleLength.Should().Be(3);
    }

    [Fact]
    public void Candidates_NoBom_StrictUtf8ThenStrictGb18030()
    {
        var candidates = TextEncodingDetector.Candidates(bom: false);

        candidates.Select(c => c.Name).Should().Equal(DetectedEncoding.Utf8Name, DetectedEncoding.Gb18030Name);
        candidates.Should().OnlyContain(c => c.PreambleLength == 0);
        // Strict: an invalid byte throws rather than becoming U+FFFD, which is what makes the fallback work.
        var act = () => candidates[0].Encoding.GetString([0xB0, 0xEC]);
        act.Should().Throw<DecoderFallbackException>();
    }
}
