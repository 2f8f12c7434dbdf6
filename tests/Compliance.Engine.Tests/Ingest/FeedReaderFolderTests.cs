using Compliance.Engine.Ingest;
using MiniExcelLibs;

namespace Compliance.Engine.Tests.Ingest;

public class FeedReaderFolderTests
{
    private static readonly string SampleFolder = Path.Combine(AppContext.BaseDirectory, "Ingest", "Data", "sample");

    [Fact]
    public void ReadFolder_SampleExports_ReadsAllFourFeeds()
    {
        var data = FeedReader.ReadFolder(SampleFolder, Some.Stages());

        data.Cases.Select(c => (c.CaseId, c.Line, c.Status)).Should().Equal(
            ("XK-2025-0001", 2, CaseStatus.Open),
            ("XK-2025-0002", 3, CaseStatus.Decided),
            ("XK-2025-0003", 5, CaseStatus.Open));
        data.Cases[1].Applicant.Should().Be("张三，个体");
        data.Procedures.Select(p => (p.CaseId, p.Kind, p.ExtensionDays)).Should().Equal(
            ("XK-2025-0001", ProcedureKind.Extension, 10),
            ("XK-2025-0003", ProcedureKind.Suspension, 0));
        data.Charges.Select(c => (c.ChargeId, c.CaseId, c.Amount, c.ChargedOn)).Should().Equal(
            ("JK-001", "XK-2025-0002", 1234.50m, new DateOnly(2025, 10, 20)),
            ("JK-002", null, 80m, new DateOnly(2025, 10, 21)));
        data.Stages.Select(s => (s.Stage, s.Limit, s.LimitUnit)).Should().Equal(("立项", null, null), ("建设", 15, LimitUnit.Working));
        data.Rejects.Select(r => (r.Feed, r.File, r.Line, r.Column, r.Reason)).Should().Equal(
            ("cases", "cases.csv", 6, "受理时间", RejectReason.BadDate),
            ("procedures", "procedures.csv", 4, "办件编号", RejectReason.UnknownValue));
        data.Files.Select(f => (f.Feed, f.Name, f.Encoding)).Should().Equal(
            ("cases", "cases.csv", "utf-8"),
            ("procedures", "procedures.csv", "utf-8"),
            ("charges", "charges.csv", "utf-8"),
            ("stages", "stages.csv", "utf-8"));
        data.Files.Should().OnlyContain(f => f.Sha256.Length == 64);
        data.Stats.Keys.Should().Equal("cases", "charges", "procedures", "stages");
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 4, Accepted = 3, Rejected = 1 });
    }

    [Fact]
    public void ReadFolder_CatalogGivenLate_AskedOnceAndUsed()
    {
        var asked = 0;

        var data = FeedReader.ReadFolder(SampleFolder, () =>
        {
            asked++;
            return Some.Stages();
        });

        asked.Should().Be(1);
        data.Stages.Select(s => s.Stage).Should().Equal("立项", "建设");
        data.Charges.Should().HaveCount(2);
    }

    [Fact]
    public void ReadFolder_NoStagesFile_NeverAsksForTheCatalog()
    {
        using var folder = new TempFolder().With("cases.csv", "办件编号,事项编码,受理单位编码,受理时间\nXK-1,I1,U1,2025-10-08\n");

        var data = FeedReader.ReadFolder(folder.Path, () => throw new InvalidOperationException("not needed"));

        data.Cases.Should().ContainSingle();
    }

    [Fact]
    public void ReadFolder_CatalogFails_FailureThrownNotRejected()
    {
        var act = () => FeedReader.ReadFolder(SampleFolder, () => throw new InvalidOperationException("rule set broken"));

        act.Should().Throw<InvalidOperationException>().WithMessage("rule set broken");
    }

    [Fact]
    public void ReadFolder_EmptyFolder_ReadsNothingAndListsEveryFeed()
    {
        using var folder = new TempFolder();

        var data = FeedReader.ReadFolder(folder.Path, Some.Stages());

        data.Files.Should().BeEmpty();
        data.Rejects.Should().BeEmpty();
        data.Stats.Keys.Should().Equal("cases", "charges", "procedures", "stages");
    }

    [Fact]
    public void ReadFolder_MissingFolder_Throws()
    {
        var read = () => FeedReader.ReadFolder(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid()), Some.Stages());

        read.Should().Throw<DirectoryNotFoundException>().WithMessage("*no-such-folder-*");
    }

    [Fact]
    public void ReadFolder_OneFileMissingAColumn_OtherFeedsStillRun()
    {
        using var folder = new TempFolder()
            .With("cases.csv", Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1")))
            .With("charges.csv", Some.Csv("缴款单号,收费金额", "F1,10"))
            .With("stages.csv", Some.Csv(Some.StagesHeader, Some.StageRow()));

        var data = FeedReader.ReadFolder(folder.Path, Some.Stages());

        data.Cases.Should().ContainSingle();
        data.Stages.Should().ContainSingle();
        data.Charges.Should().BeEmpty();
        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Feed, reject.File, reject.Line, reject.Reason).Should().Be(("charges", "charges.csv", 0, RejectReason.MissingColumn));
        reject.Message.Should().Contain("收费项目编码(fee_code)").And.Contain("收费时间(charged_at)").And.Contain("缴款单号、收费金额");
    }

    [Fact]
    public void ReadFolder_SeveralFormsOfOneFeed_ReadsCsvJsonXlsxInOrderWithKeysUniqueAcrossThem()
    {
        var xlsx = new MemoryStream();
        xlsx.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["case_id"] = "C4", ["item_code"] = "I1", ["unit_code"] = "U1", ["accepted_at"] = "2025-10-08" },
            new Dictionary<string, object?> { ["case_id"] = "C2", ["item_code"] = "I1", ["unit_code"] = "U9", ["accepted_at"] = "2025-10-08" },
        });
        using var folder = new TempFolder()
            .With("cases.xlsx", xlsx.ToArray())
            .With("cases.json", """
                [{"case_id": "C2", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08"},
                 {"case_id": "C3", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025-10-08"},
                 {"case_id": "C1", "item_code": "I1", "unit_code": "U1", "accepted_at": "2025/10/08"}]
                """)
            .With("cases.csv", Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1")))
            .With("procedures.csv", Some.Csv(Some.ProceduresHeader, Some.ProcedureRow(caseId: "C4")));

        var data = FeedReader.ReadFolder(folder.Path, Some.Stages());

        data.Files.Select(f => f.Name).Should().Equal("cases.csv", "cases.json", "cases.xlsx", "procedures.csv");
        data.Cases.Select(c => c.CaseId).Should().Equal("C1", "C2", "C3", "C4");
        data.Rejects.Select(r => (r.File, r.Line, r.Reason)).Should().Equal(("cases.xlsx", 3, RejectReason.DuplicateKey));
        data.Rejects[0].Message.Should().Contain("cases.json 第 1 行");
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 6, Accepted = 4, Rejected = 1, Duplicate = 1 });
        data.Procedures.Should().ContainSingle().Which.CaseId.Should().Be("C4");
    }

    [Fact]
    public void ReadFolder_FileNamesInOtherCase_AreFound()
    {
        using var folder = new TempFolder().With("Cases.CSV", Some.Csv(Some.CasesHeader, Some.CaseRow()));

        var data = FeedReader.ReadFolder(folder.Path, Some.Stages());

        data.Files.Should().ContainSingle().Which.Name.Should().Be("Cases.CSV");
        data.Cases.Should().ContainSingle();
    }

    [Fact]
    public void ReadFolder_OtherFiles_AreIgnored()
    {
        using var folder = new TempFolder()
            .With("cases.txt", "x")
            .With("cases.csv.bak", "x")
            .With("items.json", "[]");

        var data = FeedReader.ReadFolder(folder.Path, Some.Stages());

        data.Files.Should().BeEmpty();
        data.Rejects.Should().BeEmpty();
    }

    [Fact]
    public void ReadFolder_DirectoryNamedLikeAFeed_RejectedWholeSayingItIsAFolder()
    {
        using var folder = new TempFolder().With("cases.csv", "办件编号,事项编码,受理单位编码,受理时间\nXK-1,I1,U1,2025-10-08\n");
        Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "charges.csv"));

        var data = FeedReader.ReadFolder(folder.Path, Some.Stages());

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Feed, reject.File, reject.Reason, reject.WholeFile).Should().Be(("charges", "charges.csv", RejectReason.BadFile, true));
        reject.Message.Should().Contain("是文件夹而不是文件");
        data.Stats["charges"].FilesRejected.Should().Be(1);
        data.Cases.Should().ContainSingle();
    }

    [Fact]
    public void InputBytes_FeedFilesLinkedFromElsewhere_TheLinkedFilesLengths()
    {
        using var exports = new TempFolder()
            .With("cases.csv", "办件编号,事项编码,受理单位编码,受理时间\nXK-1,I1,U1,2025-10-08\n")
            .With("charges.csv", new string('x', 5000));
        using var folder = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(folder.Path, "cases.csv"), Path.Combine(exports.Path, "cases.csv"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "charges.csv"), Path.Combine(exports.Path, "charges.csv"));

        FeedReader.InputBytes(folder.Path).Should().Be(FeedReader.InputBytes(exports.Path)).And.BeGreaterThan(5000);
    }
}
