using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class DayCountParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("20", 20)]
    [InlineData(" 45 ", 45)]
    [InlineData("20.0", 20)]
    [InlineData("15.00", 15)]
    public void TryParse_WholeNumber_ReturnsDays(string text, int expected)
    {
        DayCountParser.TryParse(text, out var days).Should().BeTrue();
        days.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("20.")]
    [InlineData("二十")]
    [InlineData("20天")]
    [InlineData("1e2")]
    [InlineData("1234567")]
    public void TryParse_NotADayCount_ReturnsFalse(string text)
    {
        DayCountParser.TryParse(text, out _).Should().BeFalse();
    }
}
