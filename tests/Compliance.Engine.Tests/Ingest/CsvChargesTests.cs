using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class CsvChargesTests
{
    [Theory]
    [InlineData("\"1,234.50\"", "1234.50")]
    [InlineData("¥12", "12")]
    [InlineData("￥12.3", "12.3")]
    [InlineData("12元", "12")]
    [InlineData("0", "0")]
    [InlineData("0.01", "0.01")]
    public void Read_AmountForm_IsExact(string amount, string expected)
    {
        var data = Some.Read("charges", Some.Csv(Some.ChargesHeader, Some.ChargeRow(amount: amount)));

        data.Rejects.Should().BeEmpty();
        data.Charges.Should().ContainSingle().Which.Amount
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_EachRejectReason_OneRejectAtItsLine()
    {
        var data = Some.Read("charges", Some.Csv(
            Some.ChargesHeader,
            Some.ChargeRow(id: "F1"),
            Some.ChargeRow(id: "F2", amount: "12.345"),
            Some.ChargeRow(id: "F3", amount: "-1"),
            Some.ChargeRow(id: "F4", amount: "abc"),
            Some.ChargeRow(id: "F5", amount: ""),
            Some.ChargeRow(id: "F6", charged: "2025-10"),
            Some.ChargeRow(id: "F7", fee: " "),
            Some.ChargeRow(id: "F1", amount: "11"),
            Some.ChargeRow(id: "F1")));

        data.Rejects.Select(Some.Shape).Should().Equal(
            (3, "收费金额", "12.345", RejectReason.BadNumber),
            (4, "收费金额", "-1", RejectReason.NegativeAmount),
            (5, "收费金额", "abc", RejectReason.BadNumber),
            (6, "收费金额", "", RejectReason.MissingRequired),
            (7, "收费时间", "2025-10", RejectReason.BadDate),
            (8, "收费项目编码", " ", RejectReason.MissingRequired),
            (9, "缴款单号", "F1", RejectReason.DuplicateKey));
        data.Stats["charges"].Should().BeEquivalentTo(new FeedStats { Read = 9, Accepted = 1, Rejected = 7, Duplicate = 1 });
    }

    [Theory]
    [InlineData("12.345", "“收费金额”的值“12.345”不是有效金额：小数超过两位（金额以元为单位，精确到分）")]
    [InlineData("1234567890123456.00", "“收费金额”的值“1234567890123456.00”超出金额范围：整数部分超过 15 位")]
    [InlineData("abc", "“收费金额”的值“abc”不是有效金额：应为以元为单位的数字，如 1234.50、1,234.50、¥12 或 12元")]
    public void Read_BadAmount_MessageSaysWhatIsWrong(string amount, string message)
    {
        var data = Some.Read("charges", Some.Csv(Some.ChargesHeader, Some.ChargeRow(amount: amount)));

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Reason, reject.Message).Should().Be((RejectReason.BadNumber, message));
    }

    [Fact]
    public void Read_ChargeWithoutCase_IsAcceptedAsOrphan()
    {
        var data = Some.Read("charges", Some.Csv(
            "缴款单号,办件编号,收费项目编码,收费项目名称,收费金额,收费时间,收费单位编码,缴款人类型",
            "F1,,FEE1,工本费,\"¥1,000.00\",20251030T140509,U9,小微企业"));

        data.Charges.Should().Equal(new ChargeRecord
        {
            ChargeId = "F1",
            CaseId = null,
            FeeCode = "FEE1",
            FeeName = "工本费",
            Amount = 1000m,
            ChargedOn = new DateOnly(2025, 10, 30),
            UnitCode = "U9",
            PayerType = "小微企业",
            Line = 2,
        });
    }
    [Fact]
    public void Read_ChargesNamingKnownAndUnknownCases_KnownOnesShareTheCasesIdString()
    {
        var data = Some.ReadAfterCases(
            Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1"), Some.CaseRow(id: "C2")),
            "charges",
            Some.Csv(
                Some.ChargesHeader,
                Some.ChargeRow(id: "F1", caseId: "C1"),
                Some.ChargeRow(id: "F2", caseId: " C1 "),
                Some.ChargeRow(id: "F3", caseId: "C9"),
                Some.ChargeRow(id: "F4", caseId: "C2"),
                Some.ChargeRow(id: "F5", caseId: "C1")));

        data.Charges.Select(c => c.CaseId).Should().Equal("C1", "C1", "C9", "C2", "C1");
        data.Charges.Where(c => c.CaseId != "C9").Should().OnlyContain(c => data.Cases.Any(k => ReferenceEquals(k.CaseId, c.CaseId)));
    }

    [Fact]
    public void Read_ChargesNamingKnownAndUnknownCases_EachKnowsWhereItsCaseIs()
    {
        var data = Some.ReadAfterCases(
            Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1"), Some.CaseRow(id: "C2")),
            "charges",
            Some.Csv(
                Some.ChargesHeader,
                Some.ChargeRow(id: "F1", caseId: "C2"),
                Some.ChargeRow(id: "F2", caseId: "C2"),
                Some.ChargeRow(id: "F3", caseId: "C9"),
                Some.ChargeRow(id: "F4", caseId: ""),
                Some.ChargeRow(id: "F5", caseId: "C1")));

        data.Charges.Select(c => c.Case.Index).Should().Equal(1, 1, -1, -1, 0);
    }

    [Theory]
    [InlineData(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)]
    [InlineData(0, 2, 6, 7, 13, 19, 18, 3, 3, 0)]
    [InlineData(19, 15, 11, 7, 3, 4, 5, 10, 15, 19)]
    public void Read_ChargesNamingCasesNearOrFarFromTheOneBefore_EachKnowsItsCase(params int[] named)
    {
        var cases = Enumerable.Range(0, 20).Select(i => Some.CaseRow(id: $"C{i:D2}"));
        var charges = named.Select((c, i) => Some.ChargeRow(id: $"F{i}", caseId: c == 3 ? "C99" : $"C{c:D2}"));

        var data = Some.ReadAfterCases(Some.Csv([Some.CasesHeader, .. cases]), "charges", Some.Csv([Some.ChargesHeader, .. charges]));

        data.Charges.Select(c => c.Case.Index).Should().Equal(named.Select(c => c == 3 ? -1 : c));
        data.Charges.Where(c => c.Case.Index >= 0).Should().OnlyContain(c => ReferenceEquals(c.CaseId, data.Cases[c.Case.Index].CaseId));
    }
}
