using System.Text;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Ingest;

/// <summary>
/// The encoding is found by reading the file (strict UTF-8, else GB18030): what a reading in the wrong encoding
/// accepted, rejected or counted must leave no trace, however far into the file the deciding byte is.
/// </summary>
public class FeedEncodingTests
{
    private static readonly Encoding Gb18030 = TextEncodingDetector.StrictGb18030;

    [Fact]
    public void Read_Gb18030WhoseFirstChineseIsFarIn_RowsCountedOnceAsGb18030()
    {
        var rows = new List<string> { "case_id,item_code,unit_code,accepted_at,applicant" };
        for (var i = 0; i < 3000; i++)
        {
            rows.Add($"C{i},I1,U1,2025-10-08,A{i}");
        }
        rows.Add("C7,I1,U1,2025-10-08,A7");
        rows.Add("C8,I1,U2,2025-10-08,A8");
        rows.Add("C9000,I1,U1,2025-13-01,A");
        rows.Add("C9001,I1,U1,2025-10-08,张三");
        var bytes = Gb18030.GetBytes(Some.Csv([.. rows]));

        var data = Some.Read("cases", bytes, "cases.csv");

        data.Files.Should().ContainSingle().Which.Encoding.Should().Be(DetectedEncoding.Gb18030Name);
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 3004, Accepted = 3001, Rejected = 2, Duplicate = 1 });
        data.Rejects.Select(r => (r.Line, r.Reason)).Should().Equal((3003, RejectReason.DuplicateKey), (3004, RejectReason.BadDate));
        data.Rejects[0].Message.Should().Contain("cases.csv 第 10 行");
        data.Cases.Should().HaveCount(3001);
        data.Cases[^1].Applicant.Should().Be("张三");
    }

    [Fact]
    public void Read_RowsThenAByteNeitherEncodingHas_WholeFileUndecodableAndNothingKept()
    {
        var text = Some.Csv([Some.CasesHeader + ",备注", .. Enumerable.Range(0, 3000).Select(i => Some.CaseRow(id: $"C{i}") + ",")]);
        var bytes = Encoding.UTF8.GetBytes(text).Concat(new byte[] { 0xFF, 0x0A }).ToArray();

        var data = Some.Read("cases", bytes, "cases.csv");

        data.Cases.Should().BeEmpty();
        data.UnknownColumns.Should().BeEmpty();
        data.Rejects.Should().ContainSingle().Which.Message.Should().Contain("既不是 UTF-8 也不是 GB18030");
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { FilesRejected = 1 });
        data.Files.Should().ContainSingle().Which.Encoding.Should().Be(DetectedEncoding.UndecodableName);
    }

    [Fact]
    public void Read_Gb18030CutInTheMiddleOfACharacter_RejectNamesTheLineAndByteOffset()
    {
        var text = string.Join("\n", Some.CasesHeader + ",备注", Some.CaseRow(id: "C1") + ",甲", Some.CaseRow(id: "C2") + ",乙");
        var bytes = Gb18030.GetBytes(text)[..^1];

        var data = Some.Read("cases", bytes, "cases.csv");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Column, reject.Reason).Should().Be((3, "", RejectReason.BadFile));
        reject.Message.Should().Be($"文件 cases.csv 既不是 UTF-8 也不是 GB18030 编码：第 3 行（字节偏移 {bytes.Length - 1}）处的字节无法解码，整个文件未读入");
        data.Cases.Should().BeEmpty();
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { FilesRejected = 1 });
    }

    [Fact]
    public void Read_InvalidByteInTheMiddle_RejectNamesItsLineAndByteOffset()
    {
        // CRLF lines, the bad byte well past the first 64 KiB read, and valid Chinese in GB18030 after it.
        var lines = new List<string> { Some.CasesHeader + ",备注" };
        lines.AddRange(Enumerable.Range(0, 4000).Select(i => Some.CaseRow(id: $"C{i}") + ",x"));
        var before = Gb18030.GetBytes(string.Join("\r\n", lines[..2501]) + "\r\nC2500,I1,");
        var after = Gb18030.GetBytes("U1,2025-10-08,,,,张三\r\n" + string.Join("\r\n", lines[2502..]) + "\r\n");
        var bytes = before.Concat(new byte[] { 0xFF }).Concat(after).ToArray();

        var data = Some.Read("cases", bytes, "cases.csv");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason).Should().Be((2502, RejectReason.BadFile));
        reject.Message.Should().Contain($"第 2502 行（字节偏移 {before.Length}）处的字节无法解码");
        data.Cases.Should().BeEmpty();
        data.Files.Should().ContainSingle().Which.Encoding.Should().Be(DetectedEncoding.UndecodableName);
    }

    [Fact]
    public void Read_Utf8ChineseWithAStrayByteFarIn_RejectNamesWhereUtf8Broke()
    {
        // As GB18030 this text fails in its header already; the place to name is where UTF-8, which got further, broke.
        var lines = new List<string> { Some.CasesHeader + ",备注" };
        lines.AddRange(Enumerable.Range(0, 3000).Select(i => Some.CaseRow(id: $"C{i}") + ",张三"));
        var before = Encoding.UTF8.GetBytes(string.Join("\n", lines[..2001]) + "\n");
        var bytes = before.Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes(string.Join("\n", lines[2001..]) + "\n")).ToArray();

        var data = Some.Read("cases", bytes, "cases.csv");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason).Should().Be((2002, RejectReason.BadFile));
        reject.Message.Should().Contain($"第 2002 行（字节偏移 {before.Length}）");
    }

    [Fact]
    public void Read_Utf8CutInTheMiddleOfACharacter_RejectNamesTheLineAndByteOffset()
    {
        var bytes = Encoding.UTF8.GetBytes(Some.Csv(Some.CasesHeader + ",备注", Some.CaseRow(id: "C1") + ",甲") + Some.CaseRow(id: "C2") + ",乙")[..^1];

        var data = Some.Read("cases", bytes, "cases.csv");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason).Should().Be((3, RejectReason.BadFile));
        reject.Message.Should().Contain($"第 3 行（字节偏移 {bytes.Length - 2}）");
    }

    [Fact]
    public void Read_Utf8BomThenAnInvalidByteLater_RejectNamesItsLineAndByteOffsetInTheFile()
    {
        var text = Encoding.UTF8.GetBytes(Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1")));
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(text).Concat(new byte[] { 0xFF, 0x0A }).ToArray();

        var data = Some.Read("cases", bytes, "cases.csv");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason).Should().Be((3, RejectReason.BadFile));
        reject.Message.Should().Be($"文件 cases.csv 以 UTF-8 BOM 开头，但第 3 行（字节偏移 {3 + text.Length}）处的字节不是 UTF-8，无法解码，整个文件未读入");
    }

    [Fact]
    public void Read_JsonInNeitherEncoding_RejectNamesTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes("[\n  {\"办件编号\": \"C1\"},\n  {\"办件编号\": \"").Concat(new byte[] { 0x81, 0x0A }).Concat("\"}\n]\n"u8.ToArray()).ToArray();

        var data = Some.Read("cases", bytes, "cases.json");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason).Should().Be((3, RejectReason.BadFile));
        reject.Message.Should().Contain($"第 3 行（字节偏移 {bytes.Length - 7}）");
    }

    [Fact]
    public void Read_Utf8BomThenAnInvalidByte_WholeFileRejectedNotThrown()
    {
        var text = Some.Csv([Some.CasesHeader, .. Enumerable.Range(0, 2000).Select(i => Some.CaseRow(id: $"C{i}"))]);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).Concat(new byte[] { 0xFF, 0x0A }).ToArray();

        var data = Some.Read("cases", bytes, "cases.csv");

        data.Cases.Should().BeEmpty();
        data.Rejects.Should().ContainSingle().Which.Message.Should().Contain("UTF-8 BOM").And.Contain("无法解码");
        data.Files.Should().ContainSingle().Which.Encoding.Should().Be(DetectedEncoding.UndecodableName);
    }

    [Fact]
    public void Read_MissingColumnsAndAnUndecodableByteLater_ReportedAsUndecodable()
    {
        var bytes = Encoding.UTF8.GetBytes(Some.Csv("办件编号,受理时间", "C1,2025-10-08")).Concat(new byte[] { 0x81, 0x0A }).ToArray();

        var data = Some.Read("cases", bytes, "cases.csv");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        reject.Reason.Should().Be(RejectReason.BadFile);
        reject.Message.Should().Contain("既不是 UTF-8 也不是 GB18030");
    }

    [Fact]
    public void Read_MissingColumnsInGb18030_MissingColumnsReportedOnce()
    {
        var bytes = Gb18030.GetBytes(Some.Csv("办件编号,受理时间", "C1,2025-10-08"));

        var data = Some.Read("cases", bytes, "cases.csv");

        data.Rejects.Should().ContainSingle().Which.Reason.Should().Be(RejectReason.MissingColumn);
        data.Stats["cases"].FilesRejected.Should().Be(1);
        data.Files.Should().ContainSingle().Which.Encoding.Should().Be(DetectedEncoding.Gb18030Name);
    }

    [Fact]
    public void Read_JsonInGb18030WithANumberBeyondRange_ItsTextTakenInThatEncoding()
    {
        var json = """
            [
              {"缴款单号": "F1", "收费项目编码": "X", "收费项目名称": "不动产登记费", "收费金额": 80, "收费时间": "2025-10-08"},
              {"缴款单号": "F2", "收费项目编码": "X", "收费项目名称": "不动产登记费", "收费金额": 8e400, "收费时间": "2025-10-08"}
            ]
            """;

        var data = Some.Read("charges", Gb18030.GetBytes(json), "charges.json");

        data.Files.Should().ContainSingle().Which.Encoding.Should().Be(DetectedEncoding.Gb18030Name);
        data.Rejects.Select(Some.Shape).Should().Equal((3, "收费金额", "8e400", RejectReason.BadNumber));
        data.Charges.Select(c => c.ChargeId).Should().Equal("F1");
    }

    [Fact]
    public void ReadFolder_JsonInGb18030AfterCsv_KeysCheckedAgainstTheCsvOnce()
    {
        var json = """
            [
              {"办件编号": "C2", "事项编码": "I1", "受理单位编码": "U1", "受理时间": "2025-10-08", "事项名称": "食品经营许可"},
              {"办件编号": "C1", "事项编码": "I1", "受理单位编码": "U1", "受理时间": "2025-10-08"},
              {"办件编号": "C3", "事项编码": "I1", "受理单位编码": "U9", "受理时间": "2025-10-08"}
            ]
            """;
        using var folder = new TempFolder()
            .With("cases.csv", Some.Csv(Some.CasesHeader, Some.CaseRow(id: "C1"), Some.CaseRow(id: "C3")))
            .With("cases.json", Gb18030.GetBytes(json));

        var data = FeedReader.ReadFolder(folder.Path, Some.Stages());

        data.Files.Select(f => f.Encoding).Should().Equal(DetectedEncoding.Utf8Name, DetectedEncoding.Gb18030Name);
        data.Cases.Select(c => (c.CaseId, c.ItemName)).Should().Equal(("C1", null), ("C3", null), ("C2", "食品经营许可"));
        data.Stats["cases"].Should().BeEquivalentTo(new FeedStats { Read = 5, Accepted = 3, Rejected = 1, Duplicate = 1 });
        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.File, reject.Line, reject.Reason).Should().Be(("cases.json", 4, RejectReason.DuplicateKey));
        reject.Message.Should().Contain("cases.csv 第 3 行");
    }
}
