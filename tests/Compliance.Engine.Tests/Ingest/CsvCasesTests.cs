using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class CsvCasesTests
{
    [Fact]
    public void Read_ValidRow_BuildsCaseRecord()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理单位,申请人,申请人类型,受理时间,办结时间,法定时限,承诺时限,办件状态",
            "XK-1,I01,某许可,U01,某局,张三,个人,2025-09-26 09:30,2025/10/30 16:00:00,20,10,办结"));

        data.Rejects.Should().BeEmpty();
        data.Cases.Should().Equal(new CaseRecord
        {
            CaseId = "XK-1",
            ItemCode = "I01",
            ItemName = "某许可",
            UnitCode = "U01",
            UnitName = "某局",
            Applicant = "张三",
            ApplicantType = "个人",
            AcceptedOn = new DateOnly(2025, 9, 26),
            DecidedOn = new DateOnly(2025, 10, 30),
            StatutoryLimit = 20,
            PromisedLimit = 10,
            Status = CaseStatus.Decided,
            Line = 2,
        });
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 1, Accepted = 1 });
    }

    [Fact]
    public void Read_EachRejectReason_OneRejectAtItsLine()
    {
        var data = Some.Read("cases", Some.Csv(
            Some.CasesHeader,
            Some.CaseRow(id: "C1"),
            Some.CaseRow(id: ""),
            Some.CaseRow(id: "C3", accepted: "2025-13-01"),
            Some.CaseRow(id: "C4", limit: "abc"),
            Some.CaseRow(id: "C5", status: "挂起"),
            Some.CaseRow(id: "C6", accepted: "2025-10-08", decided: "2025-10-07"),
            Some.CaseRow(id: "C1", accepted: "2025-10-09"),
            "C7,I1,U1,2025-10-08",
            Some.CaseRow(id: "C8", limit: "-5")));

        data.Rejects.Select(Some.Shape).Should().Equal(
            (3, "办件编号", "", RejectReason.MissingRequired),
            (4, "受理时间", "2025-13-01", RejectReason.BadDate),
            (5, "法定时限", "abc", RejectReason.BadNumber),
            (6, "办件状态", "挂起", RejectReason.UnknownValue),
            (7, "办结时间", "2025-10-07", RejectReason.EndBeforeStart),
            (8, "办件编号", "C1", RejectReason.DuplicateKey),
            (9, "", "C7,I1,U1,2025-10-08", RejectReason.BadRow),
            (10, "法定时限", "-5", RejectReason.BadNumber));
        data.Rejects.Should().OnlyContain(r => r.Feed == "cases" && r.File == "cases.csv" && r.Message.Length > 0);
        data.Cases.Select(c => c.CaseId).Should().Equal("C1");
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 9, Accepted = 1, Rejected = 8 });
    }

    [Fact]
    public void Read_RowWithSeveralProblems_ReportsTheFirstInColumnOrder()
    {
        // Column order of the file differs from the feed's; the feed's order decides.
        var data = Some.Read("cases", Some.Csv(
            "办件状态,受理时间,办件编号,事项编码,受理单位编码",
            "bogus,not-a-date,C1,,U1"));

        data.Rejects.Select(Some.Shape).Should().Equal((2, "事项编码", "", RejectReason.MissingRequired));
    }

    [Fact]
    public void Read_DuplicateKey_MessageNamesTheEarlierRow()
    {
        var data = Some.Read("cases", Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1"), Some.CaseRow(id: "C1", unit: "U2")));

        data.Rejects.Should().ContainSingle().Which.Message.Should().Contain("C1").And.Contain("cases.csv 第 2 行");
        data.Cases.Should().ContainSingle().Which.UnitCode.Should().Be("U1");
    }

    [Fact]
    public void Read_IdenticalDuplicate_CountedOnceNotRejected()
    {
        var data = Some.Read("cases", Some.Csv(
            Some.CasesHeader,
            Some.CaseRow(id: "C1"),
            Some.CaseRow(id: "C1"),
            // Same date written another way, and padded: the same content.
            Some.CaseRow(id: " C1 ", accepted: "2025/10/08 10:00")));

        data.Rejects.Should().BeEmpty();
        data.Cases.Should().ContainSingle().Which.Line.Should().Be(2);
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 3, Accepted = 1, Duplicate = 2 });
    }

    [Fact]
    public void Read_RowAfterMultiLineQuotedField_HasItsPhysicalLine()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理时间",
            "C1,I1,\"第一行",
            "第二行,含逗号",
            "第三行\",U1,2025-10-08",
            "C2,I1,x,U1,2025-02-30"));

        data.Cases.Should().ContainSingle().Which.Should().Match<CaseRecord>(c =>
            c.ItemName == "第一行\n第二行,含逗号\n第三行" && c.Line == 2);
        data.Rejects.Select(Some.Shape).Should().Equal((5, "受理时间", "2025-02-30", RejectReason.BadDate));
    }

    [Fact]
    public void Read_BlankLinesAndCrLf_AreSkippedButCounted()
    {
        var text = string.Join("\r\n",
            "",
            "办件编号,事项编码,受理单位编码,受理时间,事项名称",
            "C1,I1,U1,2025-10-08,\"a\r\nb\"",
            "",
            "   ",
            ",,,,",
            "C2,I1,U1,bad,x",
            "\u3000",
            "C3,I1,U1,2025-10-08,x") + "\r\n\r\n";

        var data = Some.Read("cases", text);

        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(("C1", 3), ("C3", 10));
        data.Cases[0].ItemName.Should().Be("a\r\nb");
        data.Rejects.Select(Some.Shape).Should().Equal((8, "受理时间", "bad", RejectReason.BadDate));
        data.Stats["cases"].Read.Should().Be(3);
    }

    [Fact]
    public void Read_QuotedFields_AreUnescapedAndTrimmed()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理时间,申请人",
            "\"C1\", I1 ,\"名称，含\"\"引号\"\"\" , \"U1\",\" 2025-10-08 \",\u3000"));

        data.Rejects.Should().BeEmpty();
        var c = data.Cases.Should().ContainSingle().Subject;
        c.CaseId.Should().Be("C1");
        c.ItemCode.Should().Be("I1");
        c.ItemName.Should().Be("名称，含\"引号\"");
        c.UnitCode.Should().Be("U1");
        c.Applicant.Should().BeNull();
    }

    [Fact]
    public void Read_StrayQuoteInUnquotedField_RejectsOnlyThatLine()
    {
        // Sep reads on from the stray quote to the next one; the lines it swallowed are read again.
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理时间",
            "C1,I1,名\"称,U1,2025-10-08",
            "C2,I1,x,U1,2025-10-08",
            "C3,I1,x,U1,bad",
            "C4,I1,x,U1,2025-10-08"));

        data.Rejects.Select(Some.Shape).Should().Equal(
            (2, "", "C1,I1,名\"称,U1,2025-10-08", RejectReason.BadRow),
            (4, "受理时间", "bad", RejectReason.BadDate));
        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(("C2", 3), ("C4", 5));
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 4, Accepted = 2, Rejected = 2 });
    }

    [Fact]
    public void Read_UnterminatedQuote_RejectsItsLineAndReadsTheRest()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理时间",
            "C1,I1,\"未闭合,U1,2025-10-08",
            "C2,I1,x,U1,2025-10-08",
            "",
            "C3,I1,x,U1,2025-10-08"));

        data.Rejects.Select(Some.Shape).Should().Equal((2, "", "C1,I1,\"未闭合,U1,2025-10-08", RejectReason.BadRow));
        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(("C2", 3), ("C3", 5));
    }

    [Fact]
    public void Read_UnterminatedQuoteBeforeAQuotedLineBreak_RejectsOnlyItsLine()
    {
        // The stray quote pairs with the next row's opening quote; reading starts again on the line after it, so
        // that row is read as written.
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理时间",
            "C1,I1,\"未闭合,U1,2025-10-08",
            "C2,I1,x,U1,2025-10-08",
            "C3,I1,\"多",
            "行\",U1,2025-10-08",
            "C4,I1,x,U1,2025-10-08"));

        data.Rejects.Select(r => (r.Line, r.Reason)).Should().Equal((2, RejectReason.BadRow));
        data.Cases.Select(c => (c.CaseId, c.Line, c.ItemName)).Should().Equal(("C2", 3, "x"), ("C3", 4, "多\n行"), ("C4", 6, "x"));
    }

    [Fact]
    public void Read_StrayQuoteBeforeQuotedLineBreaks_EveryLaterMultiLineRowIsRead()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理时间",
            "C1,I1,5\"屏,U1,2025-10-08",
            "C2,I1,x,U1,2025-10-08",
            "C3,I1,\"李四",
            "王五\",U1,2025-10-08",
            "C4,I1,\"又\r\n一行\",U1,2025-10-08",
            "C5,I1,\"x,y\",U1,2025-10-08"));

        data.Rejects.Select(Some.Shape).Should().Equal((2, "", "C1,I1,5\"屏,U1,2025-10-08", RejectReason.BadRow));
        data.Cases.Select(c => (c.CaseId, c.Line, c.ItemName)).Should().Equal(
            ("C2", 3, "x"), ("C3", 4, "李四\n王五"), ("C4", 6, "又\r\n一行"), ("C5", 8, "x,y"));
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 5, Accepted = 4, Rejected = 1 });
    }

    [Fact]
    public void Read_StrayQuoteDeepInACrLfFile_RowsAfterItKeepTheirLinesAndValues()
    {
        // Far enough in that the line to read again lies several read buffers past the start.
        var rows = Enumerable.Range(1, 5000).Select(i => $"A{i},I1,一个较长的事项名称{i},U1,2025-10-08").ToList();
        rows.Add("B1,I1,5\"屏,U1,2025-10-08");
        rows.Add("B2,I1,\"李四\r\n王五\",U1,2025-10-08");
        rows.Add("B3,I1,x,U1,2025-10-08");
        var text = string.Join("\r\n", ["办件编号,事项编码,事项名称,受理单位编码,受理时间", .. rows]) + "\r\n";

        var data = Some.Read("cases", text);

        data.Rejects.Select(r => (r.Line, r.Reason)).Should().Equal((5002, RejectReason.BadRow));
        data.Cases.Should().HaveCount(5002);
        data.Cases.Skip(5000).Select(c => (c.CaseId, c.Line, c.ItemName)).Should().Equal(
            ("B2", 5003, "李四\r\n王五"), ("B3", 5005, "x"));
    }

    [Fact]
    public void Read_StrayQuotesOnSuccessiveLines_EachLineRejectedOnce()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理时间",
            "C1,I1,5\"屏,U1,2025-10-08",
            "C2,I1,7\"屏,U1,2025-10-08",
            "C3,I1,x,U1,2025-10-08",
            "C4,I1,9\"屏,U1,2025-10-08",
            "C5,I1,x,U1,2025-10-08"));

        data.Rejects.Select(r => (r.Line, r.Reason)).Should().Equal(
            (2, RejectReason.BadRow), (3, RejectReason.BadRow), (5, RejectReason.BadRow));
        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(("C3", 4), ("C5", 6));
    }

    [Fact]
    public void Read_CrOnlyLineEndings_CountsEachAsALine()
    {
        var data = Some.Read("cases", "办件编号,事项编码,受理单位编码,受理时间\rC1,I1,U1,2025-10-08\r\rC2,I1,U1,bad\r");

        data.Cases.Should().ContainSingle().Which.Line.Should().Be(2);
        data.Rejects.Select(Some.Shape).Should().Equal((4, "受理时间", "bad", RejectReason.BadDate));
    }

    [Fact]
    public void Read_TextAfterClosingQuote_IsBadRow()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理时间",
            "C1,I1,\"名称\"后缀,U1,2025-10-08",
            "C2,I1,x,U1,2025-10-08"));

        data.Rejects.Select(Some.Shape).Should().Equal((2, "", "C1,I1,\"名称\"后缀,U1,2025-10-08", RejectReason.BadRow));
        data.Cases.Select(c => c.CaseId).Should().Equal("C2");
    }

    [Fact]
    public void Read_TooManyOrTooFewFields_IsBadRow()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,受理单位编码,受理时间",
            "C1,I1,U1,2025-10-08,extra",
            "C2,I1,U1",
            "C3,I1,U1,2025-10-08"));

        data.Rejects.Select(r => (r.Line, r.Reason)).Should().Equal((2, RejectReason.BadRow), (3, RejectReason.BadRow));
        data.Rejects[0].Message.Should().Contain("5").And.Contain("4");
        data.Cases.Select(c => c.CaseId).Should().Equal("C3");
    }

    [Theory]
    [InlineData("", "", CaseStatus.Open)]
    [InlineData("", "2025-10-20", CaseStatus.Decided)]
    [InlineData("在办", "", CaseStatus.Open)]
    [InlineData("OPEN", "", CaseStatus.Open)]
    [InlineData("办结", "2025-10-20", CaseStatus.Decided)]
    [InlineData("decided", "2025-10-20", CaseStatus.Decided)]
    [InlineData("作废", "", CaseStatus.Void)]
    [InlineData("Void", "", CaseStatus.Void)]
    [InlineData("退回", "", CaseStatus.Returned)]
    [InlineData("returned", "2025-10-20", CaseStatus.Returned)]
    public void Read_Status_MapsOrDerivesFromDecidedAt(string status, string decided, CaseStatus expected)
    {
        var data = Some.Read("cases", Some.Csv(Some.CasesHeader, Some.CaseRow(decided: decided, status: status)));

        data.Cases.Should().ContainSingle().Which.Status.Should().Be(expected);
    }

    [Fact]
    public void Read_DecidedSameDayAsAccepted_IsAccepted()
    {
        var data = Some.Read("cases", Some.Csv(Some.CasesHeader, Some.CaseRow(accepted: "2025-10-08 09:00", decided: "2025-10-08 08:00")));

        data.Rejects.Should().BeEmpty();
        data.Cases.Should().ContainSingle().Which.DecidedOn.Should().Be(new DateOnly(2025, 10, 8));
    }

    [Fact]
    public void Read_RepeatedCodes_ShareOneStringInstance()
    {
        var data = Some.Read("cases", Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1", unit: "U01"), Some.CaseRow(id: "C2", unit: "U01")));

        data.Cases[1].UnitCode.Should().BeSameAs(data.Cases[0].UnitCode);
    }
    [Fact]
    public void Read_ThousandsOfRowsWithBlankLinesBreaksAndBadRows_EveryLineAndCountExact()
    {
        // Enough rows for many batches of the read-ahead: blank lines, quoted line breaks, short rows and bad dates
        // spread through them, each with its physical line worked out here.
        var lines = new List<string> { "办件编号,事项编码,受理单位编码,受理时间,申请人" };
        var accepted = new List<(string Id, int Line)>();
        var rejects = new List<(int Line, string Reason)>();
        for (var i = 0; i < 6000; i++)
        {
            if (i % 250 == 0)
            {
                lines.Add("");
            }
            var line = lines.Count + 1;
            if (i % 333 == 0)
            {
                lines.Add($"C{i},I1,U1,2025-10-08,\"第一行");
                lines.Add("第二行\"");
                accepted.Add(($"C{i}", line));
            }
            else if (i % 777 == 0)
            {
                lines.Add($"C{i},I1,U1,2025-02-30,A");
                rejects.Add((line, RejectReason.BadDate));
            }
            else if (i % 1001 == 0)
            {
                lines.Add($"C{i},I1,U1");
                rejects.Add((line, RejectReason.BadRow));
            }
            else
            {
                lines.Add($"C{i},I1,U1,2025-10-08,A{i}");
                accepted.Add(($"C{i}", line));
            }
        }

        var data = Some.Read("cases", Some.Csv([.. lines]));

        data.Cases.Select(c => (c.CaseId, c.Line)).Should().Equal(accepted);
        data.Rejects.Select(r => (r.Line, r.Reason)).Should().Equal(rejects);
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 6000, Accepted = accepted.Count, Rejected = rejects.Count });
        data.Cases[333].Applicant.Should().Be("第一行\n第二行");
    }
    [Fact]
    public void Read_RowsWiderThanSixteenColumns_EachValueInItsColumn()
    {
        var extra = string.Join(",", Enumerable.Range(1, 14).Select(i => $"x{i}"));
        var data = Some.Read("cases", Some.Csv(
            $"{extra},办件编号,事项编码,受理单位编码,受理时间,申请人",
            $"{extra},C1,I1,U1,2025-10-08,张三",
            $"{extra},C2,I1,U1,2025-10-08,\"李,四\""));

        data.Rejects.Should().BeEmpty();
        data.Cases.Select(c => (c.CaseId, c.Applicant)).Should().Equal(("C1", "张三"), ("C2", "李,四"));
    }
}
