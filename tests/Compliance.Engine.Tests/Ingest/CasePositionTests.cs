using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class CasePositionTests
{
    [Fact]
    public void Default_IsNoPosition() => default(CasePosition).Index.Should().Be(-1);

    [Theory]
    [InlineData(0)]
    [InlineData(41)]
    public void Index_GivenPosition_ThatPosition(int index) => new CasePosition(index).Index.Should().Be(index);

    [Fact]
    public void Equals_RecordsAlikeButForWhereTheirCaseWasFound_Equal()
    {
        var charge = new ChargeRecord { ChargeId = "F1", CaseId = "C1", FeeCode = "FEE1", Amount = 10m, ChargedOn = new DateOnly(2025, 10, 9) };
        var found = charge with { Case = new CasePosition(3) };

        found.Should().Be(charge);
        found.GetHashCode().Should().Be(charge.GetHashCode());
        (found with { ChargeId = "F2" }).Should().NotBe(charge);
    }
}
