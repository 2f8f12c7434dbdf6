using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class JsonFeedTests
{
    [Fact]
    public void Read_ArrayOfObjects_BuildsRecordsWithObjectStartLines()
    {
        var json = """
            [
              {"case_id": "C1", "item_code": "I1", "unit_code": "U1",
               "accepted_at": "2025-10-08T09:00:00", "statutory_limit": 20, "promised_limit": 10.0},
              {
                "case_id": "C2",
                "item_code": "I1",
                "unit_code": "U1",
                "accepted_at": "20251009",
                "decided_at": "2025-10-20 17:00",
                "status": "decided"
              }
            ]
            """;

        var data = Some.Read("cases", json, "cases.json");

        data.Rejects.Should().BeEmpty();
        data.Cases.Select(c => (c.CaseId, c.Line, c.AcceptedOn, c.StatutoryLimit, c.PromisedLimit, c.Status)).Should().Equal(
            ("C1", 2, new DateOnly(2025, 10, 8), 20, 10, CaseStatus.Open),
            ("C2", 4, new DateOnly(2025, 10, 9), null, null, CaseStatus.Decided));
        data.Files.Should().ContainSingle().Which.Encoding.Should().Be("utf-8");
    }

    [Fact]
    public void Read_NumericAmounts_AreExactDecimals()
    {
        var json = """
            [
              {"charge_id": "F1", "fee_code": "X", "amount": 1234.50, "charged_at": "2025-10-08"},
              {"charge_id": "F2", "fee_code": "X", "amount": 0.1, "charged_at": "2025-10-08"},
              {"charge_id": "F3", "fee_code": "X", "amount": "¥1,000", "charged_at": "2025-10-08"},
              {"charge_id": "F4", "fee_code": "X", "amount": 12.345, "charged_at": "2025-10-08"},
              {"charge_id": "F5", "fee_code": "X", "amount": -1, "charged_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("charges", json, "charges.json");

        data.Charges.Select(c => c.Amount).Should().Equal(1234.50m, 0.1m, 1000m);
        data.Rejects.Select(Some.Shape).Should().Equal(
            (5, "amount", "12.345", RejectReason.BadNumber),
            (6, "amount", "-1", RejectReason.NegativeAmount));
    }

    [Fact]
    public void Read_NumberBeyondDecimalRange_RejectsOnlyItsRow()
    {
        var json = """
            [
              {"charge_id": "F1", "fee_code": "X", "amount": 1e30, "charged_at": "2025-10-08"},
              {"charge_id": "F2", "fee_code": "X", "amount": 80, "charged_at": "2025-10-08"},
              {"charge_id": "F3", "fee_code": "X", "amount": -1E400, "charged_at": "2025-10-08"},
              {"charge_id": "F4", "fee_code": "X", "amount": NaN, "charged_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("charges", json, "charges.json");

        data.Charges.Select(c => (c.ChargeId, c.Amount)).Should().Equal(("F2", 80m));
        data.Rejects.Select(r => (r.Line, r.Column, r.Reason)).Should().Equal(
            (2, "amount", RejectReason.BadNumber),
            (4, "amount", RejectReason.BadNumber),
            (5, "amount", RejectReason.BadNumber));
        data.Rejects.Select(r => r.Value).Should().Equal("1000000000000000000000000000000", "-1E400", "NaN");
    }

    [Fact]
    public void Read_NumberWithMoreDigitsThanADecimalHolds_IsNotRoundedIntoAnAmount()
    {
        var json = """
            [
              {"charge_id": "F1", "fee_code": "X", "amount": 0.000000000000000000000000000001, "charged_at": "2025-10-08"},
              {"charge_id": "F2", "fee_code": "X", "amount": 80.0000000000000000000000000001, "charged_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("charges", json, "charges.json");

        data.Charges.Should().BeEmpty();
        data.Rejects.Select(Some.Shape).Should().Equal(
            (2, "amount", "0.000000000000000000000000000001", RejectReason.BadNumber),
            (3, "amount", "80.0000000000000000000000000001", RejectReason.BadNumber));
    }

    [Fact]
    public void Read_NumbersWithLeadingZerosOrInHex_ReadAsWrittenLikeCsv()
    {
        // Not JSON, but read leniently: as the digits written (as a CSV 010 is 10), never as octal or hex.
        var json = """
            [
              {"case_id": "C1", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08", "statutory_limit": 010},
              {"case_id": "C2", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08", "statutory_limit": 0x1A}
            ]
            """;

        var data = Some.Read("cases", json, "cases.json");

        data.Cases.Select(c => (c.CaseId, c.StatutoryLimit)).Should().Equal(("C1", 10));
        data.Rejects.Select(Some.Shape).Should().Equal((3, "statutory_limit", "0x1A", RejectReason.BadNumber));
    }

    [Fact]
    public void Read_ExponentNotation_IsReadExactly()
    {
        // What Java and JavaScript serializers write for large or small doubles.
        var json = """
            [
              {"charge_id": "F1", "fee_code": "X", "amount": 1.2345678E7, "charged_at": "2025-10-08"},
              {"charge_id": "F2", "fee_code": "X", "amount": 1.5e-1, "charged_at": "2025-10-08"},
              {"charge_id": "F3", "fee_code": "X", "amount": 1e-3, "charged_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("charges", json, "charges.json");

        data.Charges.Select(c => c.Amount).Should().Equal(12345678m, 0.15m);
        data.Rejects.Select(Some.Shape).Should().Equal((4, "amount", "0.001", RejectReason.BadNumber));
    }

    [Fact]
    public void Read_KeyMissingFromOneObject_IsEmptyForThatRow()
    {
        var json = """
            [
              {"case_id": "C1", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08"},
              {"case_id": "C2", "item_code": "I1", "unit_code": "U1"},
              {"case_id": "C3", "item_code": null, "unit_code": "U1", "accepted_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("cases", json, "cases.json");

        data.Rejects.Select(Some.Shape).Should().Equal(
            (3, "accepted_at", "", RejectReason.MissingRequired),
            (4, "item_code", "", RejectReason.MissingRequired));
    }

    [Fact]
    public void Read_NestedValueOrNonObjectElement_IsBadRow()
    {
        var json = """
            [
              {"case_id": "C1", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08", "applicant": {"name": "x"}},
              "C2",
              {"case_id": "C3", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("cases", json, "cases.json");

        data.Rejects.Select(r => (r.Line, r.Reason)).Should().Equal((2, RejectReason.BadRow), (3, RejectReason.BadRow));
        data.Rejects[0].Message.Should().Contain("applicant");
        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(("C3", 4));
    }

    [Fact]
    public void Read_ElementsThatAreNotObjects_RejectedWithTheValueAsWritten()
    {
        var json = """
            [
              null,
              true,
              false,
              "C2",
              5.50,
              [1, 2]
            ]
            """;

        var data = Some.Read("cases", json, "cases.json");

        data.Rejects.Select(r => (r.Line, r.Value, r.Reason)).Should().Equal(
            (2, "null", RejectReason.BadRow),
            (3, "true", RejectReason.BadRow),
            (4, "false", RejectReason.BadRow),
            (5, "C2", RejectReason.BadRow),
            (6, "5.50", RejectReason.BadRow),
            (7, "", RejectReason.BadRow));
    }

    [Fact]
    public void Read_NoObjectHasARequiredKey_RejectsWholeFile()
    {
        var json = """[{"case_id": "C1", "item_code": "I1", "unit_code": "U1"}]""";

        var data = Some.Read("cases", json, "cases.json");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.File, reject.Line, reject.Reason).Should().Be(("cases.json", 0, RejectReason.MissingColumn));
        reject.Message.Should().Contain("受理时间(accepted_at)").And.Contain("case_id、item_code、unit_code");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[\n]\n")]
    public void Read_EmptyArray_ReadsNoRowsLikeAHeaderOnlyCsv(string json)
    {
        var data = Some.Read("charges", json, "charges.json");

        data.Rejects.Should().BeEmpty();
        data.Stats["charges"].Should().BeEquivalentTo(new FeedStats());
        data.Files.Should().ContainSingle(f => f.Name == "charges.json");
    }

    [Theory]
    [InlineData("""{"case_id": "C1"}""")]
    [InlineData("""[{"case_id": "C1", "item_code": "I1",""")]
    [InlineData("""[{"case_id": "C1"}] x""")]
    [InlineData("")]
    public void Read_NotAJsonArray_RejectsWholeFile(string json)
    {
        var data = Some.Read("cases", json, "cases.json");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason).Should().Be((0, RejectReason.BadFile));
        reject.Message.Should().Contain("cases.json");
        data.Cases.Should().BeEmpty();
    }

    [Fact]
    public void Read_ChineseKeysAndDateLikeStrings_AreTakenAsWritten()
    {
        var json = """[{"办件编号": "C1", "事项编码": "I1", "受理单位编码": "U1", "受理时间": "2025-10-30T14:05:09+08:00"}]""";

        var data = Some.Read("cases", json, "cases.json");

        // Not turned into a DateTime and back: the zone suffix is not a feeds.md form.
        data.Rejects.Select(Some.Shape).Should().Equal((1, "受理时间", "2025-10-30T14:05:09+08:00", RejectReason.BadDate));
    }
}
