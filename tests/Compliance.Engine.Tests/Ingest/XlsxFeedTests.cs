using System.IO.Compression;
using System.Text;
using Compliance.Engine.Ingest;
using MiniExcelLibs;

namespace Compliance.Engine.Tests.Ingest;

public class XlsxFeedTests
{
    [Fact]
    public void Read_FirstSheet_BuildsRecordsWithSheetRowNumbers()
    {
        var bytes = Workbook(
            Row(("缴款单号(必填)", "F1"), ("收费项目编码", "FEE1"), ("收费金额", 1234.5), ("收费时间", new DateTime(2025, 10, 30, 14, 5, 9)), ("备注", "x")),
            Row(("缴款单号(必填)", "F2"), ("收费项目编码", "FEE1"), ("收费金额", "12元"), ("收费时间", "2025/10/31"), ("备注", null)),
            Row(("缴款单号(必填)", null), ("收费项目编码", null), ("收费金额", null), ("收费时间", null), ("备注", null)),
            Row(("缴款单号(必填)", "F3"), ("收费项目编码", "FEE1"), ("收费金额", -3), ("收费时间", "2025-10-31"), ("备注", null)),
            Row(("缴款单号(必填)", "F4"), ("收费项目编码", "FEE1"), ("收费金额", 0.1), ("收费时间", 20251101), ("备注", null)));

        var data = Some.Read("charges", bytes, "charges.xlsx");

        data.Charges.Select(c => (c.ChargeId, c.Amount, c.ChargedOn, c.Line)).Should().Equal(
            ("F1", 1234.5m, new DateOnly(2025, 10, 30), 2),
            ("F2", 12m, new DateOnly(2025, 10, 31), 3),
            ("F4", 0.1m, new DateOnly(2025, 11, 1), 6));
        data.Rejects.Select(Some.Shape).Should().Equal((5, "收费金额", "-3", RejectReason.NegativeAmount));
        data.UnknownColumns["charges.xlsx"].Should().Equal("备注");
        data.Files.Should().ContainSingle().Which.Encoding.Should().Be("binary");
        data.Stats["charges"].Should().BeEquivalentTo(new FeedStats { Read = 4, Accepted = 3, Rejected = 1 });
    }

    [Fact]
    public void Read_ColumnWithDataButNoHeader_ListedAsUnknownByPosition()
    {
        var bytes = Workbook(
            Row(("缴款单号", "F1"), ("收费项目编码", "FEE1"), ("收费金额", 1), ("收费时间", "2025-10-31"), (" ", null)),
            Row(("缴款单号", "F2"), ("收费项目编码", "FEE1"), ("收费金额", 2), ("收费时间", "2025-10-31"), (" ", "已退")));

        var data = Some.Read("charges", bytes, "charges.xlsx");

        data.UnknownColumns["charges.xlsx"].Should().Equal("第5列（无列名）");
        data.Charges.Should().HaveCount(2);
    }

