using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class CaseRecordTests
{
    private static CaseRecord Case(DateOnly? decided = null, int? statutory = null, int? promised = null) => new()
    {
        CaseId = "XK-1",
        ItemCode = "X0101",
        UnitCode = "U01",
        AcceptedOn = new DateOnly(2025, 9, 26),
        DecidedOn = decided,
        StatutoryLimit = statutory,
        PromisedLimit = promised,
        Status = CaseStatus.Open,
    };

    [Fact]
    public void Init_NothingOptionalGiven_ReadsNull()
    {
        var record = Case();

        record.DecidedOn.Should().BeNull();
        record.StatutoryLimit.Should().BeNull();
        record.PromisedLimit.Should().BeNull();
    }

    [Theory]
    [InlineData(1, 1, 1, 0, 0)]
    [InlineData(2025, 11, 3, 20, 15)]
    [InlineData(9999, 12, 31, int.MaxValue, -1)]
    public void Init_ValuesGiven_ReadsThemBack(int year, int month, int day, int statutory, int promised)
    {
        var record = Case(new DateOnly(year, month, day), statutory, promised);

        record.DecidedOn.Should().Be(new DateOnly(year, month, day));
        record.StatutoryLimit.Should().Be(statutory);
        record.PromisedLimit.Should().Be(promised);
    }

    [Fact]
    public void Equals_SameValuesOrSameNones_AreEqual_AndAValueDiffersFromNone()
    {
        Case(new DateOnly(2025, 11, 3), 20).Should().Be(Case(new DateOnly(2025, 11, 3), 20));
        Case().Should().Be(Case());
        Case(statutory: 0).Should().NotBe(Case());
        Case(new DateOnly(1, 1, 1)).Should().NotBe(Case());
        (Case(statutory: 20) with { StatutoryLimit = null }).Should().Be(Case());
    }

    [Fact]
    public void Init_LimitOfIntMinValue_Refused()
    {
        var statutory = () => Case(statutory: int.MinValue);
        var promised = () => Case(promised: int.MinValue);

        statutory.Should().Throw<ArgumentOutOfRangeException>();
        promised.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void New_OptionalsPacked_TakesNoMoreThan96Bytes()
    {
        // 7 references, the accepted date, the three packed optionals, status and line, with the object header:
        // 112 bytes when the optionals were nullables.
        AllocatedBytes.Each(() => Case()).Should().BeLessThanOrEqualTo(96);
    }
}
