using System.Text;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

public class FindingsWriterTests
{
    [Fact]
    public void Write_OneFinding_WritesContractKeysInOrderOnOneLine()
    {
        var evidence = new Evidence()
            .Add("accepted", new DateOnly(2025, 9, 26))
            .Add("used", 22)
            .Add("limit", 20L)
            .Add("open", false)
            .Add("amount", 600m)
            .Add("max", 512.5m)
            .Add("days", new[] { new DateOnly(2025, 10, 9), new DateOnly(2025, 10, 10) })
            .Add("codes", new List<string> { "a", "b" })
            .Add("period", new Evidence().Add("from", new DateOnly(2020, 1, 1)).Add("to", null))
            .Add("note", "目录外");
        var finding = Some.Finding(evidence: evidence) with { Fingerprint = "0011223344556677889a" };

        var text = OutputBytes.Text(s => FindingsWriter.Write(s, [finding]));

        text.Should().Be(
            "{\"rule\":\"case.overdue-statutory\",\"severity\":\"red\",\"subject\":\"case:XK-1\",\"unit\":\"U01\"," +
            "\"asOf\":\"2025-11-03\",\"occurredOn\":\"2025-10-31\",\"message\":\"办件XK-1超过法定时限\"," +
            "\"basis\":\"《中华人民共和国行政许可法》第四十二条\"," +
            "\"evidence\":{\"accepted\":\"2025-09-26\",\"used\":22,\"limit\":20,\"open\":false,\"amount\":600.00," +
            "\"max\":512.50,\"days\":[\"2025-10-09\",\"2025-10-10\"],\"codes\":[\"a\",\"b\"]," +
            "\"period\":{\"from\":\"2020-01-01\",\"to\":null},\"note\":\"目录外\"}," +
            "\"ruleSet\":\"2026-01+3f2a9c1e\",\"fingerprint\":\"0011223344556677889a\"}\n");
    }

    [Fact]
    public void Write_ChineseText_IsUtf8WithoutBomAndNotEscaped()
    {
        var bytes = OutputBytes.Of(s => FindingsWriter.Write(s, [Some.Finding(message: "红牌")]));

        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        var red = Encoding.UTF8.GetBytes("\"红牌\"");
        bytes.AsSpan().IndexOf(red).Should().BePositive();
        Encoding.UTF8.GetString(bytes).Should().NotContain("\\u");
    }

    [Fact]
    public void Write_ControlCharactersFromTheData_EscapedSoTheLineHoldsNoControlByte()
    {
        var finding = Some.Finding(
            subject: "case:C\u00001",
            unit: "U\u001b",
            message: "办件C\u00001超过法定时限",
            evidence: new Evidence().Add("note", "\u0007\t\u007f"));

        var bytes = OutputBytes.Of(s => FindingsWriter.Write(s, [finding]));

        bytes[..^1].Should().OnlyContain(b => b >= 0x20);
        var text = Encoding.UTF8.GetString(bytes);
        text.Should().Contain("\"subject\":\"case:C\\u00001\"").And.Contain("\"unit\":\"U\\u001b\"")
            .And.Contain("\"message\":\"办件C\\u00001超过法定时限\"").And.Contain("\"note\":\"\\u0007\\t\u007f\"");
    }

    [Fact]
    public void Write_SeveralFindings_KeepsGivenOrderOneLineEach()
    {
        var findings = new[]
        {
            Some.Finding(subject: "case:B", severity: Severity.Warning),
            Some.Finding(subject: "case:A", severity: Severity.Yellow),
        };

        var lines = OutputBytes.Text(s => FindingsWriter.Write(s, findings)).Split('\n');

        lines.Should().HaveCount(3);
        lines[0].Should().Contain("\"severity\":\"warning\"").And.Contain("\"subject\":\"case:B\"");
        lines[1].Should().Contain("\"severity\":\"yellow\"").And.Contain("\"subject\":\"case:A\"");
        lines[2].Should().BeEmpty();
    }

