using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class ChargeRecordTests
{
    private static ChargeRecord Charge(decimal amount) => new()
    {
        ChargeId = "JK-1",
        FeeCode = "F0101",
        Amount = amount,
        ChargedOn = new DateOnly(2025, 10, 9),
    };

    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("80")]
    [InlineData("80.5")]
    [InlineData("-5.25")]
    [InlineData("999999999999999.99")]
    [InlineData("92233720368547758.07")]
    [InlineData("0.0000000000000000000000000001")]
    public void Amount_Canonical_ReadsBackTheSameDigitsAndScale(string text)
    {
        var amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var read = Charge(amount).Amount;

        read.Should().Be(amount);
        decimal.GetBits(read).Should().Equal(decimal.GetBits(amount));
    }

    [Fact]
    public void Amount_TrailingZerosOrNegativeZero_ReadsBackTheValueWithout()
    {
        var read = Charge(80.00m).Amount;

        read.Should().Be(80m);
        read.Scale.Should().Be(0);
        Charge(-0.00m).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("0");
    }

    [Fact]
    public void Equals_SameValueWrittenTwoWays_AreEqual()
    {
        Charge(80.00m).Should().Be(Charge(80m));
        Charge(-0m).Should().Be(Charge(0m));
        Charge(80.01m).Should().NotBe(Charge(80m));
        Charge(-1m).Should().NotBe(Charge(1m));
    }

    [Fact]
    public void Amount_MoreThanALongOfDigits_Refused()
    {
        var tooMany = () => Charge(92233720368547758.08m);

        tooMany.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void New_AmountPacked_TakesNoMoreThan88Bytes()
    {
        // 6 references, the packed amount, date, line and case position, with the object header: 96 bytes when the
        // amount was a decimal.
        AllocatedBytes.Each(() => Charge(1m)).Should().BeLessThanOrEqualTo(88);
    }
}