    [Fact]
    public void Read_WorkbookMissingRequiredColumn_RejectsWholeFile()
    {
        var bytes = Workbook(Row(("缴款单号", "F1"), ("收费金额", 1)));

        var data = Some.Read("charges", bytes, "charges.xlsx");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason, reject.WholeFile).Should().Be((0, RejectReason.MissingColumn, true));
        reject.Message.Should().Contain("收费项目编码(fee_code)").And.Contain("缴款单号、收费金额");
    }

    [Fact]
    public void Read_NotAWorkbook_RejectsWholeFile()
    {
        var data = Some.Read("charges", "not a zip file"u8.ToArray(), "charges.xlsx");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason).Should().Be((0, RejectReason.BadFile));
        reject.Message.Should().Be("文件 charges.xlsx 无法读取：不是可读取的 xlsx 工作簿（不是 zip 格式的文件，而 xlsx 工作簿是 zip 压缩包），整个文件未读入");
    }

    [Fact]
    public void Read_TruncatedWorkbook_RejectsWholeFileSayingItIsIncomplete()
    {
        var bytes = Workbook(Row(("缴款单号", "F1"), ("收费项目编码", "FEE1"), ("收费金额", 1), ("收费时间", "2025-10-31")));

        var data = Some.Read("charges", bytes[..(bytes.Length / 2)], "charges.xlsx");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Reason, reject.WholeFile).Should().Be((RejectReason.BadFile, true));
        reject.Message.Should().Be("文件 charges.xlsx 无法读取：不是可读取的 xlsx 工作簿（zip 压缩包不完整或已损坏，可能在复制或下载时被截断），整个文件未读入");
    }

    [Fact]
    public void Read_ZipThatIsNoWorkbook_RejectsWholeFileNamingTheMissingPart()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("说明.txt").Open()))
        {
            writer.Write("not a workbook");
        }

        var data = Some.Read("charges", stream.ToArray(), "charges.xlsx");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Reason, reject.WholeFile).Should().Be((RejectReason.BadFile, true));
        reject.Message.Should().Be("文件 charges.xlsx 无法读取：不是可读取的 xlsx 工作簿（压缩包中缺少 xl/workbook.xml），整个文件未读入");
    }

    [Fact]
    public void Read_WorkbookWithoutItsFirstSheetsPart_RejectsWholeFileNamingThePart()
    {
        var bytes = Workbook(Row(("缴款单号", "F1"), ("收费项目编码", "FEE1"), ("收费金额", 1), ("收费时间", "2025-10-31")));
        var stream = new MemoryStream();
        stream.Write(bytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            Replace(zip, "xl/worksheets/sheet1.xml", null);
        }

        var data = Some.Read("charges", stream.ToArray(), "charges.xlsx");

        data.Rejects.Should().ContainSingle().Which.Message.Should()
            .Be("文件 charges.xlsx 无法读取：不是可读取的 xlsx 工作簿（压缩包中缺少 第一个工作表 xl/worksheets/sheet1.xml），整个文件未读入");
    }

    [Fact]
    public void Read_SheetXmlMalformed_RejectsWholeFileAtItsLineAndColumn()
    {
        var bytes = SharedStringWorkbook(SharedStrings, Header, "\n<row r=\"2\"><c r=\"A2\" <v>1</v></c></row>");

        var data = Some.Read("charges", bytes, "charges.xlsx");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Reason, reject.WholeFile).Should().Be((RejectReason.BadFile, true));
        reject.Message.Should().Be("文件 charges.xlsx 无法读取：不是可读取的 xlsx 工作簿（XML 格式错误，位于第 2 行第 22 列），整个文件未读入");
    }

    [Fact]
    public void Read_SheetXmlMalformedAfterSomeRows_RowsBeforeKeptAndTheBreakDescribed()
    {
        // With its dimension declared, MiniExcel reads the sheet as it goes rather than measuring it first.
        var bytes = SheetWorkbook(SharedStrings, """<dimension ref="A1:D3"/><sheetData>""" + Header + DataRow(2, "F1") + "\n<row r=\"3\"><c r=\"A3\"><v>1</v></c></sheetData>");

        var data = Some.Read("charges", bytes, "charges.xlsx");

        data.Charges.Select(c => c.ChargeId).Should().Equal("F1");
        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Reason, reject.WholeFile).Should().Be((RejectReason.BadFile, false));
        reject.Message.Should().Be("文件 charges.xlsx 读取中断：第 2 行之后的内容无法读取（XML 格式错误，位于第 2 行第 36 列）；此前的行已读入");
    }

    [Fact]
    public void Read_WorkbookXmlMalformed_RejectsWholeFileNamingThePart()
    {
        var bytes = Workbook(Row(("缴款单号", "F1"), ("收费项目编码", "FEE1"), ("收费金额", 1), ("收费时间", "2025-10-31")));
        var stream = new MemoryStream();
        stream.Write(bytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            Replace(zip, "xl/workbook.xml", $"""<workbook xmlns="{SpreadsheetMl}"><bookViews></workbook>""");
        }

        var data = Some.Read("charges", stream.ToArray(), "charges.xlsx");

        data.Rejects.Should().ContainSingle().Which.Message.Should()
            .Be("文件 charges.xlsx 无法读取：不是可读取的 xlsx 工作簿（xl/workbook.xml 的 XML 格式错误，位于第 1 行第 90 列），整个文件未读入");
    }

    [Fact]
    public void Read_SeveralSheets_ReadsOnlyTheFirst()
    {
        var sheets = new Dictionary<string, object>
        {
            ["收费"] = new[] { Row(("缴款单号", "F1"), ("收费项目编码", "FEE1"), ("收费金额", 5), ("收费时间", "2025-10-08")) },
            ["说明"] = new[] { Row(("缴款单号", "F2"), ("收费项目编码", "FEE1"), ("收费金额", 6), ("收费时间", "2025-10-08")) },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);

        var data = Some.Read("charges", stream.ToArray(), "charges.xlsx");

        data.Charges.Select(c => c.ChargeId).Should().Equal("F1");
    }

    [Fact]
    public void Read_AmountHoldingAFormulaResult_AcceptedAsExcelShowsIt()
    {
        // =80*1.1 as Excel computes it: one binary step above 88, shown as 88.
        var formulaResult = Math.BitIncrement(88.0);
        var bytes = Workbook(
            Row(("缴款单号", 330102000001.0), ("收费项目编码", "FEE1"), ("收费金额", formulaResult), ("收费时间", new DateTime(2025, 10, 30))),
            Row(("缴款单号", "F2"), ("收费项目编码", "FEE1"), ("收费金额", 88.005), ("收费时间", new DateTime(2025, 10, 30))));

        var data = Some.Read("charges", bytes, "charges.xlsx");

        data.Charges.Select(c => (c.ChargeId, c.Amount, c.ChargedOn)).Should().Equal(("330102000001", 88.00m, new DateOnly(2025, 10, 30)));
        data.Rejects.Select(Some.Shape).Should().Equal((3, "收费金额", "88.005", RejectReason.BadNumber));
        data.Rejects[0].WholeFile.Should().BeFalse();
    }

    [Fact]
    public void Read_SharedStringCells_ReadAsTheirStrings()
    {
        var bytes = SharedStringWorkbook(SharedStrings, Header, DataRow(2, "F1"), DataRow(3, "F2"));

        var data = Some.Read("charges", bytes, "charges.xlsx");

        data.Rejects.Should().BeEmpty();
        data.Charges.Select(c => (c.ChargeId, c.FeeCode, c.Amount, c.Line)).Should().Equal(("F1", "FEE1", 80m, 2), ("F2", "FEE1", 80m, 3));
    }

    [Fact]
    public void Read_CellPointingPastTheSharedStrings_RejectsWholeFileNamingTheCell()
    {
        var bytes = SharedStringWorkbook(SharedStrings, Header, DataRow(2, "F1"), """<row r="7"><c r="A7" t="s"><v>4</v></c><c r="B7" t="s"><v>12</v></c></row>""");

        var data = Some.Read("charges", bytes, "charges.xlsx");

        // Read as MiniExcel reads it, B7 would be an empty fee code: a value lost without a word.
        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Line, reject.Reason, reject.WholeFile).Should().Be((0, RejectReason.BadFile, true));
        reject.Message.Should().Be("文件 charges.xlsx 无法读取：XLSX 文件损坏：单元格 B7 引用了不存在的共享字符串 #12（共享字符串表共 8 条），整个文件未读入");
        data.Charges.Should().BeEmpty();
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999999")]
    public void Read_SharedStringIndexNotInTheTable_RejectsWholeFile(string index)
    {
        var bytes = SharedStringWorkbook(SharedStrings, Header, $"""<row r="2"><c r="A2" t="s"><v>{index}</v></c></row>""");

        var data = Some.Read("charges", bytes, "charges.xlsx");

        data.Rejects.Should().ContainSingle().Which.Message.Should().Contain($"单元格 A2 引用了不存在的共享字符串 #{index}");
    }

    [Fact]
    public void Read_BadCellWrittenWithoutItsName_NamedByItsPlace()
    {
        var bytes = SharedStringWorkbook(SharedStrings, Header, """<row r="4"><c r="B4" t="s"><v>4</v></c><c t="s"><v>40</v></c></row>""");

        var data = Some.Read("charges", bytes, "charges.xlsx");

        data.Rejects.Should().ContainSingle().Which.Message.Should().Contain("单元格 C4 引用了不存在的共享字符串 #40");
    }

    [Fact]
    public void Read_BadSharedStringOnlyOnASheetNotRead_FirstSheetRead()
    {
        var sheets = new Dictionary<string, object>
        {
            ["收费"] = new[] { Row(("缴款单号", "F1"), ("收费项目编码", "FEE1"), ("收费金额", 5), ("收费时间", "2025-10-08")) },
            ["说明"] = new[] { Row(("说明", "x")) },
        };
        var stream = new MemoryStream();
        stream.SaveAs(sheets);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            Replace(zip, "xl/worksheets/sheet2.xml",
                $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SpreadsheetMl}"><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>""");
        }

        var data = Some.Read("charges", stream.ToArray(), "charges.xlsx");

        data.Rejects.Should().BeEmpty();
        data.Charges.Select(c => c.ChargeId).Should().Equal("F1");
    }

    [Fact]
    public void Read_SharedStringCellsWithoutATable_RejectsWholeFileSayingSo()
    {
        var bytes = SharedStringWorkbook(null, Header, DataRow(2, "F1"));

        var data = Some.Read("charges", bytes, "charges.xlsx");

        var reject = data.Rejects.Should().ContainSingle().Subject;
        (reject.Reason, reject.WholeFile).Should().Be((RejectReason.BadFile, true));
        reject.Message.Should().Be("文件 charges.xlsx 无法读取：XLSX 文件损坏：单元格 A1 引用了共享字符串 #0，但工作簿中没有共享字符串表（xl/sharedStrings.xml），整个文件未读入");
    }

    [Fact]
    public void Read_Date1904Workbook_DateCellsReadAsExcelShowsThem()
    {
        // 2025-10-30 is serial 44498 counted from 1904-01-01 (and 45960 from 1899-12-30).
        var workbook = new RawWorkbook { Date1904 = true };
        var date = workbook.Style(14);
        var dateTime = workbook.Style(22);
        workbook.Row("缴款单号", "收费项目编码", "收费金额", "收费时间")
            .Row("F1", "FEE1", "10", (44498.0, date))
            .Row("F2", "FEE1", "10", (44498.99998842592, dateTime));

        var data = Some.Read("charges", workbook.Bytes(), "charges.xlsx");

        data.Rejects.Should().BeEmpty();
        data.Charges.Select(c => (c.ChargeId, c.ChargedOn)).Should().Equal(
            ("F1", new DateOnly(2025, 10, 30)), ("F2", new DateOnly(2025, 10, 30)));
    }

    [Fact]
    public void Read_Date1904WorkbookWithIsoDateCells_IsoDatesReadAsWritten()
    {
        var workbook = new RawWorkbook { Date1904 = true };
        var date = workbook.Style(14);
        workbook.Row("缴款单号", "收费项目编码", "收费金额", "收费时间")
            .Row("F1", "FEE1", "10", new RawWorkbook.IsoDate("2025-10-30"))
            .Row("F2", "FEE1", "10", new RawWorkbook.IsoDate("2025-10-30T23:59:59"))
            .Row("F3", "FEE1", "10", (44498.0, date));

        var data = Some.Read("charges", workbook.Bytes(), "charges.xlsx");

        data.Rejects.Should().BeEmpty();
        data.Charges.Select(c => (c.ChargeId, c.ChargedOn)).Should().Equal(
            ("F1", new DateOnly(2025, 10, 30)), ("F2", new DateOnly(2025, 10, 30)), ("F3", new DateOnly(2025, 10, 30)));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(27)]
    [InlineData(28)]
    [InlineData(29)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(36)]
    [InlineData(50)]
    [InlineData(51)]
    [InlineData(52)]
    [InlineData(53)]
    [InlineData(54)]
    [InlineData(57)]
    [InlineData(58)]
    public void Read_DateCellInEastAsianBuiltInDateFormat_ReadAsDate(int numFmtId)
    {
        // What Chinese Excel writes for a cell formatted 2025年10月30日 (id 31) and its other built-in date formats:
        // the id alone, with no format code in styles.xml.
        var workbook = new RawWorkbook();
        var style = workbook.Style(numFmtId);
        workbook.Row("缴款单号", "收费项目编码", "收费金额", "收费时间")
            .Row("F1", "FEE1", "10", (45960.0, style));

        var data = Some.Read("charges", workbook.Bytes(), "charges.xlsx");

        data.Rejects.Should().BeEmpty();
        data.Charges.Should().ContainSingle().Which.ChargedOn.Should().Be(new DateOnly(2025, 10, 30));
    }

    [Theory]
    [InlineData(88.00000000000001, "88")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1234567.891, "1234567.891")]
    [InlineData(12.0, "12")]
    [InlineData(80.5, "80.5")]
    [InlineData(-3.0, "-3")]
    [InlineData(88.005, "88.005")]
    [InlineData(20251030.0, "20251030")]
    public void ToText_Double_RoundedToFifteenSignificantDigits(double value, string expected)
    {
        XlsxFeedSource.ToText(value).Should().Be(expected);
    }

    [Theory]
    [InlineData(330102000001.0, "330102000001")]
    [InlineData(123456789012345.0, "123456789012345")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(1.5e-10, "0.00000000015")]
    public void ToText_LargeOrSmallDouble_WrittenWithoutExponent(double value, string expected)
    {
        XlsxFeedSource.ToText(value).Should().Be(expected);
    }

    [Fact]
    public void ToText_IntegerBeyondFifteenDigits_KeepsTheDigitsExcelKeeps()
    {
        XlsxFeedSource.ToText(1234567890123456789.0).Should().Be("1234567890123460000");
    }

    [Fact]
    public void ToText_NegativeZero_IsZero()
    {
        XlsxFeedSource.ToText(-0.0).Should().Be("0");
    }

    private static readonly string[] SharedStrings = ["缴款单号", "收费项目编码", "收费金额", "收费时间", "F1", "FEE1", "2025-10-08", "F2"];

    private const string Header =
        """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>""";

    private static string DataRow(int row, string chargeId) =>
        $"""<row r="{row}"><c r="A{row}" t="s"><v>{Array.IndexOf(SharedStrings, chargeId)}</v></c><c r="B{row}" t="s"><v>5</v></c><c r="C{row}"><v>80</v></c><c r="D{row}" t="s"><v>6</v></c></row>""";

    /// <summary>
    /// A workbook whose first sheet holds the given rows of cell XML, its text in a shared-string table as Excel
    /// writes it (MiniExcel writes text inline), or with no table at all when <paramref name="sharedStrings"/> is null.
    /// </summary>
    private static byte[] SharedStringWorkbook(string[]? sharedStrings, params string[] rows) =>
        SheetWorkbook(sharedStrings, $"<sheetData>{string.Concat(rows)}</sheetData>");

    /// <summary>As <see cref="SharedStringWorkbook"/>, with the worksheet's content given whole.</summary>
    private static byte[] SheetWorkbook(string[]? sharedStrings, string worksheetContent)
    {
        var stream = new MemoryStream();
        stream.Write(Workbook(Row(("x", "x"))));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            Replace(zip, "xl/worksheets/sheet1.xml",
                $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SpreadsheetMl}">{worksheetContent}</worksheet>""");
            Replace(zip, "xl/sharedStrings.xml", sharedStrings is null ? null :
                $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{SpreadsheetMl}" count="{sharedStrings.Length}" uniqueCount="{sharedStrings.Length}">{string.Concat(sharedStrings.Select(t => $"<si><t>{t}</t></si>"))}</sst>""");
        }
        return stream.ToArray();
    }

    private const string SpreadsheetMl = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static void Replace(ZipArchive zip, string name, string? xml)
    {
        zip.GetEntry(name)?.Delete();
        if (xml is null)
        {
            return;
        }
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    private static Dictionary<string, object?> Row(params (string Header, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Header, c => c.Value);

    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }
}
