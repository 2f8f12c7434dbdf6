using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class DateParserTests
{
    [Theory]
    [InlineData("2025-10-30")]
    [InlineData("2025/10/30")]
    [InlineData("20251030")]
    [InlineData("2025年10月30日")]
    [InlineData("2025-10-30 14:05")]
    [InlineData("2025-10-30 14:05:09")]
    [InlineData("2025-10-30T14:05:09")]
    [InlineData("2025-10-30T14:05:09.1234567")]
    [InlineData("2025/10/30 14:05:09")]
    [InlineData("2025年10月30日 14:05")]
    [InlineData("20251030T140509")]
    [InlineData("20251030 140509")]
    [InlineData("20251030T1405")]
    [InlineData("2025-10-30 00:00:00")]
    [InlineData("2025-10-30 23:59:59")]
    [InlineData("  2025-10-30  ")]
    [InlineData("2025-10-30   14:05")]
    public void TryParse_FeedsForm_ReturnsDateWithoutTime(string text)
    {
        DateParser.TryParse(text, out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(2025, 10, 30));
    }

    [Theory]
    [InlineData("2025/1/5", 2025, 1, 5)]
    [InlineData("2025-1-5 8:05", 2025, 1, 5)]
    [InlineData("2025年1月5日", 2025, 1, 5)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void TryParse_SingleDigitMonthDayOrLeapDay_ReturnsDate(string text, int year, int month, int day)
    {
        DateParser.TryParse(text, out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2025-02-29")]
    [InlineData("2025-13-01")]
    [InlineData("2025-00-10")]
    [InlineData("2025-04-31")]
    [InlineData("2025-10-00")]
    [InlineData("20250230")]
    [InlineData("2025-10/30")]
    [InlineData("2025.10.30")]
    [InlineData("30/10/2025")]
    [InlineData("10/30/2025")]
    [InlineData("2025-10-30Z")]
    [InlineData("2025-10-30T14:05:09Z")]
    [InlineData("2025-10-30T14:05:09+08:00")]
    [InlineData("2025-10-30 24:00")]
    [InlineData("2025-10-30 14:60")]
    [InlineData("2025-10-30 14:05:60")]
    [InlineData("2025-10-30 14")]
    [InlineData("2025-10-30x")]
    [InlineData("2025-10-30T")]
    [InlineData("20251030T14050")]
    [InlineData("202510301")]
    [InlineData("2025103")]
    [InlineData("20251-10-30")]
    [InlineData("2025-100-30")]
    [InlineData("2025年10月30")]
    [InlineData("45960")]
    [InlineData("明天")]
    public void TryParse_NotAFeedsDate_ReturnsFalse(string text)
    {
        DateParser.TryParse(text, out _).Should().BeFalse();
    }
}
