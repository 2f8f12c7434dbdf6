using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

/// <summary>The decoder must give exactly the runtime decoder's text, and fail exactly where it fails.</summary>
public class Gb18030DecoderTests
{
    private static readonly Encoding Runtime = TextEncodingDetector.StrictGb18030;

    [Fact]
    public void Convert_EveryTwoByteSequenceAndAscii_SameTextAsTheRuntime()
    {
        var bytes = new List<byte>();
        for (var lead = 0x81; lead <= 0xFE; lead++)
        {
            for (var second = 0x40; second <= 0xFE; second++)
            {
                if (second != 0x7F)
                {
                    bytes.AddRange([(byte)lead, (byte)second, (byte)(second & 0x7F)]);
                }
            }
        }

        Decode([.. bytes]).Should().Be(Runtime.GetString([.. bytes]));
    }

    [Fact]
    public void Convert_FourByteSequencesAcrossTheRange_SameTextAsTheRuntime()
    {
        var bytes = new List<byte>();
        for (var b1 = 0x81; b1 <= 0xE3; b1 += 3)
        {
            for (var b3 = 0x81; b3 <= 0xFE; b3 += 5)
            {
                var sequence = new[] { (byte)b1, (byte)(0x30 + b1 % 10), (byte)b3, (byte)(0x30 + b3 % 10) };
                if (Decodes(sequence))
                {
                    bytes.AddRange(sequence);
                    bytes.Add((byte)'|');
                }
            }
        }

        bytes.Should().HaveCountGreaterThan(1000);
        Decode([.. bytes]).Should().Be(Runtime.GetString([.. bytes]));
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x80 })]
    [InlineData(new byte[] { 0x41, 0xFF, 0x41 })]
    [InlineData(new byte[] { 0x81, 0x7F })]
    [InlineData(new byte[] { 0x81, 0x0A })]
    [InlineData(new byte[] { 0x81, 0x30, 0x41, 0x30 })]
    [InlineData(new byte[] { 0x41, 0x81 })]
    [InlineData(new byte[] { 0x81, 0x30, 0x81 })]
    public void Convert_BytesTheRuntimeRefuses_Refused(byte[] bytes)
    {
        Decodes(bytes).Should().BeFalse();

        var decode = () => Decode(bytes);

        decode.Should().Throw<DecoderFallbackException>();
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x80 })]
    [InlineData(new byte[] { 0x41, 0xFF, 0x41 })]
    [InlineData(new byte[] { 0x41, 0x81, 0x7F })]
    [InlineData(new byte[] { 0x41, 0x42, 0x81, 0x0A })]
    [InlineData(new byte[] { 0x41, 0x81, 0x30, 0x41, 0x30 })]
    [InlineData(new byte[] { 0xB0, 0xEC, 0x81 })]
    [InlineData(new byte[] { 0x81, 0x30, 0x81 })]
    public void Read_BytesTheRuntimeRefuses_FailsAtTheRuntimesIndex(byte[] bytes)
    {
        ReaderOutcome(bytes).Should().Be(RuntimeOutcome(bytes)).And.StartWith("fails at");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Read_MixedTextAndDamage_SameOutcomeAndFailingOffsetAsTheRuntimeAtAnyBufferOffset(int seed)
    {
        // Text longer than the reader's 64 KiB byte buffer, shifted by the seed so that sequences straddle it
        // at different places, and damaged now and then.
        var random = new Random(seed);
        var pieces = new[] { "办件", "收费", "a", "2025-10-30", ",", "\U00020000", "\u20AC", "\uE5E5", "ÿ", "\u00B7", "XK-2025-0000001,X0207,", "1234567", "12345678", new string('z', 5000) };
        var text = new StringBuilder(new string('x', seed));
        while (text.Length < 100_000)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }
        var clean = Runtime.GetBytes(text.ToString());
        for (var trial = 0; trial < 8; trial++)
        {
            var bytes = (byte[])clean.Clone();
            if (trial > 0)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            var expected = RuntimeOutcome(bytes);

            ReaderOutcome(bytes).Should().Be(expected);
        }
    }

    private static bool Decodes(byte[] bytes) => RuntimeOutcome(bytes).StartsWith("text ", StringComparison.Ordinal);

    /// <summary>The runtime's text, or the index of the first byte it could not decode.</summary>
    private static string RuntimeOutcome(byte[] bytes)
    {
        try
        {
            return "text " + Runtime.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return "fails at " + e.Index;
        }
    }

    /// <summary>The reader's text, or the offset it noted for the first byte it could not decode.</summary>
    private static string ReaderOutcome(byte[] bytes)
    {
        var reader = new StrictDecodingReader(new MemoryStream(bytes), 0, Runtime);
        try
        {
            return "text " + ReadAll(reader);
        }
        catch (DecoderFallbackException)
        {
            return "fails at " + reader.FailedAt;
        }
    }

    /// <summary>Through the reader, as ingest decodes: 64 KiB reads and the caller's buffer of a few thousand chars.</summary>
    private static string Decode(byte[] bytes) => ReadAll(new StrictDecodingReader(new MemoryStream(bytes), 0, Runtime));

    private static string ReadAll(StrictDecodingReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[3001];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }
}
