using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class AmountParserTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("12", "12")]
    [InlineData("12.5", "12.5")]
    [InlineData("12.50", "12.50")]
    [InlineData("1234.56", "1234.56")]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("1,234,567", "1234567")]
    [InlineData("¥12", "12")]
    [InlineData("￥12.30", "12.30")]
    [InlineData("¥ 1,000", "1000")]
    [InlineData("12元", "12")]
    [InlineData("12.5 元", "12.5")]
    [InlineData("￥1,234.50元", "1234.50")]
    [InlineData("  7  ", "7")]
    [InlineData("0.10", "0.10")]
    [InlineData("999999999999999.99", "999999999999999.99")]
    public void TryParse_YuanForm_ReturnsExactDecimal(string text, string expected)
    {
        AmountParser.TryParse(text, out var amount).Should().BeTrue();
        amount.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("80.00", "80")]
    [InlineData("0.10", "0.1")]
    [InlineData("12.5", "12.5")]
    [InlineData("1,234.50", "1234.5")]
    [InlineData("0.00", "0")]
    [InlineData("-12.50", "-12.5")]
    [InlineData("999999999999999.90", "999999999999999.9")]
    public void TryParse_TrailingZerosOfTheFraction_DroppedAsDecimalDivisionDoes(string text, string written)
    {
        AmountParser.TryParse(text, out var amount).Should().BeTrue();

        amount.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(written);
    }

    [Fact]
    public void TryParse_TwoDecimals_KeepsTheFenExactly()
    {
        AmountParser.TryParse("0.07", out var amount).Should().BeTrue();

        (amount * 100m).Should().Be(7m);
        amount.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("0.07");
    }

    [Theory]
    [InlineData("-1", "-1")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("¥-3", "-3")]
    [InlineData("-¥3", "-3")]
    [InlineData("-1,000元", "-1000")]
    public void TryParse_Negative_ReturnsNegativeAmount(string text, string expected)
    {
        AmountParser.TryParse(text, out var amount).Should().BeTrue();
        amount.Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("元")]
    [InlineData("¥")]
    [InlineData("12.345")]
    [InlineData("-1.234")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("1,23")]
    [InlineData("12,34.5")]
    [InlineData("1234,567")]
    [InlineData(",123")]
    [InlineData("1,,234")]
    [InlineData("1.2.3")]
    [InlineData("1e3")]
    [InlineData("12 34")]
    [InlineData("12USD")]
    [InlineData("--1")]
    [InlineData("-¥-1")]
    [InlineData("１２")]
    [InlineData("1234567890123456")]
    [InlineData("NaN")]
    public void TryParse_NotAnAmount_ReturnsFalse(string text)
    {
        AmountParser.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("12.345", nameof(AmountError.TooManyDecimals))]
    [InlineData("-1.234", nameof(AmountError.TooManyDecimals))]
    [InlineData("1,234.567元", nameof(AmountError.TooManyDecimals))]
    [InlineData("0.000000000000000000000000000001", nameof(AmountError.TooManyDecimals))]
    [InlineData("1234567890123456", nameof(AmountError.TooManyDigits))]
    [InlineData("1234567890123456.00", nameof(AmountError.TooManyDigits))]
    [InlineData("¥1,234,567,890,123,456", nameof(AmountError.TooManyDigits))]
    [InlineData("1000000000000000000000000000000", nameof(AmountError.TooManyDigits))]
    [InlineData("12345678901234567.123", nameof(AmountError.TooManyDigits))]
    [InlineData("abc", nameof(AmountError.NotAnAmount))]
    [InlineData("", nameof(AmountError.NotAnAmount))]
    [InlineData("12.", nameof(AmountError.NotAnAmount))]
    [InlineData("1.2.3", nameof(AmountError.NotAnAmount))]
    [InlineData("12.3a4", nameof(AmountError.NotAnAmount))]
    [InlineData("1e400", nameof(AmountError.NotAnAmount))]
    [InlineData("1,23.456", nameof(AmountError.NotAnAmount))]
    [InlineData("12345678901234567x", nameof(AmountError.NotAnAmount))]
    [InlineData("NaN", nameof(AmountError.NotAnAmount))]
    public void TryParse_Refused_TellsWhatIsWrong(string text, string expected)
    {
        AmountParser.TryParse(text, out _, out var error).Should().BeFalse();

        error.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("-3")]
    [InlineData("999,999,999,999,999.99")]
    public void TryParse_Read_NoError(string text)
    {
        AmountParser.TryParse(text, out _, out var error).Should().BeTrue();

        error.Should().Be(AmountError.None);
    }
}
