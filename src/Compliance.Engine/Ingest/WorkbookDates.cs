using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Compliance.Engine.Ingest;

/// <summary>
/// What a workbook says about its dates that MiniExcel does not read, so that a date cell gives the day Excel shows.
/// A workbook in the 1904 date system (Excel for Mac's old default, still a workbook option) counts serial days from
/// 1904-01-01, and MiniExcel reads every serial in the 1900 system: each date would come out four years and a day
/// early, silently. East Asian Excel has built-in date formats of its own (id 31 is <c>yyyy"年"m"月"d"日"</c> in
/// Chinese Excel) that it stores as a bare id with no format code, and MiniExcel knows only the ids every Excel
/// shares: such a cell would come out as its serial number and be refused as a bad date. Those formats are declared
/// to MiniExcel, with the codes ECMA-376 Part 1 (18.8.30) gives them for Chinese, in a copy of the workbook. In a 1904
/// workbook that copy also turns ISO 8601 date cells (type <c>d</c>) into text cells: they hold the date itself,
/// whatever the date system, and MiniExcel would hand them over as dates indistinguishable from the serials to move.
/// </summary>
internal sealed class WorkbookDates : IDisposable
{
    /// <summary>Days from the 1900 system's day zero (1899-12-30) to the 1904 system's (1904-01-01).</summary>
    private const int Date1904Offset = 1462;

    private const string StylesPart = "xl/styles.xml";

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The East Asian built-in number formats whose Chinese rendering shows a calendar date (not the time-only ones).</summary>
    private static readonly Dictionary<int, string> EastAsianDateFormats = new()
    {
        [27] = "yyyy\"年\"m\"月\"",
        [28] = "m\"月\"d\"日\"",
        [29] = "m\"月\"d\"日\"",
        [30] = "m-d-yy",
        [31] = "yyyy\"年\"m\"月\"d\"日\"",
        [36] = "yyyy\"年\"m\"月\"",
        [50] = "yyyy\"年\"m\"月\"",
        [51] = "m\"月\"d\"日\"",
        [52] = "yyyy\"年\"m\"月\"",
        [53] = "m\"月\"d\"日\"",
        [54] = "m\"月\"d\"日\"",
        [57] = "yyyy\"年\"m\"月\"",
        [58] = "m\"月\"d\"日\"",
    };

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private readonly MemoryStream? _copy;

    private WorkbookDates(Stream workbook, MemoryStream? copy, bool date1904)
    {
        Workbook = copy ?? workbook;
        _copy = copy;
        Date1904 = date1904;
    }

    /// <summary>The workbook for MiniExcel to read: the file itself, or a copy declaring the East Asian date formats it uses.</summary>
    public Stream Workbook { get; }

    public bool Date1904 { get; }

    /// <summary>The date system and number formats of the workbook in <paramref name="workbook"/>, read from its open package.</summary>
    public static WorkbookDates Of(Stream workbook, XlsxPackage package)
    {
        var styles = package.Zip.GetEntry(StylesPart) is { } stylesPart ? WithEastAsianDateFormats(stylesPart) : null;
        var copy = styles is not null || package.Date1904 ? Copy(package.Zip, styles, isoDatesAsText: package.Date1904) : null;
        return new WorkbookDates(workbook, copy, package.Date1904);
    }

    /// <summary>A date cell's value as MiniExcel gave it, moved to the day the workbook means.</summary>
    public object? Day(object? value) =>
        Date1904 && value is DateTime date ? date.AddDays(Date1904Offset) : value;

    public void Dispose() => _copy?.Dispose();

    /// <summary>styles.xml with the East Asian date formats its cell styles use declared; null when it needs none.</summary>
    private static XDocument? WithEastAsianDateFormats(ZipArchiveEntry stylesPart)
    {
        XDocument styles;
        using (var stream = stylesPart.Open())
        using (var reader = XmlReader.Create(stream, XmlSettings, StylesPart))
        {
            styles = XDocument.Load(reader);
        }
        var sheet = styles.Root;
        if (sheet is null || sheet.Name != Main + "styleSheet")
        {
            return null;
        }
        var numFmts = sheet.Element(Main + "numFmts");
        var declared = (numFmts?.Elements(Main + "numFmt") ?? []).Select(f => IdOf(f.Attribute("numFmtId"))).ToHashSet();
        var needed = (sheet.Element(Main + "cellXfs")?.Elements(Main + "xf") ?? [])
            .Select(xf => IdOf(xf.Attribute("numFmtId")))
            .Where(id => EastAsianDateFormats.ContainsKey(id) && !declared.Contains(id))
            .Distinct()
            .Order()
            .ToList();
        if (needed.Count == 0)
        {
            return null;
        }
        if (numFmts is null)
        {
            // The schema puts numFmts first in styleSheet.
            numFmts = new XElement(Main + "numFmts");
            sheet.AddFirst(numFmts);
        }
        foreach (var id in needed)
        {
            numFmts.Add(new XElement(Main + "numFmt", new XAttribute("numFmtId", id), new XAttribute("formatCode", EastAsianDateFormats[id])));
        }
        numFmts.SetAttributeValue("count", numFmts.Elements(Main + "numFmt").Count());
        return styles;
    }

    private static int IdOf(XAttribute? numFmtId) =>
        int.TryParse(numFmtId?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;

    private static MemoryStream Copy(ZipArchive zip, XDocument? styles, bool isoDatesAsText)
    {
        var copy = new MemoryStream();
        using (var output = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                using var target = output.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                using var source = entry.Open();
                if (styles is not null && entry.FullName == StylesPart)
                {
                    styles.Save(target);
                }
                else if (isoDatesAsText && entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)
                    && entry.FullName.EndsWith(".xml", StringComparison.Ordinal))
                {
                    CopyWithIsoDatesAsText(source, target, entry.FullName);
                }
                else
                {
                    source.CopyTo(target);
                }
            }
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>Copies a worksheet node by node, writing each cell of type <c>d</c> as type <c>str</c> (a text result).</summary>
    private static void CopyWithIsoDatesAsText(Stream source, Stream target, string part)
    {
        using var reader = XmlReader.Create(source, XmlSettings, part);
        using var writer = XmlWriter.Create(target, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    var cell = reader.LocalName == "c" && reader.NamespaceURI == Main.NamespaceName;
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            var value = cell && reader.LocalName == "t" && reader.NamespaceURI.Length == 0 && reader.Value == "d" ? "str" : reader.Value;
                            writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, value);
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    if (empty)
                    {
                        writer.WriteEndElement();
                    }
                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
                default:
                    // The declaration is written by the writer; comments and instructions mean nothing to the cells.
                    break;
            }
        }
    }
}
