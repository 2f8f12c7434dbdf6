using System.Diagnostics;
using System.Text;
using Compliance.Engine.Storage;
using Xunit.Abstractions;
using FindingsSome = Compliance.Engine.Tests.Findings.Some;

namespace Compliance.Engine.Tests.Storage;

public sealed class SummaryCodecTests(ITestOutputHelper output)
{
    [Fact]
    public void Unpack_PackedLargeSummary_SameTextFromUnderAFifthOfItsBytes()
    {
        var summary = FindingsSome.Summary(orphanCharges: 600_000, calendarMissing: 50_000);

        var packed = SummaryCodec.Pack(summary);

        SummaryCodec.Unpack(packed).Should().Be(summary);
        packed.Length.Should().BeLessThan(Encoding.UTF8.GetByteCount(summary) / 5);
    }

    [Fact]
    public void Unpack_PackedChineseAndEmpty_SameText()
    {
        foreach (var text in new[] { "", "{}", "{\n  \"unit\": \"市场监督管理局城东分局\",\n  \"id\": \"𠀀\"\n}" })
        {
            SummaryCodec.Unpack(SummaryCodec.Pack(text)).Should().Be(text);
        }
    }

    [Fact]
    public void Pack_LoneSurrogate_RefusedRatherThanAltered()
    {
        var act = () => SummaryCodec.Pack("{\"id\": \"\ud800\"}");

        act.Should().Throw<EncoderFallbackException>();
    }

    /// <summary>
    /// The README's figures: set COMPLIANCE_SUMMARY_FILE to a run's summary.json (e.g. of the 1M set); without it,
    /// a generated summary of the same shape is used.
    /// </summary>
    [Fact]
    public void Pack_RealSizedSummary_RoundTripsAndPrintsSizeAndTimes()
    {
        var file = Environment.GetEnvironmentVariable("COMPLIANCE_SUMMARY_FILE");
        var summary = file is { Length: > 0 }
            ? File.ReadAllText(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true))
            : FindingsSome.Summary(orphanCharges: 600_000);
        SummaryCodec.Unpack(SummaryCodec.Pack(summary)).Should().Be(summary, "a first round warms up and checks");

        var packTimes = new List<double>();
        var unpackTimes = new List<double>();
        byte[] packed = [];
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            packed = SummaryCodec.Pack(summary);
            packTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            SummaryCodec.Unpack(packed);
            unpackTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        var bytes = Encoding.UTF8.GetByteCount(summary);
        output.WriteLine($"{bytes:N0} bytes → {packed.Length:N0} bytes ({100.0 * packed.Length / bytes:F1} %); " +
            $"pack median {packTimes.Order().ElementAt(2):F1} ms, unpack median {unpackTimes.Order().ElementAt(2):F1} ms");
        packed.Length.Should().BeLessThan(bytes);
        // Times are printed for the README, not asserted: they depend on the machine's load.
    }
}