    [Fact]
    public void Write_MessageWithQuoteAndLineBreak_EscapesThemInsideTheLine()
    {
        var text = OutputBytes.Text(s => FindingsWriter.Write(s, [Some.Finding(message: "甲\"乙\n丙")]));

        text.Should().Contain("\"message\":\"甲\\\"乙\\n丙\"");
        text.Count(c => c == '\n').Should().Be(1);
    }

    [Fact]
    public void Write_NoFindings_WritesEmptyFile()
    {
        OutputBytes.Of(s => FindingsWriter.Write(s, [])).Should().BeEmpty();
    }

    [Fact]
    public void Write_DecimalWithMoreDecimals_RoundsToTwo()
    {
        var evidence = new Evidence().Add("a", 0.005m).Add("b", -12.344m).Add("c", 1234567.1m);

        var text = OutputBytes.Text(s => FindingsWriter.Write(s, [Some.Finding(evidence: evidence)]));

        text.Should().Contain("\"evidence\":{\"a\":0.01,\"b\":-12.34,\"c\":1234567.10}");
    }

    [Fact]
    public void Write_EvidenceWithDouble_ThrowsNamingTheKey()
    {
        var evidence = new Evidence().Add("ratio", 0.5d);

        var write = () => OutputBytes.Of(s => FindingsWriter.Write(s, [Some.Finding(evidence: evidence)]));

        write.Should().Throw<ArgumentException>().WithMessage("*'ratio'*Double*");
    }

    [Fact]
    public void Write_EvidenceWithRepeatedKey_Throws()
    {
        var evidence = new Evidence().Add("used", 1).Add("used", 2);

        var write = () => OutputBytes.Of(s => FindingsWriter.Write(s, [Some.Finding(evidence: evidence)]));

        write.Should().Throw<ArgumentException>().WithMessage("*'used'*twice*");
    }

    [Fact]
    public void Write_ThousandsOfVariedFindings_SameBytesAsNewtonsoftOneByOne()
    {
        // Enough for more chunks than are serialized at once, the last one short.
        var findings = new VariedFindings(seed: 20251103).Take((5 * FindingsWriter.ChunkSize) + 7);

        var bytes = OutputBytes.Of(s => FindingsWriter.Write(s, findings));

        Encoding.UTF8.GetString(bytes).Should().Be(Encoding.UTF8.GetString(NewtonsoftFindings.Write(findings)));
        bytes.Should().Equal(NewtonsoftFindings.Write(findings));
    }

    [Fact]
    public void Write_EveryCharacter_EscapedAsNewtonsoftEscapesIt()
    {
        var all = new StringBuilder();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                all.Append((char)c);
            }
        }
        all.Append("😀𠀀");
        var finding = Some.Finding(message: all.ToString(), evidence: new Evidence().Add(all.ToString(), all.ToString()));

        var bytes = OutputBytes.Of(s => FindingsWriter.Write(s, [finding]));

        bytes.Should().Equal(NewtonsoftFindings.Write([finding]));
    }

    [Fact]
    public void Write_LoneSurrogate_RefusedByTheStrictEncoding()
    {
        var write = () => OutputBytes.Of(s => FindingsWriter.Write(s, [Some.Finding(message: "甲\ud800乙")]));

        write.Should().Throw<EncoderFallbackException>();
    }

    [Fact]
    public void Write_BadEvidenceInSeveralChunks_ThrowsForTheFirstInOrder()
    {
        var findings = new VariedFindings(seed: 7).Take(4 * FindingsWriter.ChunkSize);
        findings[(3 * FindingsWriter.ChunkSize) + 5] = Some.Finding(evidence: new Evidence().Add("later", 1.5d));
        findings[FindingsWriter.ChunkSize + 3] = Some.Finding(evidence: new Evidence().Add("first", 0.5f));

        var write = () => OutputBytes.Of(s => FindingsWriter.Write(s, findings));

        write.Should().Throw<ArgumentException>().WithMessage("*'first'*Single*");
    }
}
