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
    public void Read_NumberBeyondDecimalRange_RejectsOnlyThatRowAtItsField()
    {
        var digits = new string('9', 400);
        var json = $$"""
            [
              {"charge_id": "F1", "fee_code": "X", "amount": 1e400, "charged_at": "2025-10-08"},
              {"charge_id": "F2", "fee_code": "X", "amount": {{digits}}, "charged_at": "2025-10-08"},
              {"charge_id": "F3", "fee_code": "X", "amount": 12.5, "charged_at": "2025-10-08", "note": -1E+400},
              {"charge_id": {{digits}}, "fee_code": "X", "amount": 1, "charged_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("charges", json, "charges.json");

        data.Rejects.Select(Some.Shape).Should().Equal(
            (2, "amount", "1e400", RejectReason.BadNumber),
            (3, "amount", digits, RejectReason.BadNumber));
        data.Rejects[0].Message.Should().Contain("1e400");
        // A text field takes the digits as written; a key no field reads is ignored, whatever its value.
        data.Charges.Select(c => (c.ChargeId, c.Amount)).Should().Equal(("F3", 12.5m), (digits, 1m));
        data.Stats["charges"].Should().BeEquivalentTo(new FeedStats { Read = 4, Accepted = 2, Rejected = 2 });
    }

    [Fact]
    public void Read_NaNOrInfinity_RejectsOnlyThatRowAtItsField()
    {
        // Not JSON, but Newtonsoft reads these literals as numbers: like a number out of range, each costs its row only.
        var json = """
            [
              {"charge_id": "F1", "fee_code": "X", "amount": NaN, "charged_at": "2025-10-08"},
              {"charge_id": "F2", "fee_code": "X", "amount": Infinity, "charged_at": "2025-10-08"},
              {"charge_id": "F3", "fee_code": "X", "amount": -Infinity, "charged_at": "2025-10-08"},
              {"charge_id": "F4", "fee_code": "X", "amount": 12.5, "charged_at": "2025-10-08", "note": NaN},
              {"charge_id": "F5", "fee_code": "X", "amount": 1, "charged_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("charges", json, "charges.json");

        data.Rejects.Select(Some.Shape).Should().Equal(
            (2, "amount", "NaN", RejectReason.BadNumber),
            (3, "amount", "Infinity", RejectReason.BadNumber),
            (4, "amount", "-Infinity", RejectReason.BadNumber));
        data.Charges.Select(c => (c.ChargeId, c.Amount)).Should().Equal(("F4", 12.5m), ("F5", 1m));
        data.Stats["charges"].Should().BeEquivalentTo(new FeedStats { Read = 5, Accepted = 2, Rejected = 3 });
    }

    [Fact]
    public void Read_NaNOrInfinityAsElementOrInNestedValue_RejectsOnlyThatRow()
    {
        var json = """
            [
              NaN, -Infinity,
              {"case_id": "C1", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08", "applicant": [NaN, {"x": Infinity}]},
              {"case_id": "C2", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08", "statutory_limit": Infinity},
              {"case_id": "C3", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("cases", json, "cases.json");

        data.Rejects.Select(Some.Shape).Should().Equal(
            (2, "", "NaN", RejectReason.BadRow),
            (2, "", "-Infinity", RejectReason.BadRow),
            (3, "", "", RejectReason.BadRow),
            (4, "statutory_limit", "Infinity", RejectReason.BadNumber));
        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(("C3", 5));
    }

    [Theory]
    [InlineData("[NaNx]", 1, 4)]
    [InlineData("[Nan]", 1, 3)]
    [InlineData("[-Inf]", 1, 6)]
    [InlineData("[NaN 5]", 1, 5)]
    public void Read_BrokenNaNOrInfinity_RejectsWholeFile(string json, int line, int column)
    {
        var data = Some.Read("cases", json, "cases.json");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Reason, reject.WholeFile).Should().Be((RejectReason.BadFile, true));
        reject.Message.Should().Contain($"第 {line} 行第 {column} 列");
    }

    [Fact]
    public void Read_NumberBeyondRangeInDayCountOrNestedValue_RejectsOnlyThatRow()
    {
        var json = """
            [
              {"case_id": "C1", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08", "statutory_limit": 1e999999},
              {"case_id": "C2", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08", "applicant": [1e400, {"x": 2e400}]},
              1e400,
              {"case_id": "C3", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("cases", json, "cases.json");

        data.Rejects.Select(Some.Shape).Should().Equal(
            (2, "statutory_limit", "1e999999", RejectReason.BadNumber),
            (3, "", "", RejectReason.BadRow),
            (4, "", "1e400", RejectReason.BadRow));
        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(("C3", 5));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Read_NumberBeyondRangeAfterLineBreaksInAndBetweenValues_TakesItsText(string newline)
    {
        var json = string.Join(newline,
            "[",
            """  {"charge_id": "F1", "fee_code": "X", "fee_name": "two""" + newline + """lines", "amount": 1, "charged_at": "2025-10-08"},""",
            """  /* a comment""" + newline + """  over lines */ {"charge_id": "F2", "fee_code": "X", "amount":""",
            """    -12e400, "charged_at": "2025-10-08"},""",
            """  {"charge_id": "F3", "fee_code": "X", "amount": 2, "charged_at": "2025-10-08"}""",
            "]");

        var data = Some.Read("charges", json, "charges.json");

        data.Rejects.Select(Some.Shape).Should().Equal((5, "amount", "-12e400", RejectReason.BadNumber));
        data.Charges.Select(c => (c.ChargeId, c.Line)).Should().Equal(("F1", 2), ("F3", 7));
    }

    [Fact]
    public void Read_NumbersBeyondRangeOneAfterAnother_EachTakenAsWritten()
    {
        var json = """
            [
              1e400, 2E400,
              {"case_id": "C1", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08", "x": 1e400}
            ]
            """;

        var data = Some.Read("cases", json, "cases.json");

        data.Rejects.Select(Some.Shape).Should().Equal(
            (2, "", "1e400", RejectReason.BadRow),
            (2, "", "2E400", RejectReason.BadRow));
        data.Cases.Select(c => c.CaseId).Should().Equal("C1");
    }

    [Theory]
    [InlineData("[1e400 5]", 1, 7)]
    [InlineData("[1e400, 5g]", 1, 9)]
    [InlineData("[undefined 5]", 1, 11)]
    public void Read_SyntaxErrorRightAfterANumberBeyondRange_RejectsWholeFile(string json, int line, int column)
    {
        var data = Some.Read("cases", json, "cases.json");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Reason, reject.WholeFile).Should().Be((RejectReason.BadFile, true));
        reject.Message.Should().Contain($"第 {line} 行第 {column} 列");
    }

    [Theory]
    [InlineData("1.2.3", 2, 54)]
    [InlineData("-", 2, 50)]
    [InlineData("1e", 2, 51)]
    [InlineData("0x", 2, 51)]
    public void Read_MalformedNumber_RejectsWholeFileAtItsLineAndColumn(string number, int line, int column)
    {
        var json = $$"""
            [
              {"charge_id": "F1", "fee_code": "X", "amount": {{number}}, "charged_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("charges", json, "charges.json");

        // Not a number out of range but no JSON number at all: the file's syntax is broken there.
        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason, reject.WholeFile).Should().Be((0, RejectReason.BadFile, true));
        reject.Message.Should().Contain($"第 {line} 行第 {column} 列");
        data.Charges.Should().BeEmpty();
    }

    [Fact]
    public void Read_NumberJustBeyondDecimalRange_RejectsOnlyItsRowWithTheTextAsWritten()
    {
        var json = """
            [
              {"charge_id": "F1", "fee_code": "X", "amount": 1e30, "charged_at": "2025-10-08"},
              {"charge_id": "F2", "fee_code": "X", "amount": 80, "charged_at": "2025-10-08"},
              {"charge_id": "F3", "fee_code": "X", "amount": -1E400, "charged_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("charges", json, "charges.json");

        data.Charges.Select(c => (c.ChargeId, c.Amount)).Should().Equal(("F2", 80m));
        data.Rejects.Select(Some.Shape).Should().Equal(
            (2, "amount", "1e30", RejectReason.BadNumber),
            (4, "amount", "-1E400", RejectReason.BadNumber));
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
    public void Read_NonObjectElements_RejectValueIsTheElementsJsonText()
    {
        var json = """
            [
              {"case_id": "C1", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08"},
              [1, [2, {"a": "]"}],
               4],
              "C\"2", true, null, 12.50, 2E3, new Date(1, 2),
              {"case_id": "C3", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08"}
            ]
            """;

        var data = Some.Read("cases", json, "cases.json");

        data.Rejects.Select(Some.Shape).Should().Equal(
            (3, "", "[1, [2, {\"a\": \"]\"}],\n   4]", RejectReason.BadRow),
            (5, "", "\"C\\\"2\"", RejectReason.BadRow),
            (5, "", "true", RejectReason.BadRow),
            (5, "", "null", RejectReason.BadRow),
            (5, "", "12.50", RejectReason.BadRow),
            (5, "", "2E3", RejectReason.BadRow),
            (5, "", "new Date(1, 2)", RejectReason.BadRow));
        data.Rejects.Should().OnlyContain(r => r.Message == "数组元素不是对象");
        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(("C1", 2), ("C3", 6));
    }

    [Fact]
    public void Read_NestedArrayHoldingManyRows_ValueCutShortAndLaterRowsRead()
    {
        var row = """{"case_id": "C0", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08"}""";
        var json = "[\n[" + string.Join(",\n", Enumerable.Repeat(row, 100)) + "],\n" + row.Replace("C0", "C9") + "\n]";

        var data = Some.Read("cases", json, "cases.json");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason).Should().Be((2, RejectReason.BadRow));
        reject.Value.Should().HaveLength(201).And.StartWith("[" + row).And.EndWith("…");
        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(("C9", 102));
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
