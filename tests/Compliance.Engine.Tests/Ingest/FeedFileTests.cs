using System.Security.Cryptography;
using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

/// <summary>Whole-file matters: encodings, headers, missing columns, the file list.</summary>
public class FeedFileTests
{
    private static readonly Encoding Gb18030 = GetGb18030();

    [Fact]
    public void Read_Gb18030FileWithChineseHeaders_DecodesValuesAndRecordsEncoding()
    {
        var bytes = Gb18030.GetBytes(Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理单位,受理时间",
            "C1,I1,食品经营许可,U1,市场监督管理局,2025年10月8日"));

        var data = Some.Read("cases", bytes, "cases.csv");

        data.Rejects.Should().BeEmpty();
        var c = data.Cases.Should().ContainSingle().Subject;
        c.ItemName.Should().Be("食品经营许可");
        c.UnitName.Should().Be("市场监督管理局");
        c.AcceptedOn.Should().Be(new DateOnly(2025, 10, 8));
        data.Files.Should().Equal(new InputFile("cases", "cases.csv", Sha256(bytes), "gb18030"));
    }

    [Fact]
    public void Read_Utf8WithBom_FirstHeaderMatchesAndEncodingRecorded()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Some.Csv(Some.CasesHeader, Some.CaseRow()))).ToArray();

        var data = Some.Read("cases", bytes, "cases.csv");

        data.Rejects.Should().BeEmpty();
        data.UnknownColumns.Should().BeEmpty();
        data.Cases.Should().ContainSingle().Which.CaseId.Should().Be("C1");
        data.Files.Should().ContainSingle().Which.Should().Be(new InputFile("cases", "cases.csv", Sha256(bytes), "utf-8-bom"));
    }

    [Fact]
    public void Read_Utf8WithoutBom_RecordsUtf8()
    {
        var data = Some.Read("cases", Some.Csv(Some.CasesHeader, Some.CaseRow()));

        data.Files.Should().ContainSingle().Which.Encoding.Should().Be("utf-8");
    }

    [Fact]
    public void Read_Undecodable_RejectsWholeFileAtTheLineThatBreaks()
    {
        var header = Encoding.UTF8.GetBytes(Some.CasesHeader + "\n");
        var bytes = header.Concat(new byte[] { 0x43, 0xFF, 0xFF, 0x0A }).ToArray();

        var data = Some.Read("cases", bytes, "cases.csv");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Column, reject.Reason, reject.WholeFile).Should().Be((2, "", RejectReason.BadFile, true));
        reject.Message.Should().Contain("cases.csv").And.Contain($"第 2 行（字节偏移 {header.Length + 1}）");
        data.Cases.Should().BeEmpty();
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { FilesRejected = 1 });
        data.Files.Should().ContainSingle().Which.Should().Be(new InputFile("cases", "cases.csv", Sha256(bytes), "undecodable"));
    }

    [Fact]
    public void Read_MarkedSpacedAndMixedCaseHeaders_MatchTheirColumns()
    {
        var data = Some.Read("cases", Some.Csv(
            "\u3000办件编号(必填)\u3000,事项编码*,Unit_Code（必填）, ACCEPTED_AT ,Status",
            "C1,I1,U1,2025-10-08,作废"));

        data.Rejects.Should().BeEmpty();
        data.Cases.Should().ContainSingle().Which.Status.Should().Be(CaseStatus.Void);
    }

    [Fact]
    public void Read_RejectColumn_IsTheHeaderAsWritten()
    {
        var data = Some.Read("cases", Some.Csv("case_id,Item_Code*,unit_code,受理时间(必填)", "C1,I1,U1,someday"));

        data.Rejects.Select(Some.Shape).Should().Equal((2, "受理时间(必填)", "someday", RejectReason.BadDate));
    }

    [Fact]
    public void Read_MissingRequiredColumns_RejectsWholeFileNamingMissingAndFound()
    {
        var data = Some.Read("cases", Some.Csv("办件编号,受理单位编码,备注", "C1,U1,x"));

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Feed, reject.File, reject.Line, reject.Reason).Should().Be(("cases", "cases.csv", 0, RejectReason.MissingColumn));
        reject.Message.Should().Contain("cases.csv")
            .And.Contain("事项编码(item_code)")
            .And.Contain("受理时间(accepted_at)")
            .And.Contain("办件编号、受理单位编码、备注");
        reject.Message.Should().NotContain("受理单位编码(unit_code)");
        reject.Value.Should().Be("办件编号,受理单位编码,备注");
        data.Cases.Should().BeEmpty();
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { FilesRejected = 1 });
    }

    [Fact]
    public void Read_EmptyFile_RejectsWholeFileAsMissingColumns()
    {
        var data = Some.Read("charges", "");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        reject.Reason.Should().Be(RejectReason.MissingColumn);
        reject.Message.Should().Contain("缴款单号(charge_id)").And.Contain("（无）");
    }

    [Fact]
    public void Read_HeaderOnly_ReadsNoRows()
    {
        var data = Some.Read("charges", Some.ChargesHeader);

        data.Rejects.Should().BeEmpty();
        data.Stats["charges"].Should().BeEquivalentTo(new FeedStats());
    }

    [Fact]
    public void Read_TwoHeadersForOneColumn_RejectsWholeFile()
    {
        var data = Some.Read("cases", Some.Csv("办件编号,case_id,事项编码,受理单位编码,受理时间", "C1,C2,I1,U1,2025-10-08"));

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason).Should().Be((0, RejectReason.BadFile));
        reject.Message.Should().Contain("case_id");
        data.Cases.Should().BeEmpty();
    }

    [Fact]
    public void Read_BrokenQuotingInHeader_RejectsWholeFile()
    {
        var data = Some.Read("cases", Some.Csv("办件编号,\"事项编码\"x,受理单位编码,受理时间", "C1,I1,U1,2025-10-08"));

        data.Rejects.Should().ContainSingle().Which.Reason.Should().Be(RejectReason.BadFile);
    }

    [Fact]
    public void Read_UnknownColumns_RecordedOncePerFileInHeaderOrder()
    {
        var data = Some.Read("cases", Some.Csv(
            "备注,办件编号,事项编码,受理单位编码,受理时间,Extra",
            "a,C1,I1,U1,2025-10-08,b",
            "a,C2,I1,U1,2025-10-08,b"));

        data.UnknownColumns.Should().ContainSingle();
        data.UnknownColumns["cases.csv"].Should().Equal("备注", "Extra");
        data.Cases.Should().HaveCount(2);
    }

    [Fact]
    public void Read_NamelessColumnWithData_ListedAsUnknownByPosition()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,,事项编码,受理单位编码,受理时间,Extra",
            "C1,,I1,U1,2025-10-08,b",
            "C2,加急,I1,U1,2025-10-08,b"));

        data.UnknownColumns["cases.csv"].Should().Equal("Extra", "第2列（无列名）");
        data.Cases.Should().HaveCount(2);
    }

    [Fact]
    public void Read_TrailingSeparatorsWithoutData_NotListed()
    {
        var data = Some.Read("cases", Some.Csv(
            "办件编号,事项编码,受理单位编码,受理时间,,",
            "C1,I1,U1,2025-10-08, ,"));

        data.UnknownColumns.Should().BeEmpty();
        data.Cases.Should().ContainSingle();
    }

    [Fact]
    public void Read_NonSeekableStream_IsBufferedAndRead()
    {
        var bytes = Encoding.UTF8.GetBytes(Some.Csv(Some.CasesHeader, Some.CaseRow()));
        using var stream = new ForwardOnlyStream(bytes);

        var data = FeedReader.ReadStream("cases", stream, "cases.csv", Some.Stages());

        data.Cases.Should().ContainSingle();
        data.Files.Should().ContainSingle().Which.Sha256.Should().Be(Sha256(bytes));
    }

    [Fact]
    public void Read_UnknownFeedOrExtension_Throws()
    {
        var unknownFeed = () => Some.Read("fees", "x", "fees.csv");
        var unknownExtension = () => Some.Read("cases", "x", "cases.txt");

        unknownFeed.Should().Throw<ArgumentException>().WithMessage("*fees*");
        unknownExtension.Should().Throw<ArgumentException>().WithMessage("*cases.txt*");
    }

    [Fact]
    public void Read_SameInputTwice_GivesTheSameResult()
    {
        var text = Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1"), Some.CaseRow(id: "C2", accepted: "x"), Some.CaseRow(id: "C1", unit: "U2"));

        var first = Some.Read("cases", text);
        var second = Some.Read("cases", text);

        second.Cases.Should().Equal(first.Cases);
        second.Rejects.Should().Equal(first.Rejects);
        second.Files.Should().Equal(first.Files);
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("utf-8-bom")]
    public void Read_StrayQuoteBeforeQuotedLineBreak_ReadsOnInTheFilesEncoding(string encoding)
    {
        var text = Some.Csv(
            "办件编号,事项编码,事项名称,受理单位编码,受理时间",
            "甲1,I1,5\"屏,U1,2025-10-08",
            "甲2,I1,\"李四",
            "王五\",U1,2025-10-08",
            "甲3,I1,名称,U1,2025-10-08");
        var bytes = encoding == "gb18030"
            ? Gb18030.GetBytes(text)
            : [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

        var data = Some.Read("cases", bytes, "cases.csv");

        data.Rejects.Select(r => (r.Line, r.Reason)).Should().Equal((2, RejectReason.BadRow));
        data.Cases.Select(c => (c.CaseId, c.Line, c.ItemName)).Should().Equal(("甲2", 3, "李四\n王五"), ("甲3", 5, "名称"));
        data.Files.Should().ContainSingle().Which.Should().Be(new InputFile("cases", "cases.csv", Sha256(bytes), encoding));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>A stream that can only be read forward, like a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
