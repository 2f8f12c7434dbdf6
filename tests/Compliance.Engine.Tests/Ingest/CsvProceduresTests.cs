using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

public class CsvProceduresTests
{
    private static readonly string Cases = Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1"), Some.CaseRow(id: "C2"));

    [Theory]
    [InlineData("1", ProcedureKind.Extension)]
    [InlineData("延长审批", ProcedureKind.Extension)]
    [InlineData("Extension", ProcedureKind.Extension)]
    [InlineData("2", ProcedureKind.Suspension)]
    [InlineData("暂停计时", ProcedureKind.Suspension)]
    [InlineData("SUSPENSION", ProcedureKind.Suspension)]
    [InlineData("听证", ProcedureKind.Suspension)]
    [InlineData("招标", ProcedureKind.Suspension)]
    [InlineData("拍卖", ProcedureKind.Suspension)]
    [InlineData("检验", ProcedureKind.Suspension)]
    [InlineData("检测", ProcedureKind.Suspension)]
    [InlineData("检疫", ProcedureKind.Suspension)]
    [InlineData("鉴定", ProcedureKind.Suspension)]
    [InlineData("专家评审", ProcedureKind.Suspension)]
    [InlineData("补正", ProcedureKind.Suspension)]
    public void Read_Kind_MapsAndKeepsLabel(string kind, ProcedureKind expected)
    {
        var data = Some.ReadAfterCases(Cases, "procedures", Some.Csv(Some.ProceduresHeader, Some.ProcedureRow(kind: kind)));

        var p = data.Procedures.Should().ContainSingle().Subject;
        p.Kind.Should().Be(expected);
        p.KindLabel.Should().Be(kind);
    }

    [Fact]
    public void Read_ProceduresOfTwoCases_EachKnowsWhereItsCaseIs()
    {
        var data = Some.ReadAfterCases(Cases, "procedures", Some.Csv(
            Some.ProceduresHeader,
            Some.ProcedureRow(caseId: "C2"),
            Some.ProcedureRow(caseId: "C2", kind: "2"),
            Some.ProcedureRow(caseId: "C1"),
            Some.ProcedureRow(caseId: "C1", kind: "2"),
            Some.ProcedureRow(caseId: "C2", kind: "2")));

        data.Procedures.Select(p => p.Case.Index).Should().Equal(1, 1, 0, 0, 1);
        data.Procedures.Should().OnlyContain(p => ReferenceEquals(p.CaseId, data.Cases[p.Case.Index].CaseId));
    }

    [Fact]
    public void Read_ExtensionWithoutDays_DefaultsToTen()
    {
        var data = Some.ReadAfterCases(Cases, "procedures", Some.Csv(
            Some.ProceduresHeader,
            Some.ProcedureRow(kind: "1"),
            Some.ProcedureRow(kind: "1", days: "15"),
            Some.ProcedureRow(kind: "专家评审", start: "2025-10-10", end: "2025-10-20")));

        data.Rejects.Should().BeEmpty();
        data.Procedures.Select(p => p.ExtensionDays).Should().Equal(10, 15, 0);
        data.Procedures[2].Should().Be(new ProcedureRecord
        {
            CaseId = "C1",
            Kind = ProcedureKind.Suspension,
            KindLabel = "专家评审",
            Start = new DateOnly(2025, 10, 10),
            End = new DateOnly(2025, 10, 20),
            ExtensionDays = 0,
            Line = 4,
        });
    }

    [Fact]
    public void Read_EachRejectReason_OneRejectAtItsLine()
    {
        var data = Some.ReadAfterCases(Cases, "procedures", Some.Csv(
            Some.ProceduresHeader,
            Some.ProcedureRow(caseId: "C9"),
            Some.ProcedureRow(caseId: ""),
            Some.ProcedureRow(kind: "3"),
            Some.ProcedureRow(kind: ""),
            Some.ProcedureRow(start: "2025-10-32"),
            Some.ProcedureRow(start: "2025-10-10", end: "2025-10-09"),
            Some.ProcedureRow(days: "ten"),
            Some.ProcedureRow(caseId: "C2", kind: "补正")));

        data.Rejects.Select(Some.Shape).Should().Equal(
            (2, "办件编号", "C9", RejectReason.UnknownValue),
            (3, "办件编号", "", RejectReason.MissingRequired),
            (4, "特别程序种类", "3", RejectReason.UnknownValue),
            (5, "特别程序种类", "", RejectReason.MissingRequired),
            (6, "开始时间", "2025-10-32", RejectReason.BadDate),
            (7, "结束时间", "2025-10-09", RejectReason.EndBeforeStart),
            (8, "延长天数", "ten", RejectReason.BadNumber));
        data.Procedures.Should().ContainSingle().Which.Line.Should().Be(9);
    }

    [Fact]
    public void Read_CaseThatWasRejected_IsUnknownToProcedures()
    {
        var cases = Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1"), Some.CaseRow(id: "C2", accepted: "bad"));

        var data = Some.ReadAfterCases(cases, "procedures", Some.Csv(Some.ProceduresHeader, Some.ProcedureRow(caseId: "C1"), Some.ProcedureRow(caseId: "C2")));

        data.Rejects.Select(r => (r.Feed, r.Line, r.Reason)).Should().Equal(
            ("cases", 3, RejectReason.BadDate),
            ("procedures", 3, RejectReason.UnknownValue));
        data.Rejects[1].Message.Should().Contain("C2");
    }

    [Fact]
    public void Read_ProceduresWithoutAnyCases_AreAllUnknown()
    {
        var data = Some.Read("procedures", Some.Csv(Some.ProceduresHeader, Some.ProcedureRow(), Some.ProcedureRow()));

        data.Rejects.Should().HaveCount(2).And.OnlyContain(r => r.Reason == RejectReason.UnknownValue && r.Column == "办件编号");
        data.Stats["procedures"].Should().BeEquivalentTo(new FeedStats { Read = 2, Rejected = 2 });
    }

    [Fact]
    public void Read_SameProcedureTwice_KeepsBothBecauseProceduresHaveNoKey()
    {
        var data = Some.ReadAfterCases(Cases, "procedures", Some.Csv(Some.ProceduresHeader, Some.ProcedureRow(), Some.ProcedureRow()));

        data.Procedures.Should().HaveCount(2);
        data.Stats["procedures"].Duplicate.Should().Be(0);
    }
}
