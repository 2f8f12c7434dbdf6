using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class JsonNumberTextTests
{
    [Theory]
    [InlineData("80", "80")]
    [InlineData("80.100", "80.100")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("010", "010")]
    [InlineData("1.2345678E7", "12345678")]
    [InlineData("1.50e1", "15.0")]
    [InlineData("1.5e-1", "0.15")]
    [InlineData("1e-3", "0.001")]
    [InlineData("-12E+2", "-1200")]
    [InlineData("0.010e5", "1000")]
    [InlineData("0e5", "0")]
    [InlineData("1e28", "10000000000000000000000000000")]
    [InlineData("5e-28", "0.0000000000000000000000000005")]
    public void Plain_Number_WritesOutItsExponentDigitForDigit(string raw, string expected)
    {
        JsonNumberText.Plain(raw).Should().Be(expected);
    }

    [Theory]
    [InlineData("1e29")]
    [InlineData("1e-29")]
    [InlineData("-1E400")]
    [InlineData("1e99999999999")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("0x1E5")]
    public void Plain_TooLongOrNotDecimal_LeftAsWritten(string raw)
    {
        JsonNumberText.Plain(raw).Should().Be(raw);
    }
}
