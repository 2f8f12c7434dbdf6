using System.Globalization;
using System.Xml;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Checks, before MiniExcel reads a workbook, that every shared-string cell of its first sheet (<c>t="s"</c>, what
/// Excel and WPS write for text) points into the shared-string table. MiniExcel reads a cell whose index lies
/// outside the table as empty, without a word, and throws NullReferenceException at the first such cell of a
/// workbook that has no table: a damaged file either way, which is refused whole, naming the cell, rather than
/// read with values lost. The first sheet is found as MiniExcel finds it (<see cref="XlsxPackage.FirstSheet"/>); the
/// table is <c>xl/sharedStrings.xml</c>, where MiniExcel looks for it. Any other damage (no such part, XML that does
/// not parse) is left to MiniExcel to report as before. The sheet is first scanned as bytes
/// (<see cref="SharedStringCellScan"/>), which vouches for nearly every sheet at a fraction of the cost of an XML
/// reader; only a sheet it does not vouch for is read here cell by cell, to name the cell or to find it sound.
/// </summary>
internal static class XlsxSharedStringCheck
{
    private const string SharedStringsPart = "xl/sharedStrings.xml";

    /// <summary>Throws <see cref="FeedFileException"/> for the first shared-string cell that points nowhere.</summary>
    public static void Check(XlsxPackage package)
    {
        try
        {
            if (package.FirstSheet is not { } sheet)
            {
                return;
            }
            var sharedStrings = CountSharedStrings(package);
            bool inRange;
            using (var bytes = sheet.Open())
            {
                inRange = SharedStringCellScan.AllInRange(bytes, sharedStrings);
            }
            if (!inRange)
            {
                using var xml = sheet.Open();
                CheckCells(xml, sharedStrings, sheet.FullName);
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            // A part that cannot be inflated or is no XML: MiniExcel says so when it reads the workbook.
        }
    }

    /// <summary>The entries of the table, or null when the workbook has none.</summary>
    private static int? CountSharedStrings(XlsxPackage package)
    {
        if (package.Entry(SharedStringsPart) is not { } part)
        {
            return null;
        }
        var count = 0;
        using var reader = XlsxPackage.OpenXml(part);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == "si")
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The exact check: reads the sheet's XML and throws for its first shared-string cell that points nowhere.</summary>
    internal static void CheckCells(Stream sheet, int? sharedStrings, string part)
    {
        using var reader = XmlReader.Create(sheet, XlsxPackage.ReaderSettings, part);
        var row = 0;
        var column = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.LocalName == "row")
            {
                row = int.TryParse(reader.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                column = 0;
                continue;
            }
            if (reader.LocalName != "c")
            {
                continue;
            }
            var name = reader.GetAttribute("r");
            column = name is null ? column + 1 : ColumnOf(name);
            if (reader.GetAttribute("t") != "s" || reader.IsEmptyElement)
            {
                continue;
            }
            var cell = name ?? CellName(column, row);
            var index = SharedStringIndex(reader);
            if (index.Length == 0)
            {
                continue;
            }
            if (sharedStrings is null)
            {
                throw new FeedFileException($"XLSX 文件损坏：单元格 {cell} 引用了共享字符串 #{index}，但工作簿中没有共享字符串表（{SharedStringsPart}）");
            }
            // Parsed as MiniExcel parses it, so that what passes here is what it finds.
            if (!int.TryParse(index, NumberStyles.Any, CultureInfo.InvariantCulture, out var i) || i < 0 || i >= sharedStrings)
            {
                throw new FeedFileException($"XLSX 文件损坏：单元格 {cell} 引用了不存在的共享字符串 #{index}（共享字符串表共 {sharedStrings} 条）");
            }
        }
    }

    /// <summary>The text of the cell's <c>v</c>, empty if it has none; leaves the reader on the cell's end tag.</summary>
    private static string SharedStringIndex(XmlReader reader)
    {
        var depth = reader.Depth;
        var index = "";
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v" && reader.Depth == depth + 1)
            {
                index = reader.ReadElementContentAsString();
            }
            else if (!reader.Read())
            {
                break;
            }
        }
        return index;
    }

    /// <summary>The column number of a cell name: B7 is 2.</summary>
    private static int ColumnOf(string name)
    {
        var column = 0;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return column;
    }

    /// <summary>A cell's name from its place, for a cell written without one: MiniExcel puts it in the next column.</summary>
    private static string CellName(int column, int row)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
