using System.IO.Compression;
using System.Xml;

namespace Compliance.Engine.Ingest;

/// <summary>
/// What a workbook says about its dates that MiniExcel does not read, so that a date cell gives the day Excel shows.
/// A workbook in the 1904 date system (Excel for Mac's old default, still a workbook option) counts serial days from
/// 1904-01-01, and MiniExcel reads every serial in the 1900 system: each date would come out four years and a day
/// early, silently.
/// </summary>
internal sealed class WorkbookDates
{
    /// <summary>Days from the 1900 system's day zero (1899-12-30) to the 1904 system's (1904-01-01).</summary>
    private const int Date1904Offset = 1462;

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private WorkbookDates(bool date1904)
    {
        Date1904 = date1904;
    }

    public bool Date1904 { get; }

    /// <summary>Reads the workbook's date system from a seekable stream, leaving the stream where it was.</summary>
    public static WorkbookDates Of(Stream workbook)
    {
        var start = workbook.Position;
        bool date1904;
        using (var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true))
        {
            date1904 = IsDate1904(zip.GetEntry("xl/workbook.xml"));
        }
        workbook.Position = start;
        return new WorkbookDates(date1904);
    }

    /// <summary>A date cell's value as MiniExcel gave it, moved to the day the workbook means.</summary>
    public object? Day(object? value) =>
        Date1904 && value is DateTime date ? date.AddDays(Date1904Offset) : value;

    private static bool IsDate1904(ZipArchiveEntry? workbookPart)
    {
        if (workbookPart is null)
        {
            return false;
        }
        using var stream = workbookPart.Open();
        using var reader = XmlReader.Create(stream, XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != MainNamespace)
            {
                continue;
            }
            if (reader.LocalName == "workbookPr")
            {
                return reader.GetAttribute("date1904")?.Trim() is "1" or "true";
            }
            if (reader.LocalName == "sheets")
            {
                // workbookPr comes before sheets when it is there at all.
                return false;
            }
        }
        return false;
    }
}
