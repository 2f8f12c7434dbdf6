using System.IO.Compression;
using System.Security;
using System.Text;

namespace Compliance.Engine.Tests.Ingest;

/// <summary>
/// A one-sheet xlsx written part by part, for what MiniExcel's writer never produces but Excel does: the 1904 date
/// system, and cells styled with a built-in number format that only East Asian Excel defines (id 31 is
/// <c>yyyy"年"m"月"d"日"</c> in Chinese Excel, and such ids carry no format code in the file).
/// </summary>
internal sealed class RawWorkbook
{
    private readonly List<string> _rows = [];
    private readonly List<int> _styles = [0];

    /// <summary>The workbook counts serial days from 1904-01-01 (Excel for Mac's old default).</summary>
    public bool Date1904 { get; init; }

    /// <summary>The number format id of a cell style; the id a cell refers to is the style's index.</summary>
    public int Style(int numFmtId)
    {
        _styles.Add(numFmtId);
        return _styles.Count - 1;
    }

    /// <summary>A row of cells: text, a number shown in a style (<see cref="Style"/>), or an ISO 8601 date cell.</summary>
    public RawWorkbook Row(params object[] cells)
    {
        var row = _rows.Count + 1;
        var xml = new StringBuilder($"<row r=\"{row}\">");
        for (var i = 0; i < cells.Length; i++)
        {
            var reference = $"{(char)('A' + i)}{row}";
            xml.Append(cells[i] switch
            {
                string text => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>",
                (double number, int style) => $"<c r=\"{reference}\" s=\"{style}\"><v>{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>",
                IsoDate date => $"<c r=\"{reference}\" t=\"d\"><v>{date.Value}</v></c>",
                _ => throw new ArgumentException($"Cell {reference}: text, (number, style) or an IsoDate.", nameof(cells)),
            });
        }
        _rows.Add(xml.Append("</row>").ToString());
        return this;
    }

    /// <summary>A cell of type <c>d</c>: the date written out in ISO 8601, whatever the workbook's date system.</summary>
    public sealed record IsoDate(string Value);

    public byte[] Bytes()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
                "</Types>");
            Part(zip, "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
                "</Relationships>");
            Part(zip, "xl/workbook.xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " +
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                (Date1904 ? "<workbookPr date1904=\"1\"/>" : "") +
                "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part(zip, "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" +
                "</Relationships>");
            Part(zip, "xl/styles.xml",
                "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                "<fonts count=\"1\"><font><sz val=\"11\"/></font></fonts>" +
                "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>" +
                "<borders count=\"1\"><border/></borders>" +
                "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
                $"<cellXfs count=\"{_styles.Count}\">" +
                string.Concat(_styles.Select(id => $"<xf numFmtId=\"{id}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>")) +
                "</cellXfs></styleSheet>");
            Part(zip, "xl/worksheets/sheet1.xml",
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                string.Concat(_rows) + "</sheetData></worksheet>");
        }
        return stream.ToArray();
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml);
    }
}
