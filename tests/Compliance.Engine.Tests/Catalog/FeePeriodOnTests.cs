using Compliance.Engine.Catalog;

namespace Compliance.Engine.Tests.Catalog;

/// <summary>Fee.PeriodOn against the shipped catalogue: the first and the last day of each period count.</summary>
public sealed class FeePeriodOnTests
{
    private static Fee Fee(string code) => ShippedRules.RuleSet.Fees[code];

    [Theory]
    [InlineData(2014, 1, 1, 800)]
    [InlineData(2015, 10, 14, 800)]
    [InlineData(2015, 10, 15, 600)]
    [InlineData(2017, 3, 31, 600)]
    [InlineData(2017, 4, 1, 300)]
    [InlineData(2026, 1, 1, 300)]
    public void PeriodOn_TrademarkFee_GivesTheStandardOfThatDay(int year, int month, int day, int max)
    {
        var period = Fee("F0102").PeriodOn(new DateOnly(year, month, day));

        period.Should().NotBeNull();
        period!.Max.Should().Be(max);
        period.Status.Should().Be(FeeStatus.Active);
    }

    [Fact]
    public void PeriodOn_BeforeTheFirstPeriod_IsNull()
    {
        Fee("F0102").PeriodOn(new DateOnly(2013, 12, 31)).Should().BeNull();
        Fee("F0203").PeriodOn(new DateOnly(2017, 3, 14)).Should().BeNull();
    }

    [Fact]
    public void PeriodOn_IdentityCardFirstIssue_IsSuspendedFromTheNoticeDate()
    {
        var fee = Fee("F0701");

        fee.PeriodOn(new DateOnly(2018, 3, 31))!.IsStopped.Should().BeFalse();
        var suspended = fee.PeriodOn(new DateOnly(2018, 4, 1))!;
        suspended.Status.Should().Be(FeeStatus.Suspended);
        suspended.IsStopped.Should().BeTrue();
        suspended.Basis.Should().Contain("财税〔2018〕37号");
    }

    [Fact]
    public void PeriodOn_HousingTransactionFee_ExemptsSmallBusinessesFrom2015()
    {
        var fee = Fee("F0402");

        fee.PeriodOn(new DateOnly(2014, 12, 31))!.ExemptsPayer("小微企业").Should().BeFalse();
        var exempt = fee.PeriodOn(new DateOnly(2015, 1, 1))!;
        exempt.ExemptsPayer("小微企业").Should().BeTrue();
        exempt.ExemptsPayer("企业").Should().BeFalse();
        exempt.Basis.Should().Contain("财税〔2014〕101号");
    }

    [Fact]
    public void PeriodOn_PlantQuarantineFee_ExemptsEveryoneFromMay2016()
    {
        var fee = Fee("F1001");

        fee.PeriodOn(new DateOnly(2016, 4, 30))!.ExemptsPayer("个人").Should().BeFalse();
        fee.PeriodOn(new DateOnly(2016, 5, 1))!.ExemptsPayer("个人").Should().BeTrue();
        fee.PeriodOn(new DateOnly(2016, 5, 1))!.Basis.Should().Contain("财税〔2016〕42号");
    }
}
